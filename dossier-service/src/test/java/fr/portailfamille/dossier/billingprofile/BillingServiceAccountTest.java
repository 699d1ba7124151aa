package fr.portailfamille.dossier.billingprofile;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.dossier.dossier.DossierService;
import fr.portailfamille.dossier.dossier.NewDossier;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm of deploy/keycloak as it is deployed: billing-service's own client credentials
 * ({@code local-billing-secret}) get a token with the {@code invoicing} role and read the access key;
 * identity-service's get {@code service} only, and a 403. dossier-service trusts the real Keycloak
 * here (its own context, closed after this class; no Kafka listener, no outbox relay).
 */
@PortalServiceTest
@Import(BillingServiceAccountTest.RealKeycloakTokens.class)
@DirtiesContext
class BillingServiceAccountTest extends DossierApiSupport {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration(proxyBeanMethods = false)
    static class RealKeycloakTokens {

        @Bean
        JwtDecoder realKeycloakJwtDecoder() {
            return JwtDecoders.fromIssuerLocation(KEYCLOAK.issuer());
        }
    }

    @DynamicPropertySource
    static void quiet(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
        registry.add("portal.outbox.relay-enabled", () -> "false");
    }

    @Autowired
    DossierService dossiers;

    private static String clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void billing_service_reads_the_key_with_its_own_credentials_and_identity_service_gets_403() throws Exception {
        String number = newNumber();
        String key = dossiers.create(new NewDossier(number, "DURAND", "durand." + number + "@example.test", null)).accessKey();
        String billing = clientCredentials("billing-service", "local-billing-secret");
        String identity = clientCredentials("identity-service", "local-identity-secret");
        String body = "{\"numbers\":[\"" + number + "\"]}";

        ApiClient.Response read = api().post("/internal/dossiers/billing-profiles", billing, body);
        ApiClient.Response refused = api().post("/internal/dossiers/billing-profiles", identity, body);

        assertThat(claims(billing).at("/realm_access/roles").toString()).contains("\"service\"", "\"invoicing\"");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().at("/profiles/0/number").asString()).isEqualTo(number);
        assertThat(read.json().at("/profiles/0/accessKey").asString()).isEqualTo(key);
        assertThat(claims(identity).at("/realm_access/roles").toString()).contains("\"service\"").doesNotContain("invoicing");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(key);
    }
}
