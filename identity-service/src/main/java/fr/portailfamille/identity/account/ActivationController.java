package fr.portailfamille.identity.account;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ActivationController {

    private final ActivationService activations;

    public ActivationController(ActivationService activations) {
        this.activations = activations;
    }

    public record ActivationRequest(@NotBlank @Size(max = 100) String token) {
    }

    /** The page greets with the portal's names, which the web app has from the gateway. */
    public record Activated(String username) {
    }

    @Operation(summary = "Activate an account with the link of its e-mail (public; single use)")
    @PostMapping("/api/identity/activations")
    public Activated activate(@Valid @RequestBody ActivationRequest request) {
        Account account = activations.activate(request.token());
        return new Activated(account.getUsername());
    }
}
