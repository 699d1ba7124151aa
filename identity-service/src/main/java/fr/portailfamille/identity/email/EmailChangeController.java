package fr.portailfamille.identity.email;

import fr.portailfamille.platform.security.PortalPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EmailChangeController {

    private final EmailChangeService service;

    public EmailChangeController(EmailChangeService service) {
        this.service = service;
    }

    public record EmailChangeRequest(@NotBlank @Email @Size(max = 254) String newEmail,
                                     @NotBlank @Size(max = 128) String currentPassword) {
    }

    public record Confirmation(@NotBlank @Size(max = 100) String token) {
    }

    public record Confirmed(String email) {
    }

    @Operation(summary = "Ask to change my e-mail: a confirmation link goes to the new address")
    @PostMapping("/api/identity/me/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void request(PortalPrincipal me, @Valid @RequestBody EmailChangeRequest request) {
        service.request(me, request.newEmail(), request.currentPassword());
    }

    @Operation(summary = "Confirm a new e-mail with the link sent to it (public; single use)")
    @PostMapping("/api/identity/email-changes/complete")
    public Confirmed confirm(@Valid @RequestBody Confirmation confirmation) {
        return new Confirmed(service.confirm(confirmation.token()));
    }
}
