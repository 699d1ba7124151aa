package fr.portailfamille.billing.dossier;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import java.util.List;

/**
 * dossier-service's billing profiles (service-account token with the realm role {@code invoicing};
 * never routed by the gateway): the known dossiers among the numbers asked.
 */
@FeignClient(name = "dossier", url = "${portal.services.dossier-url}", configuration = DossierClientConfiguration.class)
interface DossierClient {

    record ProfilesRequest(List<String> numbers) {
    }

    record Profiles(List<BillingProfile> profiles) {
    }

    @PostMapping("/internal/dossiers/billing-profiles")
    Profiles billingProfiles(@RequestBody ProfilesRequest request);
}
