package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.UnreadableEventException;

/**
 * An event notification-service will not mail because it cannot vouch for it: on another topic than
 * its type's, from another {@code source} than the service that owns its type, or with a link that
 * does not lead to the portal. Like an unreadable record, retrying can never change that: it goes to
 * the dead-letter topic at once. Its message names the event's id, type, topic and source and the rule
 * it broke, never the event's data (a link holds a token).
 */
public class RefusedEventException extends UnreadableEventException {

    public RefusedEventException(String message) {
        super(message, null);
    }
}
