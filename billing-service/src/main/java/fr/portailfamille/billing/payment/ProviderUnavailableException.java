package fr.portailfamille.billing.payment;

/**
 * The bank could not be reached or answered something unexpected (a PayFiP SOAP fault, a timeout):
 * the payment cannot start now, or its result is not known yet. The message is for the log.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
