package fr.portailfamille.billing.directdebit.bank;

import fr.portailfamille.platform.problem.ApiProblem;
import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

import java.util.Locale;

/**
 * An IBAN checked by iban4j (the country's length and format, the check digits), kept in its
 * electronic form ({@code FR7630006000011234567890189}). People type it grouped by four, with
 * spaces, dashes or in lower case: all of that is accepted. It is shown grouped
 * ({@link #grouped()}) while the family types and checks it, then masked ({@link #masked()}).
 */
public record Iban(String value) {

    public Iban {
        IbanUtil.validate(value);
    }

    /**
     * The IBAN typed in {@code field}; 400 naming the field, in French, saying what is wrong: the
     * country, the length for that country, or the check digits (a mistyped character).
     */
    public static Iban parse(String field, String typed) {
        String compact = typed == null ? "" : typed.replaceAll("[\\s\\-.]", "").toUpperCase(Locale.ROOT);
        if (compact.isEmpty()) {
            throw ApiProblem.invalidField(field, "iban.required");
        }
        try {
            return new Iban(compact);
        } catch (InvalidCheckDigitException e) {
            throw ApiProblem.invalidField(field, "iban.check-digits");
        } catch (UnsupportedCountryException e) {
            throw ApiProblem.invalidField(field, "iban.country", compact.substring(0, Math.min(2, compact.length())));
        } catch (IbanFormatException e) {
            CountryCode country = compact.length() >= 2 ? CountryCode.getByCode(compact.substring(0, 2)) : null;
            if (country == null) {
                throw ApiProblem.invalidField(field, "iban.country", compact.substring(0, Math.min(2, compact.length())));
            }
            int expected;
            try {
                expected = IbanUtil.getIbanLength(country);
            } catch (RuntimeException notSepa) {
                throw ApiProblem.invalidField(field, "iban.country", country.getAlpha2());
            }
            if (compact.length() != expected) {
                throw ApiProblem.invalidField(field, "iban.length", country.getAlpha2(), expected, compact.length());
            }
            throw ApiProblem.invalidField(field, "iban.format");
        }
    }

    /**
     * Whether both accounts are at the same bank (country and the bank code of the BBAN, as the registry
     * places it): a new IBAN at the same bank is an amendment with the original account; at another bank,
     * {@code SMNDA}.
     */
    public boolean sameBankAs(Iban other) {
        if (!country().equals(other.country())) {
            return false;
        }
        String mine = IbanUtil.getBankCode(value);
        String theirs = IbanUtil.getBankCode(other.value);
        return mine != null && mine.equals(theirs);
    }

    /** The country code, {@code FR}. */
    public String country() {
        return value.substring(0, 2);
    }

    /** By groups of four, as printed on a RIB: {@code FR76 3000 6000 0112 3456 7890 189}. */
    public String grouped() {
        return value.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /**
     * What is shown after signing, everywhere but to the treasury: the country, the check digits and
     * the last group, the rest as stars — {@code FR76 **** **** **** **** **** 189}.
     */
    public String masked() {
        String grouped = grouped();
        int first = grouped.indexOf(' ');
        int last = grouped.lastIndexOf(' ');
        if (first < 0 || first == last) {
            return grouped;
        }
        String middle = grouped.substring(first + 1, last).replaceAll("[^ ]", "*");
        return grouped.substring(0, first + 1) + middle + grouped.substring(last);
    }

    @Override
    public String toString() {
        return masked();
    }
}
