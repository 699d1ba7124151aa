package fr.portailfamille.identity.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How identity-service reaches Keycloak's admin API: with its own service account (client
 * {@code identity-service}, realm-management manage/view/query-users only).
 */
@ConfigurationProperties("portal.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientSecret) {
}
