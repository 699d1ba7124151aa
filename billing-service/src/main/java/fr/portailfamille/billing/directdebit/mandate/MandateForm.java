package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.directdebit.bank.BankAccount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * « Adhérer au prélèvement automatique » as the family fills it: the account holder (as on the RIB),
 * the holder's address, the IBAN (grouped or not), the BIC if the family gives it, and the version of
 * the mandate text it was shown.
 */
public record MandateForm(@NotBlank @Size(max = 70) String holderName,
                          @NotBlank @Size(max = 140) String addressLine,
                          @NotBlank @Pattern(regexp = "[0-9]{5}") String postcode,
                          @NotBlank @Size(max = 70) String city,
                          @NotBlank @Size(max = 50) String iban,
                          @Size(max = 20) String bic,
                          @NotBlank String textVersion) {

    /** The checked values: the IBAN and BIC as banks check them; the BIC's country must be the IBAN's. */
    MandateRequest checked() {
        BankAccount account = BankAccount.parse(iban, bic);
        return new MandateRequest(holderName.strip().replaceAll("\\s+", " "), addressLine.strip(), postcode,
                city.strip(), account.iban(), account.bic(), textVersion);
    }
}
