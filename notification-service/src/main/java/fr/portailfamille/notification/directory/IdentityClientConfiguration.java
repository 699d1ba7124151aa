package fr.portailfamille.notification.directory;

import feign.RequestInterceptor;
import fr.portailfamille.platform.security.ServiceAccountToken;
import org.springframework.context.annotation.Bean;

/** Calls to identity-service carry notification-service's own service-account token (role {@code agents-directory}). */
class IdentityClientConfiguration {

    @Bean
    RequestInterceptor bearerOfNotificationServiceAccount(ServiceAccountToken token) {
        return template -> template.header("Authorization", "Bearer " + token.value());
    }
}
