package fr.portailfamille.identity.keycloak;

import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Keycloak did not answer or failed: a 503 telling the family it is temporary and its
 * registration is kept; nothing is half-done.
 */
public class KeycloakUnavailableException extends ApiProblem {

    public KeycloakUnavailableException(String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "service-indisponible", "keycloak.unavailable");
        initCause(cause);
        org.slf4j.LoggerFactory.getLogger(KeycloakUnavailableException.class).warn("{}: {}", message, cause.toString());
    }
}
