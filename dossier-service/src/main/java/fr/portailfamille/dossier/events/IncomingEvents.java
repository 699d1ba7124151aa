package fr.portailfamille.dossier.events;

import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.EventReader;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * A Kafka record as the platform's {@link EventReader} reads it: empty for a type this build does not
 * know; a record that is not an event (or whose data does not fit its type) is logged and skipped, since
 * retrying can never make it one.
 */
public final class IncomingEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

    private final EventReader reader;

    public IncomingEvents(JsonMapper json) {
        this.reader = new EventReader(json);
    }

    public Optional<EventEnvelope<PortalEvent>> read(ConsumerRecord<String, String> record) {
        try {
            return reader.read(record.value());
        } catch (UnreadableEventException e) {
            log.warn("Unreadable record skipped at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
