package fr.portailfamille.dossier.linking;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.dossier.events.IncomingEvents;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.identity.FirstAccountLinkedToDossier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Reads identity.events for one type, FirstAccountLinkedToDossier ({@link AccountLinkAnnouncements}); the
 * other identity events are skipped. An event is believed only from identity-service (its topic and its
 * {@code source}): the announcement goes to the dossier's address in the authority's name. A record that
 * is not an event is logged and skipped, as billing's are.
 */
@Configuration
public class AccountLinkListener {

    static final Logger SECURITY = LoggerFactory.getLogger("fr.portailfamille.security");
    private static final EventCatalog.Entry FIRST_LINK = EventCatalog.entryOf(FirstAccountLinkedToDossier.class);

    private final AccountLinkAnnouncements announcements;
    private final IncomingEvents events;

    public AccountLinkListener(AccountLinkAnnouncements announcements, JsonMapper json) {
        this.announcements = announcements;
        this.events = new IncomingEvents(json);
    }

    @KafkaListener(id = "dossier-account-links", groupId = "dossier-service", topics = Topics.IDENTITY)
    public void onIdentityEvent(ConsumerRecord<String, String> record) {
        Optional<EventEnvelope<PortalEvent>> event = events.read(record);
        if (event.isEmpty() || !(event.get().data() instanceof FirstAccountLinkedToDossier linked)) {
            return;
        }
        if (!FIRST_LINK.topic().equals(record.topic()) || !FIRST_LINK.ownerSource().equals(event.get().source())) {
            SECURITY.warn("SECURITY refused event: id={} type={} topic={}: not from {}", event.get().id(),
                    event.get().type(), record.topic(), FIRST_LINK.ownerSource());
            return;
        }
        announcements.announce(event.get().id(), event.get().time(), linked);
    }

    /** The topic read here, created at start if missing, with its settings (short retention: ADR 009). */
    @Bean
    NewTopic identityEventsTopic() {
        return TopicBuilder.name(Topics.IDENTITY).partitions(3).configs(Topics.configs(Topics.IDENTITY)).build();
    }
}
