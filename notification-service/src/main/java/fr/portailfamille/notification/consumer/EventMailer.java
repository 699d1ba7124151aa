package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.EventReader;
import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.UnreadableEventException;
import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.messaging.MessageReplied;
import fr.portailfamille.events.messaging.MessageSent;
import fr.portailfamille.notification.digest.MessageDigests;
import fr.portailfamille.notification.delivery.DeliveryLog;
import fr.portailfamille.notification.delivery.MailDelivery;
import fr.portailfamille.platform.branding.Branding;
import fr.portailfamille.notification.template.MailTemplates;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one event into one e-mail: picks the template by event type, renders it in French, sends it
 * over SMTP and logs the delivery. An event of a mailed type that carries no address sends nothing
 * and is only logged. An SMTP failure is recorded and rethrown, so that the listener's
 * error handler retries with back-off and, once the budget is spent, marks the delivery FAILED and
 * sends the record to the dead-letter topic. A family's MessageSent is no mail of its own: it is kept for
 * its service's digest ({@link MessageDigests}). A MessageReplied is one mail to every address the
 * family is known by, all in To. An event is mailed only if it came from its type's topic and owner, and
 * its links lead to the portal ({@link EventOrigins}); otherwise it goes to the dead-letter topic.
 */
@Service
public class EventMailer {

    private static final Logger log = LoggerFactory.getLogger(EventMailer.class);

    private final EventReader events;
    private final MailTemplates templates;
    private final DeliveryLog deliveries;
    private final JavaMailSender mailSender;
    private final Branding branding;
    private final MessageDigests digests;
    private final EventOrigins origins;

    private static final String MESSAGE_SENT = EventCatalog.entryOf(MessageSent.class).type();

    public EventMailer(JsonMapper json, MailTemplates templates, DeliveryLog deliveries, JavaMailSender mailSender,
                       Branding branding, MessageDigests digests, EventOrigins origins) {
        this.events = new EventReader(json);
        this.templates = templates;
        this.deliveries = deliveries;
        this.mailSender = mailSender;
        this.branding = branding;
        this.digests = digests;
        this.origins = origins;
    }

    /** What became of an event. */
    public enum Outcome { SENT, ALREADY_SENT, NO_TEMPLATE, NO_RECIPIENT, KEPT_FOR_DIGEST }

    /**
     * @param topic where the record was read: an event is mailed only from its type's topic and its
     *              owner's {@code source}, with links to the portal only ({@link EventOrigins})
     * @throws RefusedEventException when it is not (the record goes to the dead-letter topic)
     */
    public Outcome handle(String topic, String value) {
        EventEnvelope<JsonNode> event = events.envelope(value);
        origins.checkOrigin(topic, event);
        if (MESSAGE_SENT.equals(event.type())) {
            PortalEvent sent = events.bind(event).orElseThrow().data();
            origins.checkLinks(topic, event, sent);
            if (!digests.collect(event.id(), (MessageSent) sent)) {
                log.info("Message of event {} was already kept for the digest", event.id());
            }
            return Outcome.KEPT_FOR_DIGEST;
        }
        Optional<String> template = templates.templateFor(event.type());
        if (template.isEmpty()) {
            log.info("No e-mail for event type {} (event {}, subject {}): ignored", event.type(), event.id(),
                    event.subject());
            return Outcome.NO_TEMPLATE;
        }
        Object data = events.bind(event).orElseThrow(() -> new UnreadableEventException("Event " + event.id()
                + " has a template but its type " + event.type() + " is not in the EventCatalog", null)).data();
        if (!(data instanceof MailRecipient recipient)) {
            throw new UnreadableEventException("Event " + event.id() + " of type " + event.type()
                    + " has a template but its record names no recipient", null);
        }
        origins.checkLinks(topic, event, data);
        List<String> addresses = addresses(data, recipient);
        if (addresses.isEmpty()) {
            // Nobody to write to (billing knew no address for the dossier, say): retrying or replaying
            // from the dead-letter topic could never send it, so it is logged and the consumer goes on.
            log.warn("Event {} of type {} (subject {}) carries no e-mail address: no e-mail sent", event.id(),
                    event.type(), event.subject());
            return Outcome.NO_RECIPIENT;
        }
        Optional<MailDelivery> delivery = deliveries.begin(event.id(), event.type(), template.get(),
                String.join(", ", addresses));
        if (delivery.isEmpty()) {
            log.info("E-mail of event {} was already sent: not sent again", event.id());
            return Outcome.ALREADY_SENT;
        }
        MailTemplates.RenderedMail mail = templates.render(template.get(), data, event);
        try {
            mailSender.send(mime -> compose(mime, addresses, recipient.recipientName(), mail));
        } catch (RuntimeException e) {
            log.warn("Sending the e-mail of event {} (attempt {}) failed: {}", event.id(),
                    delivery.get().getAttempts(), e.toString());
            deliveries.error(event.id(), e.toString());
            throw e;
        }
        deliveries.sent(event.id());
        log.info("E-mail « {} » of event {} sent", mail.subject(), event.id());
        return Outcome.SENT;
    }

    /**
     * Whom to write to: the record's address; for a MessageReplied, every address the family is known
     * by (the last writer's first), so that both guardians who wrote learn of the answer in one mail.
     */
    private static List<String> addresses(Object data, MailRecipient recipient) {
        List<String> addresses = new ArrayList<>();
        if (recipient.recipientEmail() != null && !recipient.recipientEmail().isBlank()) {
            addresses.add(recipient.recipientEmail().strip());
        }
        if (data instanceof MessageReplied replied) {
            for (String email : replied.emails()) {
                if (email != null && !email.isBlank() && addresses.stream().noneMatch(email.strip()::equalsIgnoreCase)) {
                    addresses.add(email.strip());
                }
            }
        }
        return addresses;
    }

    private void compose(MimeMessage mime, List<String> addresses, String name, MailTemplates.RenderedMail mail)
            throws MessagingException {
        MimeMessageHelper message = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        try {
            message.setFrom(new InternetAddress(branding.senderAddress(), branding.portalName() + " — "
                    + branding.authorityName(), StandardCharsets.UTF_8.name()));
            InternetAddress[] to = new InternetAddress[addresses.size()];
            for (int i = 0; i < to.length; i++) {
                // The name greeted is the first address's (the record's); the others go without one.
                to[i] = i == 0 ? new InternetAddress(addresses.get(i), name, StandardCharsets.UTF_8.name())
                        : new InternetAddress(addresses.get(i));
            }
            message.setTo(to);
        } catch (UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
        message.setSubject(mail.subject());
        message.setText(mail.text(), mail.html());
    }
}
