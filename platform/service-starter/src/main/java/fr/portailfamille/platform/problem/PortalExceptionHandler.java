package fr.portailfamille.platform.problem;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.core.JacksonException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error of every service as RFC 9457 problem+json with a French {@code detail} and a stable
 * {@code type}; validation errors list each field ({@code errors: [{field, message}]}). Never a 500
 * for bad input; an unexpected failure is logged and answered with a 500 that reveals nothing.
 *
 * <p>What people read of a validation error never names a Java field (docs/adr/006-french-field-labels.md):
 * <ul>
 *   <li>the {@code detail} names each field by its label, the service's {@code field.<name>} in its
 *       {@code messages.properties} (see {@link Problems#label}: nested paths such as
 *       {@code address.postcode} find {@code field.address.postcode}, else {@code field.postcode});
 *       {@code errors[].field} keeps the JSON name, for the form to put the message under its input;</li>
 *   <li>the message of one constraint on one field is, first found: the service's
 *       {@code field.<name>.<Constraint>} ({@code field.civility.NotNull=Choisissez une civilité.}), the
 *       portal's {@code constraint.<Constraint>} when the constraint kept Bean Validation's default
 *       message ({@code constraint.NotNull=est obligatoire}), else the constraint's own message;</li>
 *   <li>in the {@code detail}, « label » precedes a predicate (« « Nom » ne doit pas être vide »), or
 *       « label » : a message that is a sentence of its own (« « Civilité » : choisissez une civilité »).</li>
 * </ul>
 * test-support's {@code FieldLabels.verify} checks that every field a service accepts has its label.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class PortalExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PortalExceptionHandler.class);

    private final Problems problems;
    private final org.springframework.core.env.Environment environment;

    public PortalExceptionHandler(Problems problems, org.springframework.core.env.Environment environment) {
        this.problems = problems;
        this.environment = environment;
    }

    /** One invalid field of a request. */
    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e) {
        if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
            RefusedAccess.logCurrent(e.status());
        }
        if (e.field() != null) {
            String message = problems.message(e.messageKey(), e.args());
            if (e.status() == HttpStatus.BAD_REQUEST) {
                return validation(List.of(new FieldProblem(e.field(), message)));
            }
            ProblemDetail problem = problems.problem(e.status(), e.slug(), e.messageKey(), e.args());
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), message)));
            return respond(problem);
        }
        return respond(problems.problem(e.status(), e.slug(), e.messageKey(), e.args()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        RefusedAccess.logCurrent(HttpStatus.FORBIDDEN);
        return respond(problems.problem(HttpStatus.FORBIDDEN, "acces-refuse", "problem.forbidden"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> {
                    String field = fieldOf(v);
                    return new FieldProblem(field, messageOf(field,
                            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                            v.getMessageTemplate(), v.getMessage()));
                })
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return validation(fields);
    }

    /** A unique constraint lost a race with another request: the same answer as the check before it. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<Object> dataIntegrity(org.springframework.dao.DataIntegrityViolationException e) {
        log.info("Constraint violation answered as 409: {}", e.getMostSpecificCause().getMessage());
        return respond(problems.problem(HttpStatus.CONFLICT, "conflit", "problem.conflict"));
    }

    /**
     * No database connection came within Hikari's connection timeout (a burst, or the database
     * restarting): the service is busy, not broken; 503 with {@code Retry-After}, as {@code LoadShedding}.
     */
    @ExceptionHandler({org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.dao.DataAccessResourceFailureException.class})
    ResponseEntity<Object> busy(RuntimeException e) {
        log.warn("No database connection in time, answered 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-surcharge", "problem.overloaded"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "erreur-interne", "problem.internal"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            // A value that could not even be converted (« abc » for a number in a form): Spring's text is English.
            fields.add(new FieldProblem(error.getField(), error.isBindingFailure()
                    ? problems.message("problem.wrong-type")
                    : messageOf(error.getField(), error.getCode(), templateOf(error), error.getDefaultMessage())));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> fields.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        fields.sort(Comparator.comparing(FieldProblem::field));
        return validation(fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                if (error instanceof FieldError fieldError) {
                    // A @Valid body checked by method validation: the same as handleMethodArgumentNotValid.
                    fields.add(new FieldProblem(fieldError.getField(), fieldError.isBindingFailure()
                            ? problems.message("problem.wrong-type")
                            : messageOf(fieldError.getField(), fieldError.getCode(), templateOf(fieldError),
                                    fieldError.getDefaultMessage())));
                } else {
                    String field = requestName(result.getMethodParameter());
                    String[] codes = error.getCodes();
                    String constraint = codes == null || codes.length == 0 ? null : codes[codes.length - 1];
                    String template = null;
                    try {
                        template = result.unwrap(error, jakarta.validation.ConstraintViolation.class).getMessageTemplate();
                    } catch (IllegalArgumentException notAViolation) {
                        // A Spring-made error: its default message stands.
                    }
                    fields.add(new FieldProblem(field, messageOf(field, constraint, template, error.getDefaultMessage())));
                }
            }
        }
        fields.sort(Comparator.comparing(FieldProblem::field));
        return validation(fields);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldOf(e);
        ProblemDetail problem = field == null
                ? problems.problem(HttpStatus.BAD_REQUEST, "corps-illisible", "problem.unreadable")
                : problems.problem(HttpStatus.BAD_REQUEST, "corps-illisible", "problem.unreadable.field",
                        problems.label(field));
        if (field != null) {
            problem.setProperty("errors", List.of(new FieldProblem(field, problems.message("problem.wrong-type"))));
        }
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validation(List.of(new FieldProblem(e.getParameterName(), problems.message("problem.missing"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return validation(List.of(new FieldProblem(name, problems.message("problem.wrong-type"))));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, "introuvable", "problem.not-found"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "methode-non-autorisee",
                "problem.method-not-allowed", e.getMethod()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type-de-contenu-refuse",
                "problem.media-type"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        org.springframework.util.unit.DataSize limit = environment.getProperty(
                "spring.servlet.multipart.max-file-size", org.springframework.util.unit.DataSize.class,
                org.springframework.util.unit.DataSize.ofMegabytes(1));
        return respond(problems.problem(HttpStatus.CONTENT_TOO_LARGE, "fichier-trop-volumineux",
                "problem.too-large", Problems.readableSize(limit)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Any other Spring MVC exception: keep its status, give a French detail.
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        if (status.is5xxServerError()) {
            log.error("Request failed", e);
        }
        return respond(problems.problem(status, "requete-refusee", "problem.title." + status.value()));
    }

    private ResponseEntity<Object> validation(List<FieldProblem> fields) {
        String summary = fields.stream()
                .map(f -> summaryOf(problems.label(f.field()), f.message()))
                .collect(Collectors.joining(" ; "));
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", "problem.validation", summary);
        problem.setProperty("errors", fields);
        return respond(problem);
    }

    /**
     * What people read about one constraint broken on one field, the first found of:
     * <ol>
     *   <li>the service's {@code field.<name>.<Constraint>} ({@code field.civility.NotNull=Choisissez une
     *       civilité.}; see {@link Problems#fieldMessage});</li>
     *   <li>when the constraint kept Bean Validation's default message, the portal's
     *       {@code constraint.<Constraint>} ({@code constraint.NotNull=est obligatoire});</li>
     *   <li>the constraint's own message (its {@code message} attribute, else Bean Validation's, in French).</li>
     * </ol>
     */
    private String messageOf(String field, @Nullable String constraint, @Nullable String template,
                             @Nullable String defaultMessage) {
        String own = problems.fieldMessage(field, constraint);
        if (own != null) {
            return own;
        }
        if (template != null && (template.startsWith("{jakarta.validation.constraints.")
                || template.startsWith("{org.hibernate.validator.constraints."))) {
            String portal = problems.constraintMessage(constraint);
            if (portal != null) {
                return portal;
            }
        }
        return defaultMessage;
    }

    /** The message template of a Bean Validation error (null for an error Spring or the service made). */
    @Nullable
    private static String templateOf(FieldError error) {
        try {
            return error.unwrap(jakarta.validation.ConstraintViolation.class).getMessageTemplate();
        } catch (IllegalArgumentException notAViolation) {
            return null;
        }
    }

    /** The name the request uses for a parameter ({@code q} of {@code @RequestParam(name = "q") String query}). */
    private static String requestName(org.springframework.core.MethodParameter parameter) {
        org.springframework.web.bind.annotation.RequestParam param =
                parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !(param.name().isEmpty() && param.value().isEmpty())) {
            return param.name().isEmpty() ? param.value() : param.name();
        }
        org.springframework.web.bind.annotation.RequestPart part =
                parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class);
        if (part != null && !(part.name().isEmpty() && part.value().isEmpty())) {
            return part.name().isEmpty() ? part.value() : part.name();
        }
        return parameter.getParameterName();
    }

    /**
     * One field in the summary: « label » and a predicate (« « Nom » ne doit pas être vide »), or, for a
     * message that is a sentence of its own (« Choisissez une civilité. »), « label » : the sentence
     * (« « Civilité » : choisissez une civilité »).
     */
    private String summaryOf(String label, @Nullable String message) {
        String text = message == null ? "" : message.strip();
        boolean sentence = text.length() > 1 && Character.isUpperCase(text.charAt(0))
                && Character.isLowerCase(text.charAt(1));
        if (!sentence) {
            return problems.message("problem.validation.field", label, text);
        }
        String clause = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        if (clause.endsWith(".")) {
            clause = clause.substring(0, clause.length() - 1);
        }
        return problems.message("problem.validation.sentence", label, clause);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The JSON path of the value Jackson could not read, e.g. {@code children[0].birthDate}. */
    @Nullable
    static String fieldOf(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException jackson) || jackson.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /**
     * The field a violation is about: for a controller's parameter checked by {@code @Validated}, the name
     * the request gives it ({@code q} for {@code @RequestParam(name = "q") String query}); else the last
     * node of its path.
     */
    private static String fieldOf(jakarta.validation.ConstraintViolation<?> violation) {
        String last = lastNode(violation.getPropertyPath().toString());
        jakarta.validation.Path.MethodNode method = null;
        jakarta.validation.Path.ParameterNode parameter = null;
        int nodes = 0;
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            nodes++;
            if (node instanceof jakarta.validation.Path.MethodNode m) {
                method = m;
            } else if (node instanceof jakarta.validation.Path.ParameterNode p) {
                parameter = p;
            }
        }
        if (method == null || parameter == null || nodes != 2 || violation.getRootBeanClass() == null) {
            return last;
        }
        try {
            java.lang.reflect.Method target = org.springframework.util.ReflectionUtils.findMethod(
                    org.springframework.util.ClassUtils.getUserClass(violation.getRootBeanClass()),
                    method.getName(), method.getParameterTypes().toArray(Class<?>[]::new));
            if (target == null) {
                return last;
            }
            org.springframework.core.MethodParameter methodParameter =
                    new org.springframework.core.MethodParameter(target, parameter.getParameterIndex());
            methodParameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            String name = requestName(methodParameter);
            return name == null ? last : name;
        } catch (RuntimeException notFound) {
            return last;
        }
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

}
