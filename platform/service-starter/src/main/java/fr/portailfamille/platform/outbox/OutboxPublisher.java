package fr.portailfamille.platform.outbox;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * The transactional outbox: an event is written to {@code outbox_event} in the same database
 * transaction as the change it tells about, so both commit or neither does. {@link OutboxRelay}
 * then publishes it to Kafka. There must be a transaction already: publishing outside one would
 * lose the guarantee, so it fails loudly.
 */
public class OutboxPublisher {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;

    public OutboxPublisher(JdbcClient jdbc, JsonMapper json, String source, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope<PortalEvent> publish(PortalEvent event) {
        EventEnvelope<PortalEvent> envelope = EventEnvelope.wrap(event, source, clock.instant());
        String topic = EventCatalog.entryOf(event.getClass()).topic();
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, event_key, event_type, payload, created_at)
                        values (:id, :topic, :key, :type, :payload, :createdAt)""")
                .param("id", envelope.id())
                .param("topic", topic)
                .param("key", envelope.subject())
                .param("type", envelope.type())
                .param("payload", json.writeValueAsString(envelope))
                .param("createdAt", java.sql.Timestamp.from(envelope.time()))
                .update();
        return envelope;
    }
}
