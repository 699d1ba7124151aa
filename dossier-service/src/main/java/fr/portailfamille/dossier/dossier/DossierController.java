package fr.portailfamille.dossier.dossier;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/dossier/dossiers")
public class DossierController {

    static final String PHONE = "^(\\+33 ?|0)[1-9]([ .\\-]?\\d{2}){4}$";

    private final DossierService service;

    public DossierController(DossierService service) {
        this.service = service;
    }

    public record NewDossier(
            @NotBlank @Pattern(regexp = "^\\d{3,4}$", message = "{dossier.number.format}") String number,
            @NotBlank @Size(max = 100) String familyName,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = PHONE, message = "{dossier.phone.format}") String phone) {
    }

    public record ContactDetails(
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = PHONE, message = "{dossier.phone.format}") String phone) {
    }

    public record DossierView(String number, String familyName, String email, String phone,
                              Instant updatedAt, String updatedBy) {

        static DossierView of(Dossier dossier) {
            return new DossierView(dossier.getNumber(), dossier.getFamilyName(), dossier.getEmail(),
                    dossier.getPhone(), dossier.getUpdatedAt(), dossier.getUpdatedBy());
        }
    }

    @Operation(summary = "Create a dossier (agents)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('agent', 'admin')")
    public DossierView create(@Valid @RequestBody NewDossier request) {
        return DossierView.of(service.create(request));
    }

    @Operation(summary = "A dossier: the family's own, or any for an agent")
    @GetMapping("/{number}")
    public DossierView get(PortalPrincipal caller, @PathVariable String number) {
        return DossierView.of(service.get(caller, number));
    }

    @Operation(summary = "Change the contact details of a dossier")
    @PutMapping("/{number}/contact-details")
    public DossierView changeContactDetails(PortalPrincipal caller, @PathVariable String number,
                                            @Valid @RequestBody ContactDetails details) {
        return DossierView.of(service.changeContactDetails(caller, number, details));
    }
}
