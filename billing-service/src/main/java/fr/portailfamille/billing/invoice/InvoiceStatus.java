package fr.portailfamille.billing.invoice;

/**
 * Where an invoice stands, with the French label the family and the agents read. Only an invoice
 * « À payer » can be chosen for an online payment; paid and cancelled ones are the family's
 * « précédentes factures ».
 */
public enum InvoiceStatus {

    /** Issued and waiting for the family's payment. */
    TO_PAY("À payer"),
    /** A payment was started at the bank; only the bank's notification ends it. */
    PAYMENT_IN_PROGRESS("Paiement en cours"),
    /** The bank's notification said it was paid. */
    PAID("Payée"),
    /** The family pays by SEPA direct debit: the authority collects it, the family does not pay online. */
    DIRECT_DEBIT_SCHEDULED("Prélèvement prévu"),
    /** Cancelled by an agent, with a reason. */
    CANCELLED("Annulée");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    /** The French label: « À payer », « Paiement en cours », « Payée », « Prélèvement prévu », « Annulée ». */
    public String label() {
        return label;
    }

    /** Whether a family may select the invoice for an online payment. */
    public boolean isPayable() {
        return this == TO_PAY;
    }

    /** Whether the invoice is settled and shown under « Consultez vos précédentes factures ». */
    public boolean isSettled() {
        return this == PAID || this == CANCELLED;
    }
}
