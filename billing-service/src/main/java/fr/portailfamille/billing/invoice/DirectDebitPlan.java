package fr.portailfamille.billing.invoice;

import java.util.Collection;
import java.util.Set;

/**
 * What invoices need to know of direct debit, given by the {@code directdebit} package (which depends on
 * invoices, not the other way round): which dossiers have an active mandate, and whether the authority
 * lets a family pay online an invoice the bank will debit ({@code portal.billing.direct-debit
 * .online-payment-before-debit}, false by default: one invoice, one way of paying).
 */
public interface DirectDebitPlan {

    /** Of these dossiers, those with an active mandate. */
    Set<String> dossiersUnderDirectDebit(Collection<String> dossierNumbers);

    boolean onlinePaymentBeforeDebit();
}
