package fr.portailfamille.dossier.guardian;

import fr.portailfamille.dossier.contact.ContactDetailsController.GuardianContact;
import fr.portailfamille.dossier.contact.FrenchPostcode;
import fr.portailfamille.dossier.contact.PhoneNumber;
import fr.portailfamille.platform.security.PortalPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/dossier/dossiers/{number}/guardians")
public class GuardianController {

    private final GuardianService service;

    public GuardianController(GuardianService service) {
        this.service = service;
    }

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

        GuardianContact contact() {
            return new GuardianContact(email, mobilePhone, homePhone, workPhone, addressLine1, addressLine2,
                    postcode, city);
        }
    }

    public record GuardianView(long id, int position, Civility civility, String civilityLabel, String firstName,
                               String lastName, String email, String mobilePhone, String homePhone, String workPhone,
                               String addressLine1, String addressLine2, String postcode, String city,
                               Instant updatedAt) {

        public static GuardianView of(Guardian guardian) {
            Guardian.Contact c = guardian.contact();
            return new GuardianView(guardian.getId(), guardian.getPosition(), guardian.getCivility(),
                    guardian.getCivility().label(), guardian.getFirstName(), guardian.getLastName(), c.email(),
                    c.mobilePhone(), c.homePhone(), c.workPhone(), c.addressLine1(), c.addressLine2(), c.postcode(),
                    c.city(), guardian.getUpdatedAt());
        }
    }

    @Operation(summary = "Add a guardian (responsable légal) to a dossier (agents)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('agent', 'admin')")
    public GuardianView add(PortalPrincipal agent, @PathVariable String number,
                            @Valid @RequestBody NewGuardian request) {
        return GuardianView.of(service.add(agent, number, request));
    }

    @Operation(summary = "The guardians of a dossier: the family's own, any for an agent")
    @GetMapping
    public List<GuardianView> list(PortalPrincipal caller, @PathVariable String number) {
        return service.list(caller, number).stream().map(GuardianView::of).toList();
    }
}
