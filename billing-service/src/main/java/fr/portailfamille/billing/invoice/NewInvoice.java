package fr.portailfamille.billing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice says when it is issued: its number (unique per authority, e.g. {@code 2026-000123}),
 * the dossier it belongs to, its period (« Septembre 2026 »), issue and due dates, its lines and its
 * total, which is always the sum of the lines. Whether the dossier exists is checked elsewhere.
 */
public record NewInvoice(String number, String dossierNumber, String period, LocalDate issueDate,
                         LocalDate dueDate, List<InvoiceLine> lines, BigDecimal total) {

    public NewInvoice {
        number = required(number, "number");
        dossierNumber = required(dossierNumber, "dossierNumber");
        period = required(period, "period");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        if (dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("Invoice " + number + " is due " + dueDate + ", before its issue " + issueDate);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("Invoice " + number + " has no line");
        }
        BigDecimal sum = Money.sum(lines.stream().map(InvoiceLine::amount).toList());
        if (total == null || total.compareTo(sum) != 0) {
            throw new IllegalArgumentException("Invoice " + number + " totals its lines: " + sum.toPlainString()
                    + ", not " + (total == null ? "nothing" : total.toPlainString()));
        }
        total = sum;
    }

    /** The invoice with its total computed from its lines. */
    public static NewInvoice of(String number, String dossierNumber, String period, LocalDate issueDate,
                                LocalDate dueDate, List<InvoiceLine> lines) {
        BigDecimal sum = Money.sum(lines.stream().map(InvoiceLine::amount).toList());
        return new NewInvoice(number, dossierNumber, period, issueDate, dueDate, lines, sum);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An invoice has a " + name);
        }
        return value.strip();
    }
}
