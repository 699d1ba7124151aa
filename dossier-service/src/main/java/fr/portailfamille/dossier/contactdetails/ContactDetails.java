package fr.portailfamille.dossier.contactdetails;

import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.text.Texts;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * A guardian's contact details: e-mail, phones, postal address. As typed in a form it carries the
 * check of each field; {@link #normalised()} gives what is stored.
 */
public record ContactDetails(
        @Email @Size(max = 254) String email,
        @PhoneNumber String mobilePhone,
        @PhoneNumber String homePhone,
        @PhoneNumber String workPhone,
        @Size(max = 200) String addressLine1,
        @Size(max = 200) String addressLine2,
        @FrenchPostcode String postcode,
        @Size(max = 100) String city) {

    /**
     * Trimmed, blanks as none, phones in E.164 (call it on checked values: a phone that is not one
     * fails). A postal address has its line, postcode and city together or nothing at all (an envelope
     * cannot go to half an address): otherwise a 400 names the first one missing.
     */
    public ContactDetails normalised() {
        String line1 = Texts.blankToNull(addressLine1);
        String line2 = Texts.blankToNull(addressLine2);
        String code = Texts.blankToNull(postcode);
        String town = Texts.blankToNull(city);
        if (line1 != null || line2 != null || code != null || town != null) {
            if (line1 == null) {
                throw ApiProblem.invalidField("addressLine1", "guardian.address.incomplete");
            }
            if (code == null) {
                throw ApiProblem.invalidField("postcode", "guardian.address.incomplete");
            }
            if (town == null) {
                throw ApiProblem.invalidField("city", "guardian.address.incomplete");
            }
        }
        return new ContactDetails(Texts.blankToNull(email), PhoneNumbers.normalise(mobilePhone),
                PhoneNumbers.normalise(homePhone), PhoneNumbers.normalise(workPhone), line1, line2, code, town);
    }

    /** The same details with another e-mail and mobile phone (those of the dossier's contact). */
    public ContactDetails withEmailAndMobile(String newEmail, String newMobile) {
        return new ContactDetails(newEmail, newMobile, homePhone, workPhone, addressLine1, addressLine2, postcode, city);
    }
}
