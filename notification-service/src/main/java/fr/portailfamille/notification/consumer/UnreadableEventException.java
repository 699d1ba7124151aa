package fr.portailfamille.notification.consumer;

/** A record that is not a Portail Famille event we can read: never retried, sent to the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
