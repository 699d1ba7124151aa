package fr.portailfamille.notification.delivery;

import fr.portailfamille.platform.inbox.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery log, written around each SMTP attempt. A delivery already SENT is never tried
 * again: an event that Kafka delivers twice (a rebalance, a restart before the offset was
 * committed) sends one e-mail.
 */
@Service
public class DeliveryLog {

    static final String CONSUMER = "notification-service";

    private final MailDeliveryRepository deliveries;
    private final ProcessedEvents processed;
    private final Clock clock;

    public DeliveryLog(MailDeliveryRepository deliveries, ProcessedEvents processed, Clock clock) {
        this.deliveries = deliveries;
        this.processed = processed;
        this.clock = clock;
    }

    /** Records one more attempt; empty if this event's e-mail was already sent. */
    @Transactional
    public Optional<MailDelivery> begin(UUID eventId, String eventType, String template, String recipient) {
        MailDelivery delivery = deliveries.findByEventId(eventId)
                .orElseGet(() -> new MailDelivery(eventId, eventType, template, recipient, clock.instant()));
        if (delivery.getStatus() == DeliveryStatus.SENT) {
            return Optional.empty();
        }
        delivery.attempt(clock.instant());
        return Optional.of(deliveries.save(delivery));
    }

    /** The SMTP server took the mail: SENT, and the event is processed, in one transaction. */
    @Transactional
    public void sent(UUID eventId) {
        MailDelivery delivery = deliveries.findByEventId(eventId).orElseThrow();
        delivery.sent(clock.instant());
        processed.markProcessed(CONSUMER, eventId);
    }

    @Transactional
    public void error(UUID eventId, String error) {
        deliveries.findByEventId(eventId).ifPresent(delivery -> delivery.error(truncate(error), clock.instant()));
    }

    /** The retry budget is spent: FAILED (the record goes to the dead-letter topic). */
    @Transactional
    public void failed(UUID eventId, String error) {
        deliveries.findByEventId(eventId).ifPresent(delivery -> {
            delivery.error(truncate(error), clock.instant());
            delivery.failed(clock.instant());
        });
    }

    @Transactional(readOnly = true)
    public Optional<MailDelivery> find(UUID eventId) {
        return deliveries.findByEventId(eventId);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
