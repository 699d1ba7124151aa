package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.directdebit.bank.Bic;
import fr.portailfamille.billing.directdebit.bank.Iban;
import fr.portailfamille.platform.problem.ApiProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** « Modifier mes coordonnées bancaires »: the account holder and the new IBAN (and BIC if given). */
public record BankDetailsForm(@NotBlank @Size(max = 70) String holderName,
                              @NotBlank @Size(max = 50) String iban,
                              @Size(max = 20) String bic) {

    record Checked(String holderName, Iban iban, Bic bic) {
    }

    Checked checked() {
        Iban parsedIban = Iban.parse("iban", iban);
        Bic parsedBic = Bic.parseOptional("bic", bic);
        if (parsedBic != null && !parsedBic.country().equals(parsedIban.country())) {
            throw ApiProblem.invalidField("bic", "bic.other-country", parsedIban.country());
        }
        return new Checked(holderName.strip().replaceAll("\\s+", " "), parsedIban, parsedBic);
    }
}
