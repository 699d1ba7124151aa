package fr.portailfamille.billing.directdebit.bank;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The creditor's SEPA identifier (ICS, « identifiant créancier SEPA »), given to the authority by
 * the Banque de France: {@code FRkkZZZnnnnnn} — country, two check digits, a business code the
 * creditor chooses ({@code ZZZ} by default) and the national identifier (6 characters in France).
 * The check digits are ISO 7064 MOD 97-10 over the national identifier followed by the country and
 * {@code 00}, letters counted A = 10 … Z = 35, the business code left out (EPC262-08, « Creditor
 * Identifier Overview »). No library covers it; the rule is three lines, written here.
 */
public record CreditorIdentifier(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}");
    private static final Pattern FRENCH = Pattern.compile("FR[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{6}");

    public CreditorIdentifier {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a SEPA creditor identifier (ICS): " + value);
        }
    }

    /** The identifier as configured (spaces and case forgiven), checked; an error naming the setting otherwise. */
    public static CreditorIdentifier of(String setting, String configured) {
        String compact = configured == null ? "" : configured.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!isValid(compact)) {
            throw new IllegalStateException(setting + " is not a valid SEPA creditor identifier (ICS, FRkkZZZnnnnnn): "
                    + configured);
        }
        return new CreditorIdentifier(compact);
    }

    public static boolean isValid(String ics) {
        if (ics == null || !SHAPE.matcher(ics).matches()) {
            return false;
        }
        if (ics.startsWith("FR") && !FRENCH.matcher(ics).matches()) {
            return false;
        }
        return ics.substring(2, 4).equals(checkDigits(ics.substring(0, 2), ics.substring(7)));
    }

    /** The two check digits of a national identifier in a country ({@code 98 - (n mod 97)}). */
    static String checkDigits(String country, String nationalId) {
        StringBuilder digits = new StringBuilder();
        for (char c : (nationalId + country + "00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", check);
    }

    /** The creditor's business code ({@code ZZZ} unless the creditor chose one). */
    public String businessCode() {
        return value.substring(4, 7);
    }
}
