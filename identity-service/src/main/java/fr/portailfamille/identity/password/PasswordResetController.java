package fr.portailfamille.identity.password;

import fr.portailfamille.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
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
public class PasswordResetController {

    private final PasswordResetService service;

    public PasswordResetController(PasswordResetService service) {
        this.service = service;
    }

    public record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record NewPassword(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 128) String password,
                              @Size(max = 128) String passwordConfirmation) {
    }

    public record PasswordSet(String username) {
    }

    @Operation(summary = "« Mot de passe oublié »: the same 202 whether or not the address has an account")
    @PostMapping("/api/identity/password-resets")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void request(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        service.request(request.email(), ClientAddress.of(http));
    }

    @Operation(summary = "Set the new password with the e-mail's link (single use, one hour)")
    @PostMapping("/api/identity/password-resets/complete")
    public PasswordSet complete(@Valid @RequestBody NewPassword request) {
        return new PasswordSet(service.complete(request.token(), request.password(), request.passwordConfirmation()));
    }
}
