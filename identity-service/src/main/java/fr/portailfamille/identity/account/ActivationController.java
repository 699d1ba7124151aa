package fr.portailfamille.identity.account;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ActivationController {

    private final ActivationService activations;
    private final String authorityName;

    public ActivationController(ActivationService activations,
                                @Value("${portal.branding.authority-short-name}") String authorityName) {
        this.activations = activations;
        this.authorityName = authorityName;
    }

    public record ActivationRequest(@NotBlank @Size(max = 100) String token) {
    }

    public record Activated(String username, String authorityName) {
    }

    @Operation(summary = "Activate an account with the link of its e-mail (public; single use)")
    @PostMapping("/api/identity/activations")
    public Activated activate(@Valid @RequestBody ActivationRequest request) {
        Account account = activations.activate(request.token());
        return new Activated(account.getUsername(), authorityName);
    }
}
