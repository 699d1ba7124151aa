package fr.portailfamille.platform.security;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A service's own access token from Keycloak, for its calls to another service's {@code /internal}
 * API: client credentials of the confidential client {@code portal.keycloak.client-id} (billing-service,
 * whose service account holds the role {@code invoicing}; notification-service, {@code agents-directory}),
 * kept until 30 seconds before it expires. Asked only when a call needs it, so the service starts
 * without Keycloak. The secret and the token are never logged. A bean wherever
 * {@code portal.keycloak.client-secret} is set ({@link ServiceAccountAutoConfiguration}); a Feign
 * client's configuration adds it as {@code Authorization: Bearer …}.
 */
public class ServiceAccountToken {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final RestClient keycloak;
    private final String tokenPath;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;

    private String token;
    private Instant expiresAt = Instant.EPOCH;

    public ServiceAccountToken(String keycloakUrl, String realm, String clientId, String clientSecret, Clock clock) {
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
    public synchronized String value() {
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
