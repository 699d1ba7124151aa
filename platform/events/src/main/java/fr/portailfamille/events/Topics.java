package fr.portailfamille.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One topic per producing service; the key of every record is the event's subject. */
public final class Topics {

    public static final String IDENTITY = "identity.events";
    public static final String DOSSIER = "dossier.events";
    public static final String BILLING = "billing.events";
    public static final String MESSAGING = "messaging.events";

    /** Where notification-service puts the records it could not handle (unreadable, or mail refused). */
    public static final String NOTIFICATION_DEAD_LETTER = "notification.dead-letter";

    public static final List<String> ALL_EVENT_TOPICS = List.of(IDENTITY, DOSSIER, BILLING, MESSAGING);

    /**
     * How long the topics that carry single-use links keep their records (ADR 009): 24 hours. Its
     * consumers read within seconds; a day covers a consumer down for a night or a weekend's Saturday
     * without losing a mail, while the longest link (activation, 48 hours) is not kept for a week as
     * Kafka's default would.
     */
    public static final Duration SECRETS_RETENTION = Duration.ofHours(24);

    /**
     * Kafka deletes only closed segments, and by default a segment stays open for 7 days: with the
     * portal's traffic a record would outlive {@link #SECRETS_RETENTION} by days. Rolling a segment
     * every hour bounds a record's life to the retention plus one hour (plus the broker's retention
     * check, 5 minutes by default).
     */
    public static final Duration SECRETS_SEGMENT = Duration.ofHours(1);

    /**
     * The topics that carry secrets in clear: identity's (activation, reset and e-mail-change links) and
     * notification-service's dead-letter topic (where such an event lands when its mail cannot be sent).
     */
    public static final List<String> SECRET_TOPICS = List.of(IDENTITY, NOTIFICATION_DEAD_LETTER);

    private Topics() {
    }

    /**
     * The topic-level settings (Kafka's names and values) that whoever creates or checks {@code topic}
     * applies: {@code retention.ms} and {@code segment.ms} for {@link #SECRET_TOPICS}, none for the others
     * (the broker's defaults).
     */
    public static Map<String, String> configs(String topic) {
        if (!SECRET_TOPICS.contains(topic)) {
            return Map.of();
        }
        return Map.of(
                "retention.ms", Long.toString(SECRETS_RETENTION.toMillis()),
                "segment.ms", Long.toString(SECRETS_SEGMENT.toMillis()));
    }
}
