package fr.portailfamille.identity.registration;

import fr.portailfamille.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * « Ma première connexion », public: the steps of the old portal's wizard, each saved in a draft
 * that the browser holds by its secret id.
 */
@RestController
@RequestMapping("/api/identity/registrations")
public class RegistrationController {

    private final RegistrationService service;

    public RegistrationController(RegistrationService service) {
        this.service = service;
    }

    /**
     * « Informations personnelles »; an empty username means the e-mail is the identifiant. Once the
     * dossier is checked, changing the e-mail or the identifiant needs {@code currentPassword}: the
     * password chosen for this registration, typed again.
     */
    public record Personal(
            @NotNull Registration.Civility civility,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 30) String phone,
            @Size(max = 100) @Pattern(regexp = "^$|^[A-Za-z0-9._@-]{3,100}$", message = "{registration.username.format}")
            String username,
            @Size(max = 128) String password,
            @Size(max = 128) String passwordConfirmation,
            @Size(max = 128) String currentPassword) {

        PersonalDetails details() {
            return new PersonalDetails(civility, lastName, firstName, email, phone, username, password,
                    passwordConfirmation, currentPassword);
        }
    }

    /** « Références dossier », as printed on the invoice. */
    public record DossierReference(
            @NotBlank @Pattern(regexp = "^\\d{3,4}$", message = "{registration.dossier.format}") String dossierNumber,
            @NotBlank @Size(max = 40) String accessKey,
            @NotBlank @Size(max = 100) String familyName) {

        PrintedReference printed() {
            return new PrintedReference(dossierNumber, accessKey, familyName);
        }
    }

    public record CguAcceptance(@NotBlank String version,
                                @AssertTrue(message = "{registration.cgu.read}") boolean accepted) {
    }

    public record RegistrationView(String id, Registration.Step step, Registration.Civility civility, String lastName,
                                   String firstName, String email, String phone, String username, String dossierNumber,
                                   String familyName, String cguVersion, Instant cguAcceptedAt, Instant expiresAt) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(r.getId(), r.getStep(), r.getCivility(), r.getLastName(), r.getFirstName(),
                    r.getEmail(), r.getPhone(), r.getUsername(), r.getDossierNumber(), r.getFamilyName(),
                    r.getCguVersion(), r.getCguAcceptedAt(), r.getExpiresAt());
        }
    }

    @Operation(summary = "Step 1: start a registration with the personal information")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public RegistrationView start(@Valid @RequestBody Personal personal, HttpServletRequest request) {
        return RegistrationView.of(service.start(personal.details(), ClientAddress.of(request)));
    }

    @Operation(summary = "The draft, to resume it")
    @GetMapping("/{id}")
    public RegistrationView get(@PathVariable String id) {
        return RegistrationView.of(service.draft(id));
    }

    @Operation(summary = "Step 1 again: change the personal information (empty password: keep it; "
            + "after the dossier check, a new e-mail or identifiant needs currentPassword)")
    @PutMapping("/{id}/personal")
    public RegistrationView personal(@PathVariable String id, @Valid @RequestBody Personal personal) {
        return RegistrationView.of(service.personal(id, personal.details()));
    }

    @Operation(summary = "Step 2: the dossier reference, checked with dossier-service")
    @PutMapping("/{id}/dossier")
    public RegistrationView dossier(@PathVariable String id, @Valid @RequestBody DossierReference reference,
                                    HttpServletRequest request) {
        return RegistrationView.of(service.dossier(id, reference.printed(), ClientAddress.of(request)));
    }

    @Operation(summary = "Step 3: accept the current CGU (version, time and IP recorded)")
    @PutMapping("/{id}/cgu")
    public RegistrationView cgu(@PathVariable String id, @Valid @RequestBody CguAcceptance acceptance,
                                HttpServletRequest request) {
        return RegistrationView.of(service.acceptCgu(id, acceptance.version(), ClientAddress.of(request)));
    }

    @Operation(summary = "Step 4: « valider » — the account is created, disabled, and the activation mail sent")
    @PostMapping("/{id}/submit")
    public RegistrationView submit(@PathVariable String id) {
        return RegistrationView.of(service.submit(id));
    }

    @Operation(summary = "« renvoyer le mail » of activation (3 an hour)")
    @PostMapping("/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void resend(@PathVariable String id, HttpServletRequest request) {
        service.resend(id, ClientAddress.of(request));
    }
}
