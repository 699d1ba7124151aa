package fr.portailfamille.dossier.billingprofile;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For billing-service only, never routed by the gateway: {@code /internal/**} already needs the
 * {@code service} role, and this answer holds access keys in clear, so it also needs the realm role
 * {@code invoicing}, which only billing-service's service account has (identity-service's gets 403).
 * The role is checked before the numbers (a refused caller learns nothing of what it sent; only a body that is
 * not JSON gets its 400 first).
 */
@RestController
public class BillingProfilesController {

    private final BillingProfiles profiles;

    public BillingProfilesController(BillingProfiles profiles) {
        this.profiles = profiles;
    }

    /** Up to 10,000 dossier numbers of 3 or 4 digits. */
    public record ProfilesRequest(List<String> numbers) {
    }

    /** The known dossiers among the numbers asked, by number. */
    public record ProfilesView(List<BillingProfile> profiles) {
    }

    @Operation(summary = "Billing profiles of dossiers (billing-service): family name, e-mail, address, access key")
    @PostMapping("/internal/dossiers/billing-profiles")
    @PreAuthorize("hasRole('invoicing')")
    public ProfilesView profiles(@RequestBody ProfilesRequest request) {
        return new ProfilesView(profiles.of(request.numbers()));
    }
}
