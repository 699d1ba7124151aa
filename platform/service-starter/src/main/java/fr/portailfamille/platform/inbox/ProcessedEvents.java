package fr.portailfamille.platform.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * The event ids a consumer has handled. A consumer calls {@link #markProcessed} in the same
 * transaction as its effect: if the id was already there it does nothing, so an event delivered
 * twice (Kafka is at-least-once) has its effect once.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true the first time, false if {@code consumer} already handled {@code eventId} */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markProcessed(String consumer, UUID eventId) {
        return jdbc.sql("""
                        insert into processed_event (consumer, event_id) values (:consumer, :id)
                        on conflict do nothing""")
                .param("consumer", consumer).param("id", eventId).update() == 1;
    }

    public boolean isProcessed(String consumer, UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = :consumer and event_id = :id")
                .param("consumer", consumer).param("id", eventId).query(Long.class).single() > 0;
    }
}
