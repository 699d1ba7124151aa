package fr.portailfamille.dossier.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.portailfamille.dossier.contact.PhoneNumber;
import fr.portailfamille.dossier.linking.DossierLinking;
import fr.portailfamille.platform.security.PortalPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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

import java.time.Clock;
import java.time.Instant;

@RestController
@RequestMapping("/api/dossier/dossiers")
public class DossierController {

    private final DossierService service;
    private final DossierLinking linking;
    private final Clock clock;

    public DossierController(DossierService service, DossierLinking linking, Clock clock) {
        this.service = service;
        this.linking = linking;
        this.clock = clock;
    }

    public record NewDossier(
            @NotBlank @Pattern(regexp = "^\\d{3,4}$", message = "{dossier.number.format}") String number,
            @NotBlank @Size(max = 100) String familyName,
            @NotBlank @Email @Size(max = 254) String email,
            @PhoneNumber String phone) {
    }

    /**
     * A dossier as its family or an agent sees it. {@code accessKey} is there only in the answer to
     * its creation (to print on invoices); {@code linkingLockedUntil} only for agents, when too many
     * wrong access keys locked online linking.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DossierView(String number, String familyName, String email, String phone,
                              Instant updatedAt, String updatedBy, String accessKey, Instant linkingLockedUntil) {

        public static DossierView of(Dossier dossier) {
            return new DossierView(dossier.getNumber(), dossier.getFamilyName(), dossier.getEmail(),
                    dossier.getPhone(), dossier.getUpdatedAt(), dossier.getUpdatedBy(), null, null);
        }
    }

    @Operation(summary = "Create a dossier (agents)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('agent', 'admin')")
    public DossierView create(@Valid @RequestBody NewDossier request) {
        DossierService.Created created = service.create(request);
        Dossier dossier = created.dossier();
        return new DossierView(dossier.getNumber(), dossier.getFamilyName(), dossier.getEmail(), dossier.getPhone(),
                dossier.getUpdatedAt(), dossier.getUpdatedBy(), created.accessKey(), null);
    }

    @Operation(summary = "A dossier: the family's own, or any for an agent")
    @GetMapping("/{number}")
    public DossierView get(PortalPrincipal caller, @PathVariable String number) {
        Dossier dossier = service.get(caller, number);
        DossierView view = DossierView.of(dossier);
        if (!caller.isStaff()) {
            return view;
        }
        Instant lockedUntil = linking.lockedUntil(dossier, clock.instant()).orElse(null);
        return new DossierView(view.number(), view.familyName(), view.email(), view.phone(), view.updatedAt(),
                view.updatedBy(), null, lockedUntil);
    }
}
