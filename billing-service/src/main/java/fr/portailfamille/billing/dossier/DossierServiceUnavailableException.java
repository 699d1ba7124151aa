package fr.portailfamille.billing.dossier;

import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** 503: dossier-service (or Keycloak, for its token) did not answer; the caller wrote nothing. */
public class DossierServiceUnavailableException extends ApiProblem {

    public DossierServiceUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "service-indisponible", "dossier.unavailable");
    }
}
