package fr.portailfamille.gateway.routing;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/** What people get when a service is down or too slow: 503 problem+json, in French, at once. */
@RestController
public class FallbackController {

    static final URI TYPE = URI.create("urn:portail-famille:problem:service-indisponible");

    private static final Map<String, String> NAMES = Map.of(
            "identity", "inscription et compte",
            "dossier", "dossier famille",
            "billing", "facturation",
            "messaging", "messagerie");

    @RequestMapping("/fallback/{service}")
    public ResponseEntity<ProblemDetail> unavailable(@PathVariable String service) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Le service « " + NAMES.getOrDefault(service, service)
                        + " » est momentanément indisponible. Réessayez dans quelques minutes.");
        problem.setType(TYPE);
        problem.setTitle("Service momentanément indisponible");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(RoutesConfiguration.OPEN_FOR.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
