package fr.portailfamille.billing.directdebit.file;

import java.util.List;
import java.util.stream.Collectors;

/** A file that does not match its pain.008 XSD, with every error the schema validator reported. */
public class Pain008ValidationException extends RuntimeException {

    private static final int ERRORS_IN_MESSAGE = 20;

    /** One schema error: where (line and column of the file, -1 when unknown) and the validator's message. */
    public record XsdError(int line, int column, String message) {
        @Override
        public String toString() {
            return "line " + line + ", column " + column + ": " + message;
        }
    }

    private final transient List<XsdError> errors;

    public Pain008ValidationException(Pain008Version version, List<XsdError> errors) {
        super(message(version, errors));
        this.errors = List.copyOf(errors);
    }

    public List<XsdError> errors() {
        return errors;
    }

    private static String message(Pain008Version version, List<XsdError> errors) {
        String listed = errors.stream().limit(ERRORS_IN_MESSAGE).map(XsdError::toString)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        String more = errors.size() > ERRORS_IN_MESSAGE ? "\n  … and " + (errors.size() - ERRORS_IN_MESSAGE) + " more" : "";
        return "The direct-debit file does not match the " + version.id() + " XSD (" + errors.size()
                + " error" + (errors.size() == 1 ? "" : "s") + "):" + listed + more;
    }
}
