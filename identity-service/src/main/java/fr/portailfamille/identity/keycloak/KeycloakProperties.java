package fr.portailfamille.identity.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How identity-service reaches Keycloak's admin API: with its own service account (client
 * {@code identity-service}, realm-management manage/view/query-users only). A family's current
 * password is checked by a password grant of another client, {@code passwordCheckClientId}, which can
 * do nothing else (no role, no audience of the portal: issue 13, item 5).
 */
@ConfigurationProperties("portal.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientSecret,
                                 String passwordCheckClientId, String passwordCheckClientSecret) {
}
