package fr.portailfamille.billing.invoice;

import java.util.List;
import java.util.Set;

/** Which invoices a family's list shows: « à payer » (payable or on their way) or « précédentes » (paid, cancelled). */
public enum InvoiceView {

    /** « Payez votre ou vos facture(s) en ligne »: À payer, Paiement en cours, Prélèvement prévu. */
    PAYABLE(Set.of(InvoiceStatus.TO_PAY, InvoiceStatus.PAYMENT_IN_PROGRESS, InvoiceStatus.DIRECT_DEBIT_SCHEDULED)),
    /** « Consultez vos précédentes factures »: Payée, Annulée. */
    PREVIOUS(Set.of(InvoiceStatus.PAID, InvoiceStatus.CANCELLED));

    private final Set<InvoiceStatus> statuses;

    InvoiceView(Set<InvoiceStatus> statuses) {
        this.statuses = statuses;
    }

    public List<InvoiceStatus> statuses() {
        return List.copyOf(statuses);
    }
}
