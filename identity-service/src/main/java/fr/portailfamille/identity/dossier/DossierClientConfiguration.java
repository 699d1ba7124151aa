package fr.portailfamille.identity.dossier;

import feign.RequestInterceptor;
import fr.portailfamille.identity.keycloak.KeycloakAccounts;
import org.springframework.context.annotation.Bean;

/** Calls to dossier-service carry identity-service's own service-account token (role {@code service}). */
class DossierClientConfiguration {

    @Bean
    RequestInterceptor serviceAccountToken(KeycloakAccounts keycloak) {
        return template -> template.header("Authorization", "Bearer " + keycloak.serviceAccessToken());
    }
}
