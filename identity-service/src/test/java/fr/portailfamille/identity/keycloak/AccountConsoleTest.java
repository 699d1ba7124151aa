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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 6: Keycloak's own account console (and its REST API) must not let a session change the
 * account's e-mail or names: the portal has its own flows for them (a new e-mail is confirmed from the new
 * address after the password; a reset link then goes to the right address). The realm's user profile
 * makes them editable by admins only (identity-service's service account), on the real Keycloak.
 */
class AccountConsoleTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_users_own_session_cannot_change_its_email_or_names_through_keycloaks_account_api() throws Exception {
        String username = "console" + System.nanoTime() % 1_000_000_000L;
        String password = "Console-Compte-2026";
        KEYCLOAK.createFamilyAccount(username, password, "6000");
        KEYCLOAK.ensurePublicTestClient("account-console-stand-in");
        String token = JSON.readTree(KEYCLOAK.passwordGrant("account-console-stand-in", username, password).body())
                .get("access_token").asString();
        HttpRequest.Builder account = HttpRequest.newBuilder(URI.create(KEYCLOAK.issuer() + "/account/"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        HttpResponse<String> read = send(account.copy().GET().build());
        assertThat(read.statusCode()).as("the session reaches the account API: " + read.body()).isEqualTo(200);

        String changed = """
                {"username": "%s", "email": "pirate@example.test", "firstName": "Pirate", "lastName": "PIRATE"}"""
                .formatted(username);
        HttpResponse<String> update = send(account.copy().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(changed)).build());

        assertThat(update.statusCode()).as(update.body()).isEqualTo(400);
        JsonNode user = KEYCLOAK.findUser(username).orElseThrow();
        assertThat(user.get("email").asString()).isEqualTo(username + "@example.test");
        assertThat(user.get("firstName").asString()).isEqualTo("Famille");
        assertThat(user.get("lastName").asString()).isEqualTo("DOSSIER-6000");
    }
}
