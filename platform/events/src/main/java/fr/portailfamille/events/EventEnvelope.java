package fr.portailfamille.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of every event on Kafka, in the CloudEvents 1.0 structured JSON format
 * ({@code specversion}, {@code id}, {@code type}, {@code source}, {@code time}, {@code subject},
 * {@code datacontenttype}, {@code data}). Times are UTC.
 *
 * @param <T> the type of {@code data}: a {@link PortalEvent} record when produced, a JSON tree
 *            when read by a consumer that does not know the type yet
 */
public record EventEnvelope<T>(
        String specversion,
        UUID id,
        String type,
        String source,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
    }

    /** Wraps a new event of {@code source} (for example {@code /portail-famille/dossier-service}). */
    public static EventEnvelope<PortalEvent> wrap(PortalEvent event, String source, Instant time) {
        EventCatalog.Entry entry = EventCatalog.entryOf(event.getClass());
        return new EventEnvelope<>(SPEC_VERSION, UUID.randomUUID(), entry.type(), source, time,
                event.subject(), JSON, event);
    }
}
