package fr.portailfamille.dossier.guardian;

import fr.portailfamille.dossier.contactdetails.ContactDetails;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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

    public record GuardianView(long id, int position, Civility civility, String civilityLabel, String firstName,
                               String lastName, String email, String mobilePhone, String homePhone, String workPhone,
                               String addressLine1, String addressLine2, String postcode, String city,
                               Instant updatedAt) {

        static GuardianView of(Guardian guardian) {
            ContactDetails c = guardian.contact();
            return new GuardianView(guardian.getId(), guardian.getPosition(), guardian.getCivility(),
                    guardian.getCivility().label(), guardian.getFirstName(), guardian.getLastName(), c.email(),
                    c.mobilePhone(), c.homePhone(), c.workPhone(), c.addressLine1(), c.addressLine2(), c.postcode(),
                    c.city(), guardian.getUpdatedAt());
        }
    }

    @Operation(summary = "Add a guardian (responsable légal) to a dossier (agents)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @StaffOnly
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
