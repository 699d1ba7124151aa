package fr.portailfamille.identity.registration;

import fr.portailfamille.events.Topics;
import fr.portailfamille.platform.web.ClientAddress;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 10: the first account activated on a dossier is told to dossier-service
 * (FirstAccountLinkedToDossier), which mails the dossier's recorded e-mail; a second one is told to the
 * first holder as before (AccountLinkedToDossier), not announced again. Real Keycloak, PostgreSQL, Kafka.
 */
@PortalServiceTest
class FirstAccountLinkApiTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private static final DossierServiceStub DOSSIER = new DossierServiceStub();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void keycloakAndDossier(DynamicPropertyRegistry registry) {
        registry.add("portal.keycloak.url", KEYCLOAK::url);
        registry.add("portal.services.dossier-url", DOSSIER::url);
    }

    @LocalServerPort
    int port;

    private ApiClient api() {
        return ApiClient.local(port);
    }

    private static String uniqueUser() {
        return "premier" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
    }

    /** A dossier number no other test links accounts to (they use 6000). */
    private static String uniqueDossier() {
        return String.valueOf(7000 + (int) (System.nanoTime() % 2000));
    }

    /** Registers {@code username} on {@code dossier} and opens its activation link. */
    private void registerAndActivate(String username, String firstName, String dossier) {
        ApiClient.Response started = api().post("/api/identity/registrations", null, """
                {"civility":"MONSIEUR","lastName":"DURAND","firstName":"%s","email":"%s@example.test",
                 "phone":"06 12 34 56 78","username":"%s","password":"Vacances-Prades-2026",
                 "passwordConfirmation":"Vacances-Prades-2026"}""".formatted(firstName, username, username));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.json().get("id").asString();
        ApiClient.Response checked = api().put("/api/identity/registrations/" + id + "/dossier", null, """
                {"dossierNumber":"%s","accessKey":"K7PX2M9Q","familyName":"Durand"}""".formatted(dossier));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        ApiClient.Response cgu = api().send(api().request("/api/identity/registrations/" + id + "/cgu", null)
                .header("Content-Type", "application/json").header(ClientAddress.HEADER, "203.0.113.8")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":\"2026-01\",\"accepted\":true}")));
        assertThat(cgu.status()).as(cgu.toString()).isEqualTo(200);
        ApiClient.Response submitted = api().post("/api/identity/registrations/" + id + "/submit", null, "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        String url = event(username, "AccountActivationRequested").at("/data/activationUrl").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        ApiClient.Response activated = api().post("/api/identity/activations", null, "{\"token\":\"" + token + "\"}");
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
    }

    private static JsonNode event(String key, String type) {
        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.IDENTITY, r -> key.equals(r.key())
                && r.value().get("type").asString().equals("fr.portailfamille.identity." + type), 1, Duration.ofSeconds(30));
        assertThat(events).as(type + " of " + key).isNotEmpty();
        return events.get(events.size() - 1).value();
    }

    private static long events(String key, String type) {
        return KafkaEvents.read(Topics.IDENTITY).stream().filter(r -> key.equals(r.key())
                && r.value().get("type").asString().equals("fr.portailfamille.identity." + type)).count();
    }

    @Test
    void the_first_account_of_a_dossier_is_announced_through_dossier_service_the_second_to_the_first_holder() {
        String dossier = uniqueDossier();
        String first = uniqueUser();
        registerAndActivate(first, "Claire", dossier);

        JsonNode announced = event(first, "FirstAccountLinkedToDossier");
        assertThat(announced.get("source").asString()).isEqualTo("/portail-famille/identity-service");
        assertThat(announced.at("/data/dossierNumber").asString()).isEqualTo(dossier);
        assertThat(announced.at("/data/firstName").asString()).isEqualTo("Claire");
        assertThat(announced.at("/data/lastName").asString()).isEqualTo("DURAND");

        String second = uniqueUser();
        registerAndActivate(second, "Julien", dossier);

        JsonNode told = event(first, "AccountLinkedToDossier");
        assertThat(told.at("/data/newAccountName").asString()).isEqualTo("Julien DURAND");
        // Both would be published in the activation's transaction: the holder's being there, the other would be too.
        assertThat(events(second, "FirstAccountLinkedToDossier")).as("a second account is no first one").isZero();
    }
}
