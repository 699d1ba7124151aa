package fr.portailfamille.events;

import fr.portailfamille.events.dossier.ContactDetailsChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogTest {

    @Test
    void every_event_type_has_one_record_one_known_topic_and_a_reverse_dns_type() {
        Set<String> types = new HashSet<>();
        Set<Class<?>> records = new HashSet<>();
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            assertThat(types.add(entry.type())).as("type %s twice", entry.type()).isTrue();
            assertThat(records.add(entry.recordClass())).as("record %s twice", entry.recordClass()).isTrue();
            assertThat(entry.type()).startsWith("fr.portailfamille.").endsWith(entry.recordClass().getSimpleName());
            assertThat(Topics.ALL_EVENT_TOPICS).contains(entry.topic());
            assertThat(entry.recordClass().isRecord()).isTrue();
        }
    }

    @Test
    void an_envelope_carries_the_cloudevents_attributes_and_the_subject_as_key() {
        Instant now = Instant.parse("2026-11-26T09:00:00Z");
        ContactDetailsChanged event = new ContactDetailsChanged("6000", "DURAND", "a@example.test", null, "b@example.test");

        EventEnvelope<PortalEvent> envelope = EventEnvelope.wrap(event, "/portail-famille/dossier-service", now);

        assertThat(envelope.specversion()).isEqualTo("1.0");
        assertThat(envelope.type()).isEqualTo("fr.portailfamille.dossier.ContactDetailsChanged");
        assertThat(envelope.subject()).isEqualTo("6000");
        assertThat(envelope.time()).isEqualTo(now);
        assertThat(envelope.datacontenttype()).isEqualTo("application/json");
        assertThat(EventCatalog.entryOf(ContactDetailsChanged.class).templateName())
                .isEqualTo("dossier/ContactDetailsChanged");
        assertThat(EventCatalog.byType("fr.portailfamille.dossier.Nothing")).isEmpty();
    }

    @Test
    void an_event_missing_from_the_catalog_cannot_be_published() {
        record Stray(String subject) implements PortalEvent {
        }
        assertThatThrownBy(() -> EventEnvelope.wrap(new Stray("1"), "/x", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the EventCatalog");
    }
}
