package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.platform.branding.Branding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an event may be mailed, before anything is rendered: notification-service writes to families
 * in the authority's name, so it mails only what the service owning the event's type said.
 * <ul>
 *   <li>the record came from the topic {@link EventCatalog} gives for its type;</li>
 *   <li>its envelope's {@code source} is the owning service's, {@code /portail-famille/<service>-service}
 *       (what the platform's outbox publisher writes: {@code /portail-famille/} + {@code spring.application.name});
 *       the owner is the {@code <service>} of the type {@code fr.portailfamille.<service>.<Event>};</li>
 *   <li>every link of its data (a text component named {@code …Url}, {@code …Link} or {@code …Uri}:
 *       activation, password reset, e-mail change) starts with the portal's address,
 *       {@code portal.branding.portal-url}, followed by {@code /}.</li>
 * </ul>
 * Anything else is refused ({@link RefusedEventException}: dead-letter topic, no retry) and logged as a
 * security event on the logger {@code fr.portailfamille.security} with the event's id, type, topic and source
 * and the rule broken, never its data. Types outside the catalog are not judged here: with no template they
 * are ignored, as before.
 */
@Component
public class EventOrigins {

    static final Logger SECURITY = LoggerFactory.getLogger("fr.portailfamille.security");

    private static final String SOURCE_PREFIX = "/portail-famille/";

    private final String portalUrl;

    public EventOrigins(Branding branding) {
        String url = branding.portalUrl();
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("portal.branding.portal-url is not set: mails could link nowhere");
        }
        this.portalUrl = url.strip().replaceAll("/+$", "");
    }

    /** The source the owner of {@code entry}'s type publishes with: {@code /portail-famille/billing-service}. */
    public static String sourceOf(EventCatalog.Entry entry) {
        String templateName = entry.templateName();
        return SOURCE_PREFIX + templateName.substring(0, templateName.indexOf('/')) + "-service";
    }

    /** Refuses an event of a catalogued type read from another topic than its own, or from another source. */
    public void checkOrigin(String topic, EventEnvelope<?> event) {
        Optional<EventCatalog.Entry> entry = EventCatalog.byType(event.type());
        if (entry.isEmpty()) {
            return;
        }
        if (!entry.get().topic().equals(topic)) {
            refuse(topic, event, "its type belongs on topic " + entry.get().topic());
        }
        String expected = sourceOf(entry.get());
        if (!expected.equals(event.source())) {
            refuse(topic, event, "its type is published only by " + expected);
        }
    }

    /** Refuses an event whose data holds a link that does not lead to the portal (or no link where one is due). */
    public void checkLinks(String topic, EventEnvelope<?> event, Object data) {
        if (!(data instanceof Record record)) {
            return;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getType() != String.class || !isLink(component.getName())) {
                continue;
            }
            String link;
            try {
                link = (String) component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (!leadsToPortal(link)) {
                // The link itself is not logged: it holds a single-use token.
                refuse(topic, event, "its " + component.getName() + " does not start with the portal's address "
                        + portalUrl + "/");
            }
        }
    }

    boolean leadsToPortal(String link) {
        if (link == null || !link.startsWith(portalUrl + "/")) {
            return false;
        }
        // No white space or control character: nothing that could end the link or start a header in the mail.
        return link.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    private static boolean isLink(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("url") || lower.endsWith("link") || lower.endsWith("uri");
    }

    private static void refuse(String topic, EventEnvelope<?> event, String rule) {
        String message = "Event " + event.id() + " of type " + event.type() + " read on topic " + topic
                + " from source " + printable(event.source()) + " is refused: " + rule;
        SECURITY.warn("SECURITY refused event: id={} type={} topic={} source={}: {}", event.id(),
                printable(event.type()), topic, printable(event.source()), rule);
        throw new RefusedEventException(message);
    }

    /** What a producer wrote, fit for one log line (no line breaks to forge another, bounded). */
    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
