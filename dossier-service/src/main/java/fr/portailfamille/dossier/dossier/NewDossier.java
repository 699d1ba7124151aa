package fr.portailfamille.dossier.dossier;

import fr.portailfamille.dossier.contactdetails.PhoneNumber;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A dossier as an agent creates it: its number (3 or 4 digits, printed on invoices), family name and contact. */
public record NewDossier(
        @NotBlank @Pattern(regexp = "^\\d{3,4}$", message = "{dossier.number.format}") String number,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Email @Size(max = 254) String email,
        @PhoneNumber String phone) {
}
