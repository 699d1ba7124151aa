package fr.portailfamille.notification.consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/** A CloudEvents envelope as read from Kafka, before its data is bound to the event's record. */
public record IncomingEvent(UUID id, String type, String source, Instant time, String subject, JsonNode data) {

    /** Reads the JSON of a record; anything not an envelope is {@link UnreadableEventException}. */
    public static IncomingEvent parse(JsonMapper json, String value) {
        try {
            JsonNode node = json.readTree(value);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new IncomingEvent(
                    UUID.fromString(required(node, "id")),
                    required(node, "type"),
                    required(node, "source"),
                    Instant.parse(required(node, "time")),
                    required(node, "subject"),
                    node.get("data"));
        } catch (RuntimeException e) {
            throw new UnreadableEventException("Unreadable event: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asString();
    }
}
