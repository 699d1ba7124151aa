package fr.portailfamille.events;

/**
 * Implemented by events after which someone is e-mailed: they carry the address and the name to
 * greet, so notification-service needs no other source.
 */
public interface MailRecipient {

    String recipientEmail();

    String recipientName();
}
