package fr.portailfamille.identity.keycloak;

import fr.portailfamille.testsupport.KeycloakServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, items 4 and 5 on the real Keycloak with the realm of deploy/keycloak: which client gets
 * which audience (docs/adr/011-token-audiences.md), the realm's admin-cli takes no password, the
 * password check's client gets nothing a service accepts, and the realm file ships no client secret.
 */
class TokenAudiencesTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode claims(String accessToken) {
        String payload = accessToken.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static List<String> audiences(JsonNode claims) {
        List<String> audiences = new ArrayList<>();
        JsonNode aud = claims.get("aud");
        if (aud == null || aud.isNull()) {
            return audiences;
        }
        if (aud.isArray()) {
            aud.forEach(value -> audiences.add(value.asString()));
        } else {
            audiences.add(aud.asString());
        }
        return audiences;
    }

    private static String newFamily() {
        String username = "audience" + System.nanoTime() % 1_000_000_000L;
        KEYCLOAK.createFamilyAccount(username, "Audience-Compte-2026", "6000");
        return username;
    }

    @Test
    void the_realms_admin_cli_takes_no_password_any_more() {
        HttpResponse<String> refused = KEYCLOAK.passwordGrant("admin-cli", newFamily(), "Audience-Compte-2026");

        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 401);
        assertThat(refused.body()).contains("unauthorized_client");
    }

    @Test
    void the_password_check_client_proves_a_password_and_its_token_opens_no_service() {
        String username = newFamily();
        HttpResponse<String> wrong = KEYCLOAK.passwordGrant("portal-password-check", username, "Pas-Le-Bon-2026");
        HttpResponse<String> right = KEYCLOAK.passwordGrant("portal-password-check", username, "Audience-Compte-2026");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        JsonNode claims = claims(JSON.readTree(right.body()).get("access_token").asString());
        assertThat(audiences(claims)).doesNotContain("portal-gateway", "portal-services");
        assertThat(claims.has("realm_access")).as("no role in its tokens: " + claims).isFalse();
    }

    @Test
    void a_service_account_gets_the_services_audience() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(KEYCLOAK.issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=billing-service"
                                + "&client_secret=" + KeycloakServer.LOCAL_CLIENT_SECRETS.get("billing-service"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode claims = claims(JSON.readTree(response.body()).get("access_token").asString());
        assertThat(audiences(claims)).contains("portal-services").doesNotContain("portal-gateway");
    }

    @Test
    void the_realm_file_ships_no_client_secret_keycloak_makes_them_at_import() throws IOException {
        JsonNode realm = JSON.readTree(Files.readString(
                KeycloakServer.repositoryRoot().resolve("deploy/keycloak/portail-famille-realm.json")));
        List<String> withSecret = new ArrayList<>();
        realm.get("clients").forEach(client -> {
            if (client.has("secret")) {
                withSecret.add(client.get("clientId").asString());
            }
        });
        assertThat(withSecret).isEmpty();
        assertThat(realm.toString()).doesNotContain("local-gateway-secret", "local-identity-secret",
                "local-billing-secret", "local-notification-secret");
    }
}
