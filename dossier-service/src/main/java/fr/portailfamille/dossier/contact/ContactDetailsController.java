package fr.portailfamille.dossier.contact;

import fr.portailfamille.dossier.dossier.DossierController.DossierView;
import fr.portailfamille.dossier.guardian.GuardianController.GuardianView;
import fr.portailfamille.platform.security.PortalPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    /** The dossier's contact: where the portal's e-mails go. */
    public record DossierContact(
            @NotBlank @Email @Size(max = 254) String email,
            @PhoneNumber String phone) {
    }

    /** A guardian's contact details; a postal address has its three parts or none. */
    public record GuardianContact(
            @Email @Size(max = 254) String email,
            @PhoneNumber String mobilePhone,
            @PhoneNumber String homePhone,
            @PhoneNumber String workPhone,
            @Size(max = 200) String addressLine1,
            @Size(max = 200) String addressLine2,
            @FrenchPostcode String postcode,
            @Size(max = 100) String city) {
    }

    @Operation(summary = "Change the contact (e-mail, phone) of a dossier")
    @PutMapping("/contact-details")
    public DossierView changeDossierContact(PortalPrincipal caller, @PathVariable String number,
                                            @Valid @RequestBody DossierContact contact) {
        return DossierView.of(service.changeDossierContact(caller, number, contact));
    }

    @Operation(summary = "Change the contact details of a guardian (address, phones, e-mail)")
    @PutMapping("/guardians/{id}/contact-details")
    public GuardianView changeGuardianContact(PortalPrincipal caller, @PathVariable String number,
                                              @PathVariable long id, @Valid @RequestBody GuardianContact contact) {
        return GuardianView.of(service.changeGuardianContact(caller, number, id, contact));
    }
}
