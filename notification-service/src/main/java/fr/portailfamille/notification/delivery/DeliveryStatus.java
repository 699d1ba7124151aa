package fr.portailfamille.notification.delivery;

/** PENDING while being tried (or between retries), SENT once the SMTP server took it, FAILED after the retry budget. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
