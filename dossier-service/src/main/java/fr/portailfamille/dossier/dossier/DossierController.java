package fr.portailfamille.dossier.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
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

@RestController
@RequestMapping("/api/dossier/dossiers")
public class DossierController {

    private final DossierService service;

    public DossierController(DossierService service) {
        this.service = service;
    }

    /**
     * A dossier as its family or an agent sees it. {@code accessKey} is there only in the answer to
     * its creation (to print on invoices); {@code linkingLockedUntil} only for agents, when too many
     * wrong access keys locked online linking.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DossierView(String number, String familyName, String email, String phone,
                              Instant updatedAt, String updatedBy, String accessKey, Instant linkingLockedUntil) {

        static DossierView of(Dossier dossier, String accessKey, Instant linkingLockedUntil) {
            return new DossierView(dossier.getNumber(), dossier.getFamilyName(), dossier.getEmail(),
                    dossier.getPhone(), dossier.getUpdatedAt(), dossier.getUpdatedBy(), accessKey, linkingLockedUntil);
        }
    }

    @Operation(summary = "Create a dossier (agents)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @StaffOnly
    public DossierView create(@Valid @RequestBody NewDossier request) {
        DossierService.Created created = service.create(request);
        return DossierView.of(created.dossier(), created.accessKey(), null);
    }

    /** A new access key, shown once to the agent who gives it to the family. */
    public record NewAccessKeyView(String number, String accessKey) {
    }

    @Operation(summary = "Issue a new access key (agents): shown once, the old key stops working")
    @PostMapping("/{number}/access-key")
    @StaffOnly
    public NewAccessKeyView issueNewAccessKey(PortalPrincipal agent, @PathVariable String number) {
        DossierService.Created issued = service.issueNewAccessKey(agent, number);
        return new NewAccessKeyView(issued.dossier().getNumber(), issued.accessKey());
    }

    @Operation(summary = "A dossier: the family's own, or any for an agent")
    @GetMapping("/{number}")
    public DossierView get(PortalPrincipal caller, @PathVariable String number) {
        DossierService.Seen seen = service.view(caller, number);
        return DossierView.of(seen.dossier(), null, seen.linkingLockedUntil());
    }
}
