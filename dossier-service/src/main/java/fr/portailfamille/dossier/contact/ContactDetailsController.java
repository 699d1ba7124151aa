package fr.portailfamille.dossier.contact;

import fr.portailfamille.dossier.contactdetails.ContactDetails;
import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.dossier.guardian.Civility;
import fr.portailfamille.dossier.guardian.Guardian;
import fr.portailfamille.platform.security.PortalPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * « Modifier mes coordonnées »: the family (or an agent) changes the dossier's contact or a
 * guardian's address, phones and e-mail. Applied at once, recorded as an accepted request.
 */
@RestController
@RequestMapping("/api/dossier/dossiers/{number}")
public class ContactDetailsController {

    private final ContactDetailsService service;

    public ContactDetailsController(ContactDetailsService service) {
        this.service = service;
    }

    /** The dossier after the change (the same fields as the dossier's own answer). */
    public record DossierContactView(String number, String familyName, String email, String phone,
                                     Instant updatedAt, String updatedBy) {

        static DossierContactView of(Dossier dossier) {
            return new DossierContactView(dossier.getNumber(), dossier.getFamilyName(), dossier.getEmail(),
                    dossier.getPhone(), dossier.getUpdatedAt(), dossier.getUpdatedBy());
        }
    }

    /** The guardian after the change (the same fields as the guardians' list). */
    public record GuardianContactView(long id, int position, Civility civility, String civilityLabel,
                                      String firstName, String lastName, String email, String mobilePhone,
                                      String homePhone, String workPhone, String addressLine1, String addressLine2,
                                      String postcode, String city, Instant updatedAt) {

        static GuardianContactView of(Guardian guardian) {
            ContactDetails c = guardian.contact();
            return new GuardianContactView(guardian.getId(), guardian.getPosition(), guardian.getCivility(),
                    guardian.getCivility().label(), guardian.getFirstName(), guardian.getLastName(), c.email(),
                    c.mobilePhone(), c.homePhone(), c.workPhone(), c.addressLine1(), c.addressLine2(), c.postcode(),
                    c.city(), guardian.getUpdatedAt());
        }
    }

    @Operation(summary = "Change the contact (e-mail, phone) of a dossier")
    @PutMapping("/contact-details")
    public DossierContactView changeDossierContact(PortalPrincipal caller, @PathVariable String number,
                                                   @Valid @RequestBody DossierContact contact) {
        return DossierContactView.of(service.changeDossierContact(caller, number, contact));
    }

    @Operation(summary = "Change the contact details of a guardian (address, phones, e-mail)")
    @PutMapping("/guardians/{id}/contact-details")
    public GuardianContactView changeGuardianContact(PortalPrincipal caller, @PathVariable String number,
                                                     @PathVariable long id,
                                                     @Valid @RequestBody ContactDetails contact) {
        return GuardianContactView.of(service.changeGuardianContact(caller, number, id, contact));
    }
}
