package fr.portailfamille.identity.link;

import fr.portailfamille.events.Topics;
import fr.portailfamille.platform.web.ClientAddress;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 10: a password reset or change retires the pending e-mail-change links, and a
 * confirmed e-mail change retires the pending reset links; the old link then gets the answer of a
 * used one. Against the real Keycloak, PostgreSQL and Kafka.
 */
@PortalServiceTest
class LinksRetiredAcrossPurposesApiTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private static final String EXPIRED = "Ce lien est expiré ou a déjà été utilisé.";
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

    private record Family(String username, String password, String token) {

        String email() {
            return username + "@example.test";
        }
    }

    private Family family() {
        String username = "liens" + System.nanoTime() % 1_000_000_000L;
        String password = "Mon-Compte-Actuel-1";
        KEYCLOAK.createFamilyAccount(username, password, "6000");
        String id = KEYCLOAK.findUser(username).orElseThrow().get("id").asString();
        String token = tokens.token(new TestKeycloak.Persona(id, username, "Famille DOSSIER-6000",
                username + "@example.test", List.of("famille"), "6000", List.of()));
        return new Family(username, password, token);
    }

    private static String lastToken(String username, String eventType, String urlField) {
        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.IDENTITY, r -> username.equals(r.key())
                && r.value().get("type").asString().endsWith(eventType), 1, Duration.ofSeconds(30));
        String url = events.get(events.size() - 1).value().at("/data/" + urlField).asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String askEmailChange(Family family, String newEmail) {
        ApiClient.Response asked = api().post("/api/identity/me/email", family.token(), """
                {"newEmail":"%s","currentPassword":"%s"}""".formatted(newEmail, family.password()));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        return lastToken(family.username(), "EmailChangeRequested", "confirmationUrl");
    }

    private ApiClient.Response confirmEmail(String token) {
        return api().post("/api/identity/email-changes/complete", null, "{\"token\":\"" + token + "\"}");
    }

    private String askReset(Family family) {
        ApiClient.Response asked = api().send(api().request("/api/identity/password-resets", null)
                .header("Content-Type", "application/json")
                .header(ClientAddress.HEADER, "198.51.100." + (1 + System.nanoTime() % 250))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + family.email() + "\"}")));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        return lastToken(family.username(), "PasswordResetRequested", "resetUrl");
    }

    private ApiClient.Response completeReset(String token, String password) {
        return api().post("/api/identity/password-resets/complete", null, """
                {"token":"%s","password":"%s","passwordConfirmation":"%s"}""".formatted(token, password, password));
    }

    private String emailOf(Family family) {
        return KEYCLOAK.findUser(family.username()).orElseThrow().get("email").asString();
    }

    @Test
    void a_password_changed_in_my_account_retires_the_pending_email_change_and_reset_links() {
        Family family = family();
        String emailLink = askEmailChange(family, "autre." + family.email());
        String resetLink = askReset(family);

        ApiClient.Response changed = api().post("/api/identity/me/password", family.token(), """
                {"currentPassword":"%s","newPassword":"Nouveau-Mdp-Compte-2","newPasswordConfirmation":"Nouveau-Mdp-Compte-2"}"""
                .formatted(family.password()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        ApiClient.Response emailLate = confirmEmail(emailLink);
        ApiClient.Response resetLate = completeReset(resetLink, "Encore-Un-Autre-Mdp-3");
        assertThat(emailLate.status()).isEqualTo(410);
        assertThat(emailLate.json().get("detail").asString()).isEqualTo(EXPIRED);
        assertThat(emailOf(family)).as("the address did not move").isEqualTo(family.email());
        assertThat(resetLate.status()).isEqualTo(410);
        assertThat(resetLate.json().get("detail").asString()).isEqualTo(EXPIRED);
        assertThat(KEYCLOAK.passwordWorks(family.username(), "Nouveau-Mdp-Compte-2")).isTrue();
    }

    @Test
    void a_password_set_with_a_reset_link_retires_the_pending_email_change_link() {
        Family family = family();
        String emailLink = askEmailChange(family, "pirate." + family.email());
        String resetLink = askReset(family);

        ApiClient.Response reset = completeReset(resetLink, "Nouveau-Mdp-Reset-4");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        ApiClient.Response late = confirmEmail(emailLink);
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.json().get("detail").asString()).isEqualTo(EXPIRED);
        assertThat(emailOf(family)).isEqualTo(family.email());
    }

    @Test
    void a_confirmed_email_change_retires_the_reset_link_sent_to_the_old_address_but_asking_retires_nothing() {
        Family family = family();
        String resetLink = askReset(family);
        String newEmail = "nouvelle." + family.email();
        String emailLink = askEmailChange(family, newEmail);

        ApiClient.Response confirmed = confirmEmail(emailLink);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(emailOf(family)).isEqualTo(newEmail);

        ApiClient.Response late = completeReset(resetLink, "Nouveau-Mdp-Reset-5");
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.json().get("detail").asString()).isEqualTo(EXPIRED);
        assertThat(KEYCLOAK.passwordWorks(family.username(), family.password())).isTrue();

        // Only asking for a reset (anyone can, for any address) leaves a pending e-mail change working.
        Family other = family();
        String otherEmailLink = askEmailChange(other, "nouvelle." + other.email());
        askReset(other);
        assertThat(confirmEmail(otherEmailLink).status()).isEqualTo(200);
    }
}
