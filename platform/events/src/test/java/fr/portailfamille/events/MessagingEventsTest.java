package fr.portailfamille.events;

import fr.portailfamille.events.messaging.MessageReplied;
import fr.portailfamille.events.messaging.MessageSent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** messaging-service's events: on messaging.events, keyed by dossier, read back whole, never carrying a message's body. */
class MessagingEventsTest {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final EventReader reader = new EventReader(json);
    private final Instant now = Instant.parse("2026-12-01T09:30:00Z");

    private PortalEvent roundTrip(PortalEvent event) {
        String written = json.writeValueAsString(EventEnvelope.wrap(event, "/portail-famille/messaging-service", now));
        return reader.read(written).orElseThrow().data();
    }

    @Test
    void both_events_are_catalogued_on_the_messaging_topic_with_their_template_names() {
        assertThat(EventCatalog.entryOf(MessageSent.class).type()).isEqualTo("fr.portailfamille.messaging.MessageSent");
        assertThat(EventCatalog.entryOf(MessageSent.class).topic()).isEqualTo(Topics.MESSAGING);
        assertThat(EventCatalog.entryOf(MessageReplied.class).topic()).isEqualTo(Topics.MESSAGING);
        assertThat(EventCatalog.entryOf(MessageReplied.class).templateName()).isEqualTo("messaging/MessageReplied");
    }

    @Test
    void a_family_message_is_keyed_by_its_dossier_and_read_back_as_written() {
        MessageSent sent = new MessageSent("6000", 42L, "jeunesse", "Service Jeunesse", "Inscriptions",
                "Inscription au centre de loisirs", "Claire DURAND", true, now);

        assertThat(sent.subject()).isEqualTo("6000");
        assertThat(roundTrip(sent)).isEqualTo(sent);
    }

    @Test
    void a_reply_is_mailed_to_the_last_writer_and_lists_every_known_address() {
        MessageReplied replied = new MessageReplied("6000", 42L, "jeunesse", "Service Jeunesse", "Claire DURAND",
                "claire.durand@example.fr", List.of("claire.durand@example.fr", "marc.durand@example.fr"), now);

        PortalEvent read = roundTrip(replied);

        assertThat(read).isEqualTo(replied);
        assertThat(((FamilyEvent) read).recipientEmail()).isEqualTo("claire.durand@example.fr");
        assertThat(((FamilyEvent) read).subject()).isEqualTo("6000");
        assertThat(new MessageReplied("6000", 1L, "jeunesse", "Service Jeunesse", null, null, null, now).emails())
                .isEmpty();
    }

    @Test
    void neither_event_carries_a_message_body() {
        for (Class<?> type : List.of(MessageSent.class, MessageReplied.class)) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as(type.getSimpleName())
                    .noneMatch(name -> name.toLowerCase().contains("body") || name.toLowerCase().contains("content")
                            || name.toLowerCase().contains("text"));
        }
        assertThat(Arrays.stream(MessageReplied.class.getRecordComponents()).map(RecordComponent::getName))
                .as("the reply's mail does not even give the « Objet »").doesNotContain("messageSubject");
    }
}
