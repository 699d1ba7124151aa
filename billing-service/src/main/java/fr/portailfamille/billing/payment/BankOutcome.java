package fr.portailfamille.billing.payment;

/**
 * What the bank says of a payment, whichever the provider: Systempay's {@code vads_trans_status},
 * PayFiP's {@code resultrans}, or nothing at all within the provider's window ({@link #EXPIRED}).
 */
public enum BankOutcome {
    /** Paid: Systempay AUTHORISED, CAPTURED, ACCEPTED; PayFiP P or V. */
    PAID,
    /** The bank said no: Systempay REFUSED; PayFiP R or Z. */
    REFUSED,
    /** The family gave up on the bank's page: Systempay ABANDONED, CANCELLED, EXPIRED; PayFiP A. */
    ABANDONED,
    /** No answer within the provider's window: the payment is given up by the portal. */
    EXPIRED,
    /** Not decided yet (waiting for authorisation, PayFiP's « résultat non connu »): nothing changes. */
    PENDING
}
