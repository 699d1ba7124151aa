package fr.portailfamille.billing.invoice;

import fr.portailfamille.platform.text.Sha256;

import java.math.BigDecimal;

/**
 * The fingerprint of what an invoice says (number, dossier, period, dates, every line, total), so
 * that importing the same invoice again is recognised (skipped) and the same number with another
 * content is refused. Amounts are compared by value: 4.4 and 4.40 are the same tarif.
 */
final class InvoiceContent {

    private InvoiceContent() {
    }

    static String sha256(NewInvoice invoice) {
        StringBuilder text = new StringBuilder()
                .append(invoice.number()).append('\n')
                .append(invoice.dossierNumber()).append('\n')
                .append(invoice.period()).append('\n')
                .append(invoice.issueDate()).append('\n')
                .append(invoice.dueDate()).append('\n')
                .append(plain(invoice.total())).append('\n');
        for (InvoiceLine line : invoice.lines()) {
            text.append(line.beneficiary() == null ? "" : line.beneficiary()).append('\t')
                    .append(line.service()).append('\t')
                    .append(plain(line.unitPrice())).append('\t')
                    .append(plain(line.quantity())).append('\t')
                    .append(plain(line.amount())).append('\n');
        }
        return Sha256.hex(text.toString());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
