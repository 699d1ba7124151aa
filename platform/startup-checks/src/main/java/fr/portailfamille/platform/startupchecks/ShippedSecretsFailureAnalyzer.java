package fr.portailfamille.platform.startupchecks;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refusal as Spring Boot's « APPLICATION FAILED TO START » block, without a stack trace. */
public class ShippedSecretsFailureAnalyzer extends AbstractFailureAnalyzer<ShippedSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ShippedSecretsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Définissez ces variables (secrets de la plateforme : Keycloak, coffre, Secret Kubernetes). "
                        + "Sur un poste de développement seulement : SPRING_PROFILES_ACTIVE=local.",
                cause);
    }
}
