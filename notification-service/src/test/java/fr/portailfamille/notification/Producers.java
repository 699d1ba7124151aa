package fr.portailfamille.notification;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;

import java.time.Instant;

/**
 * Events as their producers publish them: notification-service mails an event only if its envelope's
 * {@code source} is the service owning its type ({@code /portail-famille/} + that service's
 * {@code spring.application.name}, as the platform's outbox publisher writes it) and it comes on that
 * service's topic. Written out here from the topic's name, not taken from the code under test.
 */
public final class Producers {

    private Producers() {
    }

    /** {@code billing.events} → {@code /portail-famille/billing-service}. */
    public static String sourceOf(Class<? extends PortalEvent> type) {
        String topic = EventCatalog.entryOf(type).topic();
        return "/portail-famille/" + topic.substring(0, topic.indexOf('.')) + "-service";
    }

    /** The envelope the owning service would publish. */
    public static EventEnvelope<PortalEvent> envelope(PortalEvent event) {
        return EventEnvelope.wrap(event, sourceOf(event.getClass()), Instant.now());
    }
}
