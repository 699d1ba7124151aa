package fr.portailfamille.billing.directdebit.bank;

import fr.portailfamille.platform.problem.ApiProblem;

import java.security.SecureRandom;
import java.time.Year;
import java.util.regex.Pattern;

/**
 * A mandate's unique reference (RUM, « référence unique du mandat »): at most 35 characters among
 * {@code A–Z 0–9 / - ? : ( ) . , ' +} and space (the SEPA rulebook's set, upper case only here, as
 * French banks print it), never starting or ending with {@code /}, never {@code //}. A new one is
 * {@code <prefix>-<year>-<10 random characters>}: it says nothing of the account, never derives from
 * the IBAN (which changes while the mandate stays) and cannot be guessed from another family's.
 */
public record MandateReference(String value) {

    public static final int MAX_LENGTH = 35;
    private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9/\\-?:().,'+ ]{1," + MAX_LENGTH + "}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,12}");
    /** Crockford's base 32: no I, L, O, U, nothing to misread on a phone call. */
    private static final char[] RANDOM = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom SOURCE = new SecureRandom();

    public MandateReference {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a mandate reference (RUM): " + value);
        }
    }

    public static boolean isValid(String rum) {
        return rum != null && ALLOWED.matcher(rum).matches() && !rum.startsWith("/") && !rum.endsWith("/")
                && !rum.contains("//") && !rum.isBlank();
    }

    /** A mandate reference typed (e.g. by an agent entering a rejection) in {@code field}; 400 naming it otherwise. */
    public static MandateReference parse(String field, String typed) {
        String trimmed = typed == null ? "" : typed.strip();
        if (!isValid(trimmed)) {
            throw ApiProblem.invalidField(field, "rum.invalid");
        }
        return new MandateReference(trimmed);
    }

    /** A new reference: {@code prefix} is the authority's short code (letters and digits, 12 at most). */
    public static MandateReference next(String prefix, Year year) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("A RUM prefix has 1 to 12 upper-case letters or digits: " + prefix);
        }
        StringBuilder random = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            random.append(RANDOM[SOURCE.nextInt(RANDOM.length)]);
        }
        return new MandateReference(prefix + "-" + year.getValue() + "-" + random);
    }
}
