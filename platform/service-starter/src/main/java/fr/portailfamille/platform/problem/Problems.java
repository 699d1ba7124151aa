package fr.portailfamille.platform.problem;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;

/**
 * Builds RFC 9457 problems: a stable {@code type} URI ({@code urn:portail-famille:problem:<slug>})
 * and a French {@code title} and {@code detail} taken from message bundles: the service's own
 * {@code messages.properties} first, then the platform's {@code portal-platform-messages.properties}.
 */
public class Problems {

    public static final String TYPE_PREFIX = "urn:portail-famille:problem:";
    public static final Locale FRENCH = Locale.FRENCH;

    private final MessageSource serviceMessages;
    private final ResourceBundleMessageSource platformMessages = new ResourceBundleMessageSource();

    public Problems(MessageSource serviceMessages) {
        this.serviceMessages = serviceMessages;
        platformMessages.setBasename("portal-platform-messages");
        platformMessages.setDefaultEncoding("UTF-8");
        platformMessages.setFallbackToSystemLocale(false);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    /** A size as French people read it: « 10 Mo », « 500 Ko ». */
    public static String readableSize(org.springframework.util.unit.DataSize size) {
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " Mo" : size.toKilobytes() + " Ko";
    }

    /** The French text of {@code key}, from the service's bundle or the platform's. */
    public String message(String key, Object... args) {
        String text = serviceMessages == null ? null : serviceMessages.getMessage(key, args, null, FRENCH);
        if (text == null) {
            text = platformMessages.getMessage(key, args, key, FRENCH);
        }
        return text;
    }

    /**
     * How people call a form's field: the service's {@code field.<name>} text (« Objet » for
     * {@code subject}), the same without indexes for a list's element ({@code attachments[3]}), else the
     * name itself. Validation details name fields this way; {@code errors[].field} keeps the JSON name.
     */
    public String label(String field) {
        if (serviceMessages == null || field == null) {
            return field;
        }
        String label = serviceMessages.getMessage("field." + field, null, null, FRENCH);
        if (label == null) {
            label = serviceMessages.getMessage("field." + field.replaceAll("\\[\\d+]", ""), null, null, FRENCH);
        }
        return label == null ? field : label;
    }

    public ProblemDetail problem(HttpStatus status, String slug, String detailKey, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(detailKey, args));
        problem.setType(type(slug));
        problem.setTitle(message("problem.title." + status.value()));
        return problem;
    }
}
