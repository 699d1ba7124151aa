package fr.portailfamille.billing.invoice.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The same batch as the CSV file, as JSON for the API: invoices with their lines instead of one row
 * per line. Amounts are JSON numbers ({@code 4.40}), dates ISO ({@code "2026-09-30"}). Its rows go
 * through the same {@link InvoiceBatchValidator} as the CSV's.
 *
 * <pre>{"invoices": [{"number": "2026-000123", "dossierNumber": "6000", "period": "Septembre 2026",
 *   "issueDate": "2026-10-05", "dueDate": "2026-10-31", "total": 51.50,
 *   "lines": [{"beneficiary": "DURAND Marie", "service": "Repas Enfants",
 *              "unitPrice": 4.40, "quantity": 10.00, "amount": 44.00}, ...]}]}</pre>
 */
public record JsonInvoiceBatch(List<Invoice> invoices) {

    /** One invoice: its own values once, then its lines. */
    public record Invoice(String number, String dossierNumber, String period, LocalDate issueDate,
                          LocalDate dueDate, BigDecimal total, List<Line> lines) {
    }

    /** One line: « Nom et Prénom – Prestation », tarif, quantité, montant. */
    public record Line(String beneficiary, String service, BigDecimal unitPrice, BigDecimal quantity,
                       BigDecimal amount) {
    }

    /**
     * The batch as rows for the rules: line {@code j} of invoice {@code i} is at « facture i, ligne j »
     * and its row number counts the lines of the whole batch from 1.
     */
    ParsedRows rows() {
        List<ImportRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<Invoice> all = invoices == null ? List.of() : invoices;
        int row = 0;
        for (int i = 0; i < all.size(); i++) {
            Invoice invoice = all.get(i);
            String where = "facture " + (i + 1);
            if (invoice == null || invoice.lines() == null || invoice.lines().isEmpty()) {
                String number = invoice == null || invoice.number() == null ? "" : invoice.number();
                row++;
                problems.add(ImportMessages.problem(row, where, null, ImportMessages.INVOICE_NO_LINE, number));
                continue;
            }
            for (int j = 0; j < invoice.lines().size(); j++) {
                Line line = invoice.lines().get(j) == null ? new Line(null, null, null, null, null) : invoice.lines().get(j);
                row++;
                rows.add(new ImportRow(row, where + ", ligne " + (j + 1), i + 1,
                        text(invoice.number()), text(invoice.dossierNumber()), text(invoice.period()),
                        invoice.issueDate(), invoice.dueDate(), text(line.beneficiary()), text(line.service()),
                        line.unitPrice(), line.quantity(), line.amount(), invoice.total(), Set.of()));
            }
        }
        return new ParsedRows(rows, problems);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
