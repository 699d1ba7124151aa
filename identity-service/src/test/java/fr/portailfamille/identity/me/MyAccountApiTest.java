package fr.portailfamille.identity.me;

import fr.portailfamille.events.Topics;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** « Mon compte » and new CGU versions, on accounts of the real Keycloak. */
@PortalServiceTest
class MyAccountApiTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private final TestKeycloak tokens = PortalInfrastructure.keycloak();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("portal.keycloak.url", KEYCLOAK::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api() {
        return ApiClient.local(port);
    }

    /** A real account of dossier 6000, and a token whose subject is its Keycloak id. */
    private record Family(String username, String password, String token) {
    }

    private Family family() {
        String username = "compte" + System.nanoTime() % 1_000_000_000L;
        String password = "Mon-Compte-Actuel-1";
        KEYCLOAK.createFamilyAccount(username, password, "6000");
        String id = KEYCLOAK.findUser(username).orElseThrow().get("id").asString();
        String token = tokens.token(new TestKeycloak.Persona(id, username, "Famille DOSSIER-6000",
                username + "@example.test", List.of("famille"), "6000", List.of()));
        return new Family(username, password, token);
    }

    private ApiClient.Response delete(String token, String password) {
        return api().send(api().request("/api/identity/me/account", token).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + password + "\"}")));
    }

    @Test
    void a_new_cgu_version_must_be_accepted_once_and_the_account_shows_which_one_was() {
        Family family = family();
        String version = "t" + System.nanoTime() % 100_000_000L;
        try {
            JsonNode before = api().get("/api/identity/me/account", family.token()).json();
            assertThat(before.get("username").asString()).isEqualTo(family.username());
            assertThat(before.get("mustAcceptCgu").asBoolean()).as("never accepted any").isTrue();
            assertThat(api().put("/api/identity/me/cgu", family.token(), "{\"version\":\"2026-01\",\"accepted\":true}")
                    .json().get("mustAcceptCgu").asBoolean()).isFalse();

            ApiClient.Response published = api().post("/api/identity/cgu", tokens.admin(), """
                    {"version":"%s","title":"Conditions générales d'utilisation","text":"Nouvelle version."}""".formatted(version));
            ApiClient.Response byFamily = api().post("/api/identity/cgu", family.token(), """
                    {"version":"x%s","title":"t","text":"t"}""".formatted(version));

            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            assertThat(byFamily.status()).isEqualTo(403);
            JsonNode after = api().get("/api/identity/me/account", family.token()).json();
            assertThat(after.get("mustAcceptCgu").asBoolean()).isTrue();
            assertThat(after.get("cguVersionAccepted").asString()).isEqualTo("2026-01");
            assertThat(after.get("currentCguVersion").asString()).isEqualTo(version);
            assertThat(api().put("/api/identity/me/cgu", family.token(), "{\"version\":\"2026-01\",\"accepted\":true}")
                    .status()).as("the old version no longer counts").isEqualTo(409);
            JsonNode accepted = api().put("/api/identity/me/cgu", family.token(),
                    "{\"version\":\"" + version + "\",\"accepted\":true}").json();
            assertThat(accepted.get("mustAcceptCgu").asBoolean()).isFalse();
            assertThat(accepted.get("cguVersionAccepted").asString()).isEqualTo(version);
        } finally {
            // Other tests of this JVM register under version 2026-01: put it back as the current one.
            jdbc.sql("delete from cgu_acceptance where version = :v").param("v", version).update();
            jdbc.sql("delete from cgu_version where version = :v").param("v", version).update();
        }
    }

    @Test
    void changing_the_password_needs_the_current_one_and_the_new_one_works() {
        Family family = family();

        ApiClient.Response wrong = api().post("/api/identity/me/password", family.token(), """
                {"currentPassword":"pas-le-bon","newPassword":"Nouveau-Mdp-Compte-2","newPasswordConfirmation":"Nouveau-Mdp-Compte-2"}""");
        ApiClient.Response weak = api().post("/api/identity/me/password", family.token(), """
                {"currentPassword":"%s","newPassword":"court","newPasswordConfirmation":"court"}""".formatted(family.password()));
        ApiClient.Response changed = api().post("/api/identity/me/password", family.token(), """
                {"currentPassword":"%s","newPassword":"Nouveau-Mdp-Compte-2","newPasswordConfirmation":"Nouveau-Mdp-Compte-2"}"""
                .formatted(family.password()));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().at("/errors/0/field").asString()).isEqualTo("currentPassword");
        assertThat(wrong.json().at("/errors/0/message").asString()).isEqualTo("est incorrect");
        assertThat(weak.json().at("/errors/0/field").asString()).isEqualTo("newPassword");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(KEYCLOAK.passwordWorks(family.username(), "Nouveau-Mdp-Compte-2")).isTrue();
        assertThat(KEYCLOAK.passwordWorks(family.username(), family.password())).isFalse();
        assertThat(KafkaEvents.await(Topics.IDENTITY, r -> family.username().equals(r.key())
                && r.value().get("type").asString().endsWith("PasswordChanged"), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void a_family_deletes_its_account_with_its_password_and_is_told_an_agent_cannot() {
        Family family = family();

        ApiClient.Response wrong = delete(family.token(), "pas-le-bon");
        ApiClient.Response byAgent = delete(tokens.agent("jeunesse"), "x");
        ApiClient.Response deleted = delete(family.token(), family.password());

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(KEYCLOAK.findUser(family.username())).isEmpty();
        JsonNode event = KafkaEvents.await(Topics.IDENTITY, r -> family.username().equals(r.key())
                && r.value().get("type").asString().endsWith("AccountDeleted"), 1, Duration.ofSeconds(30)).get(0).value();
        assertThat(event.at("/data/dossierNumber").asString()).isEqualTo("6000");
    }

    @Test
    void a_new_email_counts_only_once_confirmed_from_its_own_mailbox_and_the_old_one_is_told() {
        Family family = family();
        String oldEmail = family.username() + "@example.test";
        String newEmail = "nouvelle." + family.username() + "@example.test";

        ApiClient.Response same = api().post("/api/identity/me/email", family.token(), """
                {"newEmail":"%s","currentPassword":"%s"}""".formatted(oldEmail, family.password()));
        ApiClient.Response wrong = api().post("/api/identity/me/email", family.token(), """
                {"newEmail":"%s","currentPassword":"pas-le-bon"}""".formatted(newEmail));
        ApiClient.Response asked = api().post("/api/identity/me/email", family.token(), """
                {"newEmail":"%s","currentPassword":"%s"}""".formatted(newEmail, family.password()));

        assertThat(same.json().at("/errors/0/field").asString()).isEqualTo("newEmail");
        assertThat(wrong.json().at("/errors/0/field").asString()).isEqualTo("currentPassword");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(KEYCLOAK.findUser(family.username()).orElseThrow().get("email").asString())
                .as("unchanged until confirmed").isEqualTo(oldEmail);
        JsonNode request = KafkaEvents.await(Topics.IDENTITY, r -> family.username().equals(r.key())
                && r.value().get("type").asString().endsWith("EmailChangeRequested"), 1, Duration.ofSeconds(30)).get(0).value();
        assertThat(request.at("/data/email").asString()).as("the link goes to the new address").isEqualTo(newEmail);
        String url = request.at("/data/confirmationUrl").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);

        ApiClient.Response confirmed = api().post("/api/identity/email-changes/complete", null, "{\"token\":\"" + token + "\"}");
        ApiClient.Response replay = api().post("/api/identity/email-changes/complete", null, "{\"token\":\"" + token + "\"}");

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("email").asString()).isEqualTo(newEmail);
        assertThat(KEYCLOAK.findUser(family.username()).orElseThrow().get("email").asString()).isEqualTo(newEmail);
        JsonNode told = KafkaEvents.await(Topics.IDENTITY, r -> family.username().equals(r.key())
                && r.value().get("type").asString().endsWith(".EmailChanged"), 1, Duration.ofSeconds(30)).get(0).value();
        assertThat(told.at("/data/email").asString()).as("the old address is told").isEqualTo(oldEmail);
        assertThat(replay.status()).isEqualTo(410);
    }

    /** Issue 13, item 10: what the gateway asks before a family's call to another service. */
    @Test
    void the_cgu_gate_says_a_family_must_accept_the_version_in_force_and_staff_never_must() {
        Family family = family();

        JsonNode before = api().get("/api/identity/me/cgu", family.token()).json();
        assertThat(api().put("/api/identity/me/cgu", family.token(), "{\"version\":\"2026-01\",\"accepted\":true}")
                .status()).isEqualTo(200);
        JsonNode after = api().get("/api/identity/me/cgu", family.token()).json();
        JsonNode agent = api().get("/api/identity/me/cgu", tokens.agent("jeunesse")).json();

        assertThat(before.get("mustAccept").asBoolean()).isTrue();
        assertThat(before.get("currentVersion").asString()).isEqualTo("2026-01");
        assertThat(after.get("mustAccept").asBoolean()).isFalse();
        assertThat(agent.get("mustAccept").asBoolean()).isFalse();
        assertThat(api().get("/api/identity/me/cgu", null).status()).isEqualTo(401);
    }
}
