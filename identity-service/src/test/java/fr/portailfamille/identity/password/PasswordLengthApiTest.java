package fr.portailfamille.identity.password;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 11: a password is 128 characters at most wherever one is typed (the realm's policy says
 * the same): a longer one is refused at the door with the field's label, before any call to Keycloak
 * (which would otherwise hash or compare megabytes for anyone who posts them).
 */
@PortalServiceTest
class PasswordLengthApiTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private static final String TOO_LONG = "Aa1-" + "x".repeat(125);

    private final TestKeycloak tokens = PortalInfrastructure.keycloak();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("portal.keycloak.url", KEYCLOAK::url);
    }

    @LocalServerPort
    int port;

    private ApiClient api() {
        return ApiClient.local(port);
    }

    private static void refused(ApiClient.Response response, String label) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("« " + label + " »").contains("128");
    }

    @Test
    void every_password_field_refuses_more_than_128_characters_naming_the_field() {
        assertThat(TOO_LONG).hasSize(129);
        String family = tokens.family("6000");

        refused(api().post("/api/identity/registrations", null, """
                {"civility":"MADAME","lastName":"DURAND","firstName":"Claire","email":"longue@example.test",
                 "password":"%1$s","passwordConfirmation":"%1$s"}""".formatted(TOO_LONG)), "Mot de passe");
        refused(api().post("/api/identity/password-resets/complete", null, """
                {"token":"abc","password":"%1$s","passwordConfirmation":"%1$s"}""".formatted(TOO_LONG)), "Mot de passe");
        refused(api().post("/api/identity/me/password", family, """
                {"currentPassword":"%1$s","newPassword":"Nouveau-Mot-2026","newPasswordConfirmation":"Nouveau-Mot-2026"}"""
                .formatted(TOO_LONG)), "Mot de passe actuel");
        refused(api().post("/api/identity/me/email", family, """
                {"newEmail":"nouvelle@example.test","currentPassword":"%s"}""".formatted(TOO_LONG)), "Mot de passe actuel");
        refused(api().send(api().request("/api/identity/me/account", family).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + TOO_LONG + "\"}"))),
                "Mot de passe actuel");
    }
}
