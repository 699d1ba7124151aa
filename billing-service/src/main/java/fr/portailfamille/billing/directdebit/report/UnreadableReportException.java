package fr.portailfamille.billing.directdebit.report;

/** A status report that cannot be read; its message says why, in French, for the agent who uploaded it. */
public class UnreadableReportException extends RuntimeException {

    public UnreadableReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
