package fr.portailfamille.events;

/**
 * A Kafka record that is not a portal event, or whose data does not fit its type's record: retrying
 * can never make it readable, so consumers skip it (or send it to a dead-letter topic) at once.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
