package fr.portailfamille.billing.payment;

/** The bank that takes a payment: the authority's partner bank (Systempay form) or the public treasury (PayFiP). */
public enum Provider {
    /** Systempay / PayZen / Lyra « formulaire de paiement »: several invoices in one payment. */
    SYSTEMPAY,
    /** PayFiP (DGFiP): one invoice per transaction, its own rule. */
    PAYFIP
}
