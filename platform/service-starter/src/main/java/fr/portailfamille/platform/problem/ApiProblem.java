package fr.portailfamille.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * Thrown by a service to answer with a problem+json: the status, a stable slug for the
 * {@code type} URI, and the message key of the French {@code detail}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String messageKey;
    private final transient Object[] args;
    private String field;

    public ApiProblem(HttpStatus status, String slug, String messageKey, Object... args) {
        super(slug + " (" + messageKey + ")");
        this.status = status;
        this.slug = slug;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static ApiProblem notFound(String slug, String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.NOT_FOUND, slug, messageKey, args);
    }

    public static ApiProblem conflict(String slug, String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, messageKey, args);
    }

    public static ApiProblem forbidden(String slug, String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.FORBIDDEN, slug, messageKey, args);
    }

    public static ApiProblem badRequest(String slug, String messageKey, Object... args) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, slug, messageKey, args);
    }

    /**
     * A rule on one field that a bean-validation annotation cannot say (it depends on other fields
     * or on the stored data): answered like a validation error, naming the field for the form.
     */
    public static ApiProblem invalidField(String field, String messageKey, Object... args) {
        ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "validation", messageKey, args);
        problem.field = field;
        return problem;
    }

    /** The same, with another status than 400 (e.g. 409 for an identifiant already taken). */
    public static ApiProblem onField(HttpStatus status, String field, String messageKey, Object... args) {
        ApiProblem problem = new ApiProblem(status, "validation", messageKey, args);
        problem.field = field;
        return problem;
    }

    /** The field an {@link #invalidField} names, or null. */
    public String field() {
        return field;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
