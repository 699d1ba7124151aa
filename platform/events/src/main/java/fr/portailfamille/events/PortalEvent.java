package fr.portailfamille.events;

/**
 * An event published by one service for the others.
 *
 * <p>Events are event-carried state: they hold what their consumers need (notification-service
 * sends an e-mail from the event alone, without calling anyone back).
 */
public interface PortalEvent {

    /**
     * What the event is about: the dossier number or the account id. It becomes the CloudEvents
     * {@code subject} and the Kafka key, so that the events of one family stay in order.
     */
    String subject();
}
