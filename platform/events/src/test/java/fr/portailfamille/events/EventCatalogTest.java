package fr.portailfamille.events;

import fr.portailfamille.events.dossier.ContactDetailsChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
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
    void every_event_holding_a_link_is_secret_and_travels_on_a_topic_of_short_retention() {
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            boolean holdsLink = Arrays.stream(entry.recordClass().getRecordComponents())
                    .anyMatch(c -> c.getName().toLowerCase(Locale.ROOT).endsWith("url"));
            if (holdsLink) {
                assertThat(entry.carriesSecret()).as("%s holds a link", entry.type()).isTrue();
                assertThat(Topics.configs(entry.topic())).as("settings of %s", entry.topic())
                        .containsEntry("retention.ms", "86400000").containsEntry("segment.ms", "3600000");
            }
        }
        assertThat(EventCatalog.carriesSecret("fr.portailfamille.identity.PasswordResetRequested")).isTrue();
        assertThat(EventCatalog.carriesSecret("fr.portailfamille.billing.MandateSignatureRequested"))
                .as("the one-time code of a mandate").isTrue();
        assertThat(EventCatalog.carriesSecret("fr.portailfamille.identity.PasswordChanged")).isFalse();
        assertThat(EventCatalog.carriesSecret("fr.portailfamille.dossier.Nothing")).isFalse();
        assertThat(Topics.configs(Topics.NOTIFICATION_DEAD_LETTER)).containsEntry("retention.ms", "86400000");
        assertThat(Topics.configs(Topics.BILLING)).isEmpty();
    }

    @Test
    void the_owner_of_a_type_publishes_it_with_its_service_source() {
        EventCatalog.Entry entry = EventCatalog.entryOf(fr.portailfamille.events.identity.FirstAccountLinkedToDossier.class);
        assertThat(entry.owner()).isEqualTo("identity");
        assertThat(entry.ownerSource()).isEqualTo("/portail-famille/identity-service");
    }

    @Test
    void an_event_missing_from_the_catalog_cannot_be_published() {
        record Stray(String subject) implements PortalEvent {
        }
        assertThatThrownBy(() -> EventEnvelope.wrap(new Stray("1"), "/x", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the EventCatalog");
    }
}
