package fr.portailfamille.platform.outbox;

import fr.portailfamille.events.EventCatalog;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the outbox to Kafka, oldest first, at least once.
 *
 * <p>Why our own relay rather than Spring Modulith's externalization (the first choice of the
 * design): Modulith republishes incomplete events only when asked, may reorder concurrent sends,
 * and rewires the application's Kafka serializers (STACK.md pitfalls 4 and 5). This relay is one
 * SQL query and one loop: one instance at a time holds a PostgreSQL advisory lock (several replicas
 * are safe), events leave in id order and the batch stops at the first failure, so the events of a
 * family never overtake each other; an event is marked published only once Kafka acknowledged it
 * ({@code acks=all}). If Kafka is down, the rows wait and the next poll retries. Consumers are
 * idempotent on the event id, which covers the duplicate sent when the process dies between Kafka's
 * acknowledgement and the commit.
 *
 * <p>An event whose type carries a secret ({@link EventCatalog.Entry#carriesSecret()}: activation,
 * password-reset and e-mail-change links, a mandate's one-time code) is deleted from the table as soon as
 * Kafka acknowledged it, in the same statement that would have marked it published: the secret stays
 * here only while it waits for Kafka. The other events are kept {@link OutboxProperties#retention()} for
 * inspection (ADR 009).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant: the advisory lock that makes one relay at a time per database. */
    private static final long LOCK_KEY = 0x706f7274616c4fL;
    private static final List<String> SECRET_TYPES = EventCatalog.entries().stream()
            .filter(EventCatalog.Entry::carriesSecret).map(EventCatalog.Entry::type).toList();

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Clock clock;

    public OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                       OutboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    record Pending(long id, String topic, String key, String type, String payload) {
    }

    @Scheduled(fixedDelayString = "${portal.outbox.poll-interval:500ms}",
            initialDelayString = "${portal.outbox.poll-interval:500ms}")
    public void poll() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox relay failed, will retry: {}", e.toString());
        }
    }

    /** Publishes one batch; returns how many events left. */
    public int relayBatch() {
        Integer sent = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:key)")
                    .param("key", LOCK_KEY).query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Pending> pending = jdbc.sql("""
                            select id, topic, event_key, event_type, payload from outbox_event
                            where published_at is null order by id limit :limit""")
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)))
                    .list();
            int count = 0;
            for (Pending event : pending) {
                try {
                    kafka.send(new ProducerRecord<>(event.topic(), event.key(), event.payload()))
                            .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    markFailed(event, e);
                    break;
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    markFailed(event, e);
                    break;
                }
                markPublished(event);
                count++;
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    /** Published: a secret is erased at once (the row goes), any other event is kept for inspection. */
    private void markPublished(Pending event) {
        if (EventCatalog.carriesSecret(event.type())) {
            jdbc.sql("delete from outbox_event where id = :id").param("id", event.id()).update();
            return;
        }
        jdbc.sql("update outbox_event set published_at = :now, attempts = attempts + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", event.id()).update();
    }

    private void markFailed(Pending event, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        log.warn("Kafka did not take event {} (outbox id {}), kept for the next poll: {}",
                event.key(), event.id(), cause.toString());
        jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :error where id = :id")
                .param("error", cause.toString()).param("id", event.id()).update();
    }

    /** Published events are kept a while for inspection, then deleted (those with a secret went at once). */
    @Scheduled(fixedDelayString = "${portal.outbox.cleanup-interval:1h}", initialDelay = 60_000)
    public void deletePublished() {
        // Secret rows published before they were erased at once (by an earlier version) go now too.
        int deleted = jdbc.sql("""
                        delete from outbox_event
                        where published_at < :before or (published_at is not null and event_type in (:secretTypes))""")
                .param("before", Timestamp.from(clock.instant().minus(properties.retention())))
                .param("secretTypes", SECRET_TYPES)
                .update();
        if (deleted > 0) {
            log.info("Deleted {} published outbox events older than {}", deleted, properties.retention());
        }
    }
}
