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
     * {@code subject}), never the Java name. A nested or indexed path is looked up from the most precise
     * to the least: {@code guardians[0].address.postcode} tries {@code field.guardians.address.postcode},
     * then {@code field.address.postcode}, then {@code field.postcode}. Without any, the name itself
     * (test-support's {@code FieldLabels.verify} keeps that from happening). Validation details name
     * fields this way; {@code errors[].field} keeps the JSON name, for the form to place the message.
     */
    public String label(String field) {
        if (field == null) {
            return null;
        }
        String label = fieldText(field, "");
        return label == null ? field : label;
    }

    /**
     * The service's own message for one constraint on one field, a French sentence people read next to
     * the field: {@code field.<name>.<Constraint>} ({@code field.civility.NotNull=Choisissez une
     * civilité.}), looked up along the path as {@link #label(String)} does; null when there is none.
     * {@code constraint} is the constraint annotation's simple name ({@code NotNull}, {@code Pattern}…).
     */
    public String fieldMessage(String field, String constraint) {
        if (field == null || constraint == null || constraint.isEmpty()) {
            return null;
        }
        return fieldText(field, "." + constraint);
    }

    /**
     * The portal's wording of a constraint's default message, when Bean Validation's reads badly
     * (« ne doit pas être nul » for a choice or a date): {@code constraint.<Constraint>} of the service's
     * bundle, else of the platform's; null when neither has one.
     */
    public String constraintMessage(String constraint) {
        if (constraint == null || constraint.isEmpty()) {
            return null;
        }
        String key = "constraint." + constraint;
        String text = serviceMessages == null ? null : serviceMessages.getMessage(key, null, null, FRENCH);
        return text != null ? text : platformMessages.getMessage(key, null, null, FRENCH);
    }

    /** {@code field.<path><suffix>} for the path without indexes, then without its leading segments one by one. */
    private String fieldText(String field, String suffix) {
        if (serviceMessages == null) {
            return null;
        }
        String text = serviceMessages.getMessage("field." + field + suffix, null, null, FRENCH);
        for (String path = field.replaceAll("\\[\\d*]", ""); text == null; path = path.substring(path.indexOf('.') + 1)) {
            text = serviceMessages.getMessage("field." + path + suffix, null, null, FRENCH);
            if (path.indexOf('.') < 0) {
                break;
            }
        }
        return text;
    }

    public ProblemDetail problem(HttpStatus status, String slug, String detailKey, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(detailKey, args));
        problem.setType(type(slug));
        problem.setTitle(message("problem.title." + status.value()));
        return problem;
    }
}
