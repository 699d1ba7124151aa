package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The bank's notification confirmed a payment: its invoices are paid. The family is e-mailed the
 * receipt « Paiement reçu » (amount, invoices, date, the bank's transaction reference).
 *
 * @param provider  {@code SYSTEMPAY} or {@code PAYFIP}
 * @param reference the bank's reference of the transaction ({@code vads_trans_id} of the day, PayFiP's {@code idOp}...)
 * @param paidAt    when the bank accepted it (UTC)
 */
public record PaymentSucceeded(
        String dossierNumber,
        String paymentId,
        String provider,
        String reference,
        BigDecimal amount,
        Instant paidAt,
        List<PaidInvoice> invoices,
        String familyName,
        String email) implements FamilyEvent {

    public PaymentSucceeded {
        invoices = invoices == null ? List.of() : List.copyOf(invoices);
    }
}
