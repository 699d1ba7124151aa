package fr.portailfamille.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The service's own {@link ServiceAccountToken}, when it has a Keycloak client secret ({@code portal.keycloak.*}). */
@AutoConfiguration
@ConditionalOnProperty(prefix = "portal.keycloak", name = "client-secret")
public class ServiceAccountAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceAccountToken serviceAccountToken(@Value("${portal.keycloak.url}") String keycloakUrl,
                                            @Value("${portal.keycloak.realm}") String realm,
                                            @Value("${portal.keycloak.client-id}") String clientId,
                                            @Value("${portal.keycloak.client-secret}") String clientSecret,
                                            ObjectProvider<Clock> clock) {
        return new ServiceAccountToken(keycloakUrl, realm, clientId, clientSecret, clock.getIfAvailable(Clock::systemUTC));
    }
}
