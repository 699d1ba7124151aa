package fr.portailfamille.billing.invoice;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The only way the {@code payment} package changes invoices. Every method locks the rows it changes
 * ({@code select … for update}, in the order of the ids, so two payments never deadlock) and joins
 * the caller's transaction (or opens one): two tabs reserving the same invoice are serialised, the
 * second gets 409 « … a un paiement en cours. ».
 *
 * <pre>
 * TO_PAY --reserve--> PAYMENT_IN_PROGRESS --settle--> PAID
 *                          |  ^
 *                  release |  | (a later reserve, by another payment)
 *                          v  |
 *                         TO_PAY  --settle (late notification of the released payment)--> PAID
 * </pre>
 */
@Service
public class InvoicePayments {

    private final InvoiceRepository invoices;
    private final DirectDebitPlan directDebit;

    InvoicePayments(InvoiceRepository invoices, DirectDebitPlan directDebit) {
        this.invoices = invoices;
        this.directDebit = directDebit;
    }

    /**
     * Reserves the invoices for the payment: each must belong to {@code dossierNumber} (else
     * {@link InvoiceNotFoundException}, 404, nothing changed) and be « À payer » (else
     * {@link InvoiceNotPayableException}, 409 naming the first such invoice in the order given).
     * They become « Paiement en cours », held by {@code paymentId}.
     *
     * @return the invoices in the order given (duplicates once)
     */
    @Transactional
    public List<PayableInvoice> reserve(String dossierNumber, List<UUID> invoiceIds, UUID paymentId) {
        Objects.requireNonNull(dossierNumber, "dossierNumber");
        Objects.requireNonNull(paymentId, "paymentId");
        Set<UUID> ids = new LinkedHashSet<>(invoiceIds);
        if (ids.isEmpty() || ids.contains(null)) {
            throw new InvoiceNotFoundException();
        }
        Map<UUID, Invoice> locked = invoices.lockAll(ids).stream()
                .collect(Collectors.toMap(Invoice::getId, Function.identity()));
        if (locked.size() != ids.size()
                || locked.values().stream().anyMatch(i -> !i.getDossierNumber().equals(dossierNumber))) {
            throw new InvoiceNotFoundException();
        }
        List<Invoice> ordered = ids.stream().map(locked::get).toList();
        boolean underDirectDebit = !directDebit.onlinePaymentBeforeDebit()
                && !directDebit.dossiersUnderDirectDebit(List.of(dossierNumber)).isEmpty();
        for (Invoice invoice : ordered) {
            if (!invoice.getStatus().isPayable()) {
                throw new InvoiceNotPayableException(invoice.getNumber(), invoice.getStatus());
            }
            if (underDirectDebit && !invoice.isDirectDebitExcluded()) {
                // The bank will debit it: one invoice, one way of paying.
                throw new InvoiceNotPayableException(invoice.getNumber(), InvoiceStatus.DIRECT_DEBIT_SCHEDULED);
            }
        }
        ordered.forEach(invoice -> invoice.reserveFor(paymentId));
        invoices.flush();
        return ordered.stream().map(PayableInvoice::of).toList();
    }

    /**
     * The payment was paid (the bank's notification said so): its invoices — « Paiement en cours »
     * held by it, or « À payer » again whose last payment it was (a late notification after
     * {@link #release}) — become « Payée » with when, how and the bank's reference.
     *
     * @return the invoices this call settled, in the order of their ids; empty when there is none
     *         (already settled: a replayed notification changes nothing)
     */
    @Transactional
    public List<PayableInvoice> settle(UUID paymentId, Instant paidAt, String method, String reference) {
        Objects.requireNonNull(paidAt, "paidAt");
        List<Invoice> settled = new ArrayList<>();
        for (Invoice invoice : invoices.lockByPayment(paymentId)) {
            InvoiceStatus status = invoice.getStatus();
            if (status == InvoiceStatus.PAYMENT_IN_PROGRESS || status == InvoiceStatus.TO_PAY) {
                invoice.settle(paidAt, method, reference);
                settled.add(invoice);
            }
        }
        invoices.flush();
        return settled.stream().map(PayableInvoice::of).toList();
    }

    /**
     * The payment ended without paying (refused, abandoned, expired): its invoices still
     * « Paiement en cours » become « À payer » again. Paid ones are never reopened.
     *
     * @return the invoices this call released, in the order of their ids
     */
    @Transactional
    public List<PayableInvoice> release(UUID paymentId) {
        List<Invoice> released = new ArrayList<>();
        for (Invoice invoice : invoices.lockByPayment(paymentId)) {
            if (invoice.getStatus() == InvoiceStatus.PAYMENT_IN_PROGRESS) {
                invoice.release();
                released.add(invoice);
            }
        }
        invoices.flush();
        return released.stream().map(PayableInvoice::of).toList();
    }
}
