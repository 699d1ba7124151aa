package fr.portailfamille.dossier.guardian;

import fr.portailfamille.dossier.contactdetails.ContactDetails;
import fr.portailfamille.dossier.contactdetails.FrenchPostcode;
import fr.portailfamille.dossier.contactdetails.PhoneNumber;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A guardian as an agent records it: who, then the same contact fields as the family's form. */
public record NewGuardian(
        @NotNull Civility civility,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Email @Size(max = 254) String email,
        @PhoneNumber String mobilePhone,
        @PhoneNumber String homePhone,
        @PhoneNumber String workPhone,
        @Size(max = 200) String addressLine1,
        @Size(max = 200) String addressLine2,
        @FrenchPostcode String postcode,
        @Size(max = 100) String city) {

    public ContactDetails contact() {
        return new ContactDetails(email, mobilePhone, homePhone, workPhone, addressLine1, addressLine2, postcode, city);
    }
}
