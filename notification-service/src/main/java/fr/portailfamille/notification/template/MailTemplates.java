package fr.portailfamille.notification.template;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.platform.branding.Branding;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The French e-mail templates, one folder per producing service under {@code classpath:mail/}:
 * for an event type {@code fr.portailfamille.dossier.ContactDetailsChanged}, the files
 * {@code mail/dossier/ContactDetailsChanged.subject.txt}, {@code .txt} and {@code .html}. An event
 * type without them sends no e-mail. Templates see {@code event} (the event's data record),
 * {@code envelope}, {@code branding}, {@code dates} (Europe/Paris formatting), {@code amounts}
 * (euros as in France, « 1 234,50 € ») and {@code services} (« du Service Jeunesse »).
 */
@Component
public class MailTemplates {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final Branding branding;

    public MailTemplates(Branding branding, MessageSource messages) {
        this.branding = branding;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** A rendered e-mail. */
    public record RenderedMail(String subject, String text, String html) {
    }

    /** The template name of an event type, if that type sends an e-mail. */
    public Optional<String> templateFor(String eventType) {
        return EventCatalog.byType(eventType)
                .map(EventCatalog.Entry::templateName)
                .filter(name -> new ClassPathResource("mail/" + name + ".html").exists());
    }

    public RenderedMail render(String templateName, Object event, Object envelope) {
        return render(templateName, Map.of("event", event, "envelope", envelope));
    }

    /**
     * Renders a mail that is not one event's (the agents' digest) with these variables, besides
     * {@code branding}, {@code dates}, {@code amounts} and {@code services}.
     */
    public RenderedMail render(String templateName, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("branding", branding);
        all.put("dates", new Dates());
        all.put("amounts", new Amounts());
        all.put("services", new Services());
        Context context = new Context(FRENCH, all);
        String subject = engine.process(templateName + ".subject.txt", context).strip();
        return new RenderedMail(subject,
                engine.process(templateName + ".txt", context),
                engine.process(templateName + ".html", context));
    }

    /** Dates as a person in France reads them. */
    public static final class Dates {

        private static final DateTimeFormatter DATE_TIME =
                DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", FRENCH).withZone(PARIS);
        private static final DateTimeFormatter DATE =
                DateTimeFormatter.ofPattern("dd/MM/yyyy", FRENCH).withZone(PARIS);
        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("HH'h'mm", FRENCH).withZone(PARIS);

        public String dateTime(Instant instant) {
            return instant == null ? "" : DATE_TIME.format(instant);
        }

        public String date(Instant instant) {
            return instant == null ? "" : DATE.format(instant);
        }

        /** The time of day alone, for what expires within minutes (a code): {@code 10h40}. */
        public String time(Instant instant) {
            return instant == null ? "" : TIME.format(instant);
        }

        /** A day as people read it (a due date): {@code 31/10/2026}. */
        public String day(LocalDate day) {
            return day == null ? "" : DATE.format(day);
        }
    }

    /** A service of the authority in a sentence: « du Service Jeunesse », « du service Facturation ». */
    public static final class Services {

        public String of(String serviceName) {
            if (serviceName == null || serviceName.isBlank()) {
                return "du service";
            }
            return serviceName.regionMatches(true, 0, "Service ", 0, 8) ? "du " + serviceName
                    : "du service " + serviceName;
        }
    }

    /**
     * Amounts in euros as a person in France reads them: {@code 51,50 €}, {@code 1 234,50 €}
     * (ordinary spaces, so that the text is found as typed; the HTML templates keep an amount on
     * one line). Rounded half-up to the cent; never a {@code double}.
     */
    public static final class Amounts {

        public String euros(BigDecimal amount) {
            if (amount == null) {
                return "";
            }
            DecimalFormatSymbols symbols = new DecimalFormatSymbols(FRENCH);
            symbols.setDecimalSeparator(',');
            symbols.setGroupingSeparator(' ');
            symbols.setMinusSign('-');
            DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
            format.setParseBigDecimal(true);
            return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + " €";
        }
    }
}
