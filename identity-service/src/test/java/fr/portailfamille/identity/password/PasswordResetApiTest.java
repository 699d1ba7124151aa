package fr.portailfamille.identity.password;

import fr.portailfamille.events.Topics;
import fr.portailfamille.platform.web.ClientAddress;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalServiceTest;
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

/** « Mot de passe oublié » against the real Keycloak of deploy/keycloak. */
@PortalServiceTest
class PasswordResetApiTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");

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

    private ApiClient.Response ask(String email, String ip) {
        return api().send(api().request("/api/identity/password-resets", null)
                .header("Content-Type", "application/json").header(ClientAddress.HEADER, ip)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")));
    }

    private static String uniqueUser() {
        return "reset" + System.nanoTime() % 1_000_000_000L;
    }

    private String resetToken(String username) {
        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.IDENTITY, r -> username.equals(r.key())
                && r.value().get("type").asString().endsWith("PasswordResetRequested"), 1, Duration.ofSeconds(30));
        String url = events.get(events.size() - 1).value().at("/data/resetUrl").asString();
        assertThat(url).startsWith("http://localhost:8080/mot-de-passe/");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private ApiClient.Response complete(String token, String password) {
        return api().post("/api/identity/password-resets/complete", null, """
                {"token":"%s","password":"%s","passwordConfirmation":"%s"}""".formatted(token, password, password));
    }

    private boolean passwordWorks(String username, String password) {
        return KEYCLOAK.passwordWorks(username, password);
    }

    @Test
    void an_existing_address_gets_a_one_hour_link_the_new_password_works_and_a_confirmation_is_sent() {
        String username = uniqueUser();
        KEYCLOAK.createFamilyAccount(username, "Ancien-Mot-De-Passe-1", "6000");

        ApiClient.Response asked = ask(username + "@example.test", "198.51.100.1");

        assertThat(asked.status()).isEqualTo(202);
        String token = resetToken(username);
        ApiClient.Response weak = complete(token, "123456789012");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().at("/errors/0/message").asString()).contains("trop courant");

        ApiClient.Response done = complete(token, "Nouveau-Mot-De-Passe-2");

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("username").asString()).isEqualTo(username);
        assertThat(passwordWorks(username, "Nouveau-Mot-De-Passe-2")).isTrue();
        assertThat(passwordWorks(username, "Ancien-Mot-De-Passe-1")).isFalse();
        assertThat(KafkaEvents.await(Topics.IDENTITY, r -> username.equals(r.key())
                && r.value().get("type").asString().endsWith("PasswordChanged"), 1, Duration.ofSeconds(30))).hasSize(1);
        ApiClient.Response replay = complete(token, "Encore-Un-Autre-Mdp-3");
        assertThat(replay.status()).isEqualTo(410);
        assertThat(replay.json().get("detail").asString()).isEqualTo("Ce lien est expiré ou a déjà été utilisé.");
    }

    @Test
    void an_unknown_address_gets_the_same_answer_and_no_mail_event() {
        String nobody = uniqueUser() + "@example.test";

        ApiClient.Response asked = ask(nobody, "198.51.100.2");

        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.body()).isEmpty();
        assertThat(jdbc.sql("select count(*) from single_use_link where sent_to = :e")
                .param("e", nobody).query(Long.class).single()).as("no link for an unknown address").isZero();
        assertThat(jdbc.sql("select count(*) from rate_limit_hit where bucket = :b")
                .param("b", "reset-email:" + nobody).query(Long.class).single())
                .as("counted like any other request").isEqualTo(1);
    }

    @Test
    void three_requests_an_hour_per_address_and_ten_per_ip_then_429_in_french() {
        String email = uniqueUser() + "@example.test";
        for (int i = 0; i < 3; i++) {
            assertThat(ask(email, "198.51.100.3").status()).isEqualTo(202);
        }
        ApiClient.Response fourth = ask(email, "198.51.100.3");
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json().get("detail").asString()).contains("réessayez dans une heure");

        String ip = "198.51.100." + (10 + System.nanoTime() % 200);
        for (int i = 0; i < 10; i++) {
            assertThat(ask(uniqueUser() + i + "@example.test", ip).status()).isEqualTo(202);
        }
        assertThat(ask(uniqueUser() + "@example.test", ip).status()).isEqualTo(429);
    }

    @Test
    void a_bad_address_or_an_unknown_link_is_refused_clearly() {
        ApiClient.Response bad = ask("pas-une-adresse", "198.51.100.4");
        ApiClient.Response unknown = complete("inconnu", "Nouveau-Mot-De-Passe-2");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asString()).isEqualTo("email");
        assertThat(unknown.status()).isEqualTo(410);
    }
}
