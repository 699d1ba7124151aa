package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.math.BigDecimal;
import java.util.List;

/**
 * A payment ended without paying: refused by the bank, abandoned on its page, or left without answer
 * past the bank's window. Its invoices are payable again; the family is e-mailed why and how to try
 * again.
 *
 * @param outcome      {@code REFUSED}, {@code ABANDONED} or {@code EXPIRED}
 * @param outcomeLabel what the family reads: « Paiement refusé », « Paiement abandonné »...
 */
public record PaymentFailed(
        String dossierNumber,
        String paymentId,
        String provider,
        String outcome,
        String outcomeLabel,
        BigDecimal amount,
        List<PaidInvoice> invoices,
        String familyName,
        String email) implements FamilyEvent {

    public PaymentFailed {
        invoices = invoices == null ? List.of() : List.copyOf(invoices);
    }
}
