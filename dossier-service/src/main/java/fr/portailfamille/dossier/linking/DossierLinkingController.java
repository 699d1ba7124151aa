package fr.portailfamille.dossier.linking;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For identity-service only (service-account token with role {@code service}; never routed by the
 * gateway): does this dossier reference prove ownership?
 */
@RestController
public class DossierLinkingController {

    private final DossierLinking linking;

    public DossierLinkingController(DossierLinking linking) {
        this.linking = linking;
    }

    public record VerifyReference(
            @NotBlank @Size(max = 10) String number,
            @NotBlank @Size(max = 40) String accessKey,
            @NotBlank @Size(max = 100) String familyName) {
    }

    @Operation(summary = "Verify a dossier reference (number + access key + family name): match or no match")
    @PostMapping("/internal/dossiers/verify")
    public DossierLinking.Verification verify(@Valid @RequestBody VerifyReference reference) {
        return linking.verify(reference.number(), reference.accessKey(), reference.familyName());
    }
}
