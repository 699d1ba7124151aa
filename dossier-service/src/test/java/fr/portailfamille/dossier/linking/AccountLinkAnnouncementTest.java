package fr.portailfamille.dossier.linking;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.identity.FirstAccountLinkedToDossier;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first account linked to a dossier (identity's FirstAccountLinkedToDossier) is announced to the
 * dossier's recorded e-mail: DossierAccountLinked on dossier.events, once, and only for identity-service's word.
 */
@PortalServiceTest
class AccountLinkAnnouncementTest extends DossierApiSupport {

    private static final String IDENTITY = "/portail-famille/identity-service";

    @Autowired
    JsonMapper json;

    private Instant sentAt = Instant.parse("2026-12-02T09:30:00Z");

    private String send(String username, String dossier, String source) {
        EventEnvelope<PortalEvent> envelope = EventEnvelope.wrap(
                new FirstAccountLinkedToDossier(username, "Julien", "DURAND", dossier), source, sentAt);
        String value = json.writeValueAsString(envelope);
        KafkaEvents.send(Topics.IDENTITY, username, value);
        return value;
    }

    private static List<KafkaEvents.Received> announcements(String number, int count) {
        return KafkaEvents.await(Topics.DOSSIER, r -> number.equals(r.key())
                && r.value().get("type").asString().equals("fr.portailfamille.dossier.DossierAccountLinked"), count,
                Duration.ofSeconds(30));
    }

    @Test
    void the_dossier_s_recorded_address_is_told_once_whatever_kafka_delivers_twice() {
        String number = dossier();
        String username = "julien" + number;
        String value = send(username, number, IDENTITY);
        KafkaEvents.send(Topics.IDENTITY, username, value);
        String later = dossier();
        send(username, later, IDENTITY);

        // The same key keeps one partition: once the later event is announced, both copies were handled.
        assertThat(announcements(later, 1)).hasSize(1);
        List<KafkaEvents.Received> told = announcements(number, 1);
        assertThat(told).hasSize(1);
        JsonNode data = told.get(0).value().get("data");
        assertThat(told.get(0).value().get("source").asString()).isEqualTo("/portail-famille/dossier-service");
        assertThat(data.get("email").asString()).isEqualTo("durand." + number + "@example.test");
        assertThat(data.get("familyName").asString()).isEqualTo("DURAND");
        assertThat(data.get("accountName").asString()).isEqualTo("Julien DURAND");
        assertThat(Instant.parse(data.get("linkedAt").asString())).as("identity's time of the link")
                .isEqualTo(sentAt);
        assertThat(data.has("username")).as("the login name is not told").isFalse();
    }

    @Test
    void an_event_that_identity_service_did_not_publish_announces_nothing() {
        String forged = dossier();
        String genuine = dossier();
        String username = "intrus" + forged;
        send(username, forged, "/portail-famille/billing-service");
        send(username, genuine, IDENTITY);

        assertThat(announcements(genuine, 1)).hasSize(1);
        assertThat(KafkaEvents.read(Topics.DOSSIER).stream().filter(r -> forged.equals(r.key())
                && r.value().get("type").asString().endsWith("DossierAccountLinked"))).isEmpty();
    }
}
