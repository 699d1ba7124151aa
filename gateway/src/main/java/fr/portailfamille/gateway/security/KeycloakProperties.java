package fr.portailfamille.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway reaches Keycloak. {@code publicUrl} is Keycloak as browsers see it (login page,
 * logout, token issuer); {@code internalUrl} is how the gateway itself calls it (token exchange,
 * keys), the same locally, a cluster address on Kubernetes. Endpoints are derived from them, so the
 * gateway starts even while Keycloak is still starting.
 */
@ConfigurationProperties("portal.keycloak")
public record KeycloakProperties(
        @DefaultValue("http://localhost:8180") String publicUrl,
        String internalUrl,
        @DefaultValue("portail-famille") String realm,
        @DefaultValue("portal-gateway") String clientId,
        @DefaultValue("local-gateway-secret") String clientSecret) {

    public String publicIssuer() {
        return publicUrl + "/realms/" + realm;
    }

    public String internalIssuer() {
        return (internalUrl == null || internalUrl.isBlank() ? publicUrl : internalUrl) + "/realms/" + realm;
    }
}
