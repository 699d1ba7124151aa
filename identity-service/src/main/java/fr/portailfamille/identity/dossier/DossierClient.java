package fr.portailfamille.identity.dossier;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import java.time.Instant;

/** dossier-service's internal reference check (service-account token; never routed by the gateway). */
@FeignClient(name = "dossier", url = "${portal.services.dossier-url}", configuration = DossierClientConfiguration.class)
public interface DossierClient {

    record VerifyReference(String number, String accessKey, String familyName) {
    }

    record Verification(boolean match, Instant lockedUntil) {
    }

    @PostMapping("/internal/dossiers/verify")
    Verification verify(@RequestBody VerifyReference reference);
}
