package fr.portailfamille.dossier.contact;

import fr.portailfamille.dossier.contactdetails.PhoneNumber;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The dossier's contact: where the portal's e-mails go. */
public record DossierContact(
        @NotBlank @Email @Size(max = 254) String email,
        @PhoneNumber String phone) {
}
