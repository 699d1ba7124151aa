package fr.portailfamille.billing.invoice;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The only way the {@code directdebit} package changes invoices (as {@link InvoicePayments} is for online
 * payments). Rows are locked ({@code for update}, in the order of their ids) in the caller's transaction.
 *
 * <pre>
 * TO_PAY --schedule (in the file of a date)--> DIRECT_DEBIT_SCHEDULED --settleCollected (days later)--> PAID
 *   ^                                               |                                                     |
 *   +----------- reopen (debit rejected or returned: excluded from later files) -------+------------------+
 * </pre>
 */
@Service
public class InvoiceDebits {

    /** How a debited invoice was paid, as families and agents read it. */
    public static final String DIRECT_DEBIT_METHOD = "Prélèvement automatique";

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final InvoiceRepository invoices;

    InvoiceDebits(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /**
     * The invoices a file for {@code collectionDate} collects: « À payer », due on or before that day, of
     * these dossiers (those with an active mandate), not taken out of direct debit by a rejection. They
     * become « Prélèvement prévu » for that day.
     *
     * @return them, in the order of dossier and number
     */
    @Transactional
    public List<DebitableInvoice> schedule(Collection<String> dossierNumbers, LocalDate collectionDate) {
        if (dossierNumbers.isEmpty()) {
            return List.of();
        }
        List<Invoice> due = invoices.lockToCollect(dossierNumbers, collectionDate);
        due.forEach(invoice -> invoice.scheduleDebit(collectionDate));
        invoices.flush();
        return due.stream().map(DebitableInvoice::of)
                .sorted(Comparator.comparing(DebitableInvoice::dossierNumber).thenComparing(DebitableInvoice::number))
                .toList();
    }

    /**
     * The bank rejected (or the family had refunded) the debit of this invoice: « À payer » again, for
     * online payment, and left out of later files. Nothing happens to an invoice that is neither in a file
     * nor paid by direct debit (e.g. paid online meanwhile), and empty is returned.
     */
    @Transactional
    public Optional<DebitableInvoice> reopen(UUID invoiceId) {
        Invoice invoice = invoices.lockAll(List.of(invoiceId)).stream().findFirst().orElse(null);
        if (invoice == null) {
            return Optional.empty();
        }
        boolean debited = invoice.getStatus() == InvoiceStatus.DIRECT_DEBIT_SCHEDULED
                || (invoice.getStatus() == InvoiceStatus.PAID && DIRECT_DEBIT_METHOD.equals(invoice.getPaymentMethod()));
        if (!debited) {
            return Optional.empty();
        }
        invoice.reopenAfterRejectedDebit();
        invoices.flush();
        return Optional.of(DebitableInvoice.of(invoice));
    }

    /**
     * The invoices of files collected on or before {@code collectedUpTo} and not rejected since: « Payée »
     * by direct debit (a later return still reopens them, {@link #reopen}).
     *
     * @return how many
     */
    @Transactional
    public int settleCollected(LocalDate collectedUpTo, Instant now) {
        List<Invoice> collected = invoices.lockCollected(collectedUpTo);
        collected.forEach(invoice -> invoice.settle(now, DIRECT_DEBIT_METHOD,
                "Prélèvement du " + FRENCH_DATE.format(invoice.getDirectDebitDate())));
        invoices.flush();
        return collected.size();
    }

    /** The first day the bank will debit one of the dossier's unpaid invoices (the mandate's mail), if any. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> firstPlannedDebit(String dossierNumber, LocalDate today) {
        return invoices.findToCollect(dossierNumber).stream()
                .map(invoice -> invoice.plannedDebitDate(true, today))
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo);
    }
}
