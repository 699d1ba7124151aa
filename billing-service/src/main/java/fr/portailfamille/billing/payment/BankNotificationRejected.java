package fr.portailfamille.billing.payment;

/**
 * A bank notification that must change nothing: answered 400 and logged as a security event. Its
 * message says why, for the log, in French; it never holds a key nor a signed text.
 */
public class BankNotificationRejected extends RuntimeException {

    public BankNotificationRejected(String reason) {
        super(reason);
    }
}
