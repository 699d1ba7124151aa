package fr.portailfamille.events;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way a consumer reads a record of a {@code *.events} topic: the CloudEvents envelope, and
 * its data bound to the record that {@link EventCatalog} gives for its type.
 */
public final class EventReader {

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * The envelope of a record, its data still JSON: what is known of any event, even of a type this
     * build does not know yet (a newer producer's).
     *
     * @throws UnreadableEventException when the value is not a JSON envelope with id, type, source,
     *                                  time and subject
     */
    public EventEnvelope<JsonNode> envelope(String value) {
        try {
            JsonNode node = json.readTree(value);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new EventEnvelope<>(
                    node.path("specversion").asString(EventEnvelope.SPEC_VERSION),
                    UUID.fromString(required(node, "id")),
                    required(node, "type"),
                    required(node, "source"),
                    Instant.parse(required(node, "time")),
                    required(node, "subject"),
                    node.path("datacontenttype").asString(EventEnvelope.JSON),
                    node.get("data"));
        } catch (RuntimeException e) {
            throw new UnreadableEventException("Unreadable event: " + e.getMessage(), e);
        }
    }

    /**
     * The event with its data bound to its record; empty when its type is not in {@link EventCatalog}
     * (every consumer skips those).
     *
     * @throws UnreadableEventException when the value is not an envelope, or its data does not fit
     *                                  the record of its type
     */
    public Optional<EventEnvelope<PortalEvent>> read(String value) {
        return bind(envelope(value));
    }

    /** {@link #read(String)} for an envelope already read, e.g. after looking at its type. */
    public Optional<EventEnvelope<PortalEvent>> bind(EventEnvelope<JsonNode> envelope) {
        return EventCatalog.byType(envelope.type()).map(entry -> bind(envelope, entry));
    }

    private EventEnvelope<PortalEvent> bind(EventEnvelope<JsonNode> envelope, EventCatalog.Entry entry) {
        PortalEvent data;
        try {
            data = json.treeToValue(envelope.data(), entry.recordClass());
        } catch (RuntimeException e) {
            throw new UnreadableEventException("Data of event " + envelope.id() + " does not fit "
                    + entry.recordClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (data == null) {
            throw new UnreadableEventException("Event " + envelope.id() + " has no data", null);
        }
        return new EventEnvelope<>(envelope.specversion(), envelope.id(), envelope.type(), envelope.source(),
                envelope.time(), envelope.subject(), envelope.datacontenttype(), data);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asString();
    }
}
