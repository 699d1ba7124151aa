package fr.portailfamille.billing.invoice.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One invoice line of a batch as read from a CSV row or a JSON line, before the rules: a value is
 * {@code null} when it is missing, or when it could not be read (then its field is in
 * {@code unreadable} and the reader has already said why).
 *
 * @param row      see {@link ImportProblem#row()}
 * @param location see {@link ImportProblem#location()}
 * @param block    rows of one block belong together: consecutive CSV rows with the same invoice number,
 *                 or the lines of one JSON invoice
 */
record ImportRow(int row, String location, int block,
                 String invoiceNumber, String dossierNumber, String period, LocalDate issueDate,
                 LocalDate dueDate, String beneficiary, String service, BigDecimal unitPrice,
                 BigDecimal quantity, BigDecimal amount, BigDecimal invoiceTotal,
                 Set<ImportField> unreadable) {

    ImportRow {
        unreadable = Set.copyOf(unreadable);
    }

    /** The value of {@code field}, whatever its type, or {@code null}. */
    Object value(ImportField field) {
        return switch (field) {
            case INVOICE_NUMBER -> invoiceNumber;
            case DOSSIER -> dossierNumber;
            case PERIOD -> period;
            case ISSUE_DATE -> issueDate;
            case DUE_DATE -> dueDate;
            case BENEFICIARY -> beneficiary;
            case SERVICE -> service;
            case UNIT_PRICE -> unitPrice;
            case QUANTITY -> quantity;
            case AMOUNT -> amount;
            case INVOICE_TOTAL -> invoiceTotal;
        };
    }
}
