package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.directdebit.bank.BankAccount;
import fr.portailfamille.billing.directdebit.bank.Bic;
import fr.portailfamille.billing.directdebit.bank.Iban;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** « Modifier mes coordonnées bancaires »: the account holder and the new IBAN (and BIC if given). */
public record BankDetailsForm(@NotBlank @Size(max = 70) String holderName,
                              @NotBlank @Size(max = 50) String iban,
                              @Size(max = 20) String bic) {

    record Checked(String holderName, Iban iban, Bic bic) {
    }

    Checked checked() {
        BankAccount account = BankAccount.parse(iban, bic);
        return new Checked(holderName.strip().replaceAll("\\s+", " "), account.iban(), account.bic());
    }
}
