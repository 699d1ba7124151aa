package fr.portailfamille.billing.payment.systempay;

/**
 * A notification that must change nothing (HTTP 400, logged as a security event): its signature is
 * missing or wrong, it is for another shop or a mode without key, or a signed value is malformed.
 * The message is for the log (English, never a key nor the signed text).
 */
public class InvalidNotificationException extends RuntimeException {

    public InvalidNotificationException(String message) {
        super(message);
    }
}
