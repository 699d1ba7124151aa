package fr.portailfamille.billing.directdebit.bank;

import fr.portailfamille.platform.problem.ApiProblem;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.UnsupportedCountryException;

import java.util.Locale;

/** A BIC (8 or 11 characters: bank, country, location, branch) checked by iban4j. Optional in SEPA since 2016. */
public record Bic(String value) {

    public Bic {
        BicUtil.validate(value);
    }

    /** The BIC typed in {@code field}, or null when nothing was typed; 400 naming the field otherwise. */
    public static Bic parseOptional(String field, String typed) {
        String compact = typed == null ? "" : typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (compact.isEmpty()) {
            return null;
        }
        try {
            return new Bic(compact);
        } catch (BicFormatException | UnsupportedCountryException e) {
            throw ApiProblem.invalidField(field, "bic.invalid");
        }
    }

    /** The BIC's country, which must be the IBAN's (a French account has a French BIC). */
    public String country() {
        return value.substring(4, 6);
    }
}
