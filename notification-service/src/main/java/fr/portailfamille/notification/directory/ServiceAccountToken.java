package fr.portailfamille.notification.directory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * notification-service's own access token from Keycloak (client credentials of the confidential client
 * {@code notification-service}, whose service account holds the realm role {@code agents-directory}), kept until
 * 30 seconds before it expires. Asked only when a call needs it, so the service starts without
 * Keycloak. The secret and the token are never logged.
 */
@Component
class ServiceAccountToken {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final RestClient keycloak;
    private final String tokenPath;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;

    private String token;
    private Instant expiresAt = Instant.EPOCH;

    ServiceAccountToken(@Value("${portal.keycloak.url}") String keycloakUrl,
                        @Value("${portal.keycloak.realm}") String realm,
                        @Value("${portal.keycloak.client-id}") String clientId,
                        @Value("${portal.keycloak.client-secret}") String clientSecret,
                        Clock clock) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(5));
        this.keycloak = RestClient.builder().baseUrl(keycloakUrl).requestFactory(timeouts).build();
        this.tokenPath = "/realms/" + realm + "/protocol/openid-connect/token";
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    record TokenAnswer(String access_token, long expires_in) {
    }

    /** A valid access token, asked again when the one kept is about to expire. */
    synchronized String value() {
        Instant now = clock.instant();
        if (token == null || now.isAfter(expiresAt.minus(MARGIN))) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", clientId);
            form.add("client_secret", clientSecret);
            TokenAnswer answer = keycloak.post().uri(tokenPath)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(TokenAnswer.class);
            if (answer == null || answer.access_token() == null) {
                throw new IllegalStateException("Keycloak answered no access token for " + clientId);
            }
            token = answer.access_token();
            expiresAt = now.plusSeconds(answer.expires_in());
        }
        return token;
    }
}
