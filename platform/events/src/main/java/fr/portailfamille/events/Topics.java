package fr.portailfamille.events;

import java.util.List;

/** One topic per producing service; the key of every record is the event's subject. */
public final class Topics {

    public static final String IDENTITY = "identity.events";
    public static final String DOSSIER = "dossier.events";
    public static final String BILLING = "billing.events";
    public static final String MESSAGING = "messaging.events";

    /** Where notification-service puts the records it could not handle (unreadable, or mail refused). */
    public static final String NOTIFICATION_DEAD_LETTER = "notification.dead-letter";

    public static final List<String> ALL_EVENT_TOPICS = List.of(IDENTITY, DOSSIER, BILLING, MESSAGING);

    private Topics() {
    }
}
