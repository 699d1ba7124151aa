package fr.portailfamille.billing.invoice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Where an invoice stands for the family, direct debit included: its label (« Prélèvement prévu le
 * 15/12/2026 » when the bank will debit it), the day of that debit, and whether it can be paid online.
 */
public record InvoiceStanding(String statusLabel, LocalDate plannedDebitDate, boolean payable) {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static InvoiceStanding of(Invoice invoice, boolean dossierUnderDirectDebit, boolean onlinePaymentBeforeDebit,
                              LocalDate today) {
        LocalDate planned = invoice.plannedDebitDate(dossierUnderDirectDebit, today);
        if (planned == null) {
            return new InvoiceStanding(invoice.getStatus().label(), null, invoice.getStatus().isPayable());
        }
        boolean payable = invoice.getStatus().isPayable() && onlinePaymentBeforeDebit;
        return new InvoiceStanding(InvoiceStatus.DIRECT_DEBIT_SCHEDULED.label() + " le " + FRENCH_DATE.format(planned),
                planned, payable);
    }
}
