package fr.portailfamille.billing.dossier;

import feign.RequestInterceptor;
import fr.portailfamille.platform.security.ServiceAccountToken;
import org.springframework.context.annotation.Bean;

/** Calls to dossier-service carry billing-service's own service-account token (role {@code invoicing}). */
class DossierClientConfiguration {

    @Bean
    RequestInterceptor bearerOfBillingServiceAccount(ServiceAccountToken token) {
        return template -> template.header("Authorization", "Bearer " + token.value());
    }
}
