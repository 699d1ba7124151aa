package fr.portailfamille.billing.invoice.imports;

import static fr.portailfamille.billing.invoice.imports.ImportMessages.problem;

import fr.portailfamille.billing.invoice.InvoiceLine;
import fr.portailfamille.billing.invoice.Money;
import fr.portailfamille.billing.invoice.NewInvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one set of rules of an invoice batch, whatever it came as (CSV or JSON): every row is checked
 * and every problem kept, so that the report names all the bad rows at once.
 *
 * <ul>
 *   <li>a row: required values present, texts not too long, tarif not negative with at most 4
 *       decimals, quantity above zero with at most 2, amounts to the cent, montant = tarif × quantité
 *       rounded half-up;</li>
 *   <li>an invoice: its rows agree on its own values (dossier, période, dates, total), its due date is
 *       not before its issue date, its total is the sum of its lines' amounts, and its number is not
 *       used again further down the batch.</li>
 * </ul>
 */
final class InvoiceBatchValidator {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<ImportField> INVOICE_VALUES = List.of(ImportField.DOSSIER, ImportField.PERIOD,
            ImportField.ISSUE_DATE, ImportField.DUE_DATE, ImportField.INVOICE_TOTAL);

    ImportResult validate(ParsedRows parsed) {
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        for (ImportRow row : parsed.rows()) {
            checkRow(row, problems);
        }
        Map<Integer, List<ImportRow>> blocks = new LinkedHashMap<>();
        for (ImportRow row : parsed.rows()) {
            blocks.computeIfAbsent(row.block(), b -> new ArrayList<>()).add(row);
        }
        Map<String, ImportRow> firstRowOfNumber = new HashMap<>();
        for (List<ImportRow> block : blocks.values()) {
            checkInvoice(block, firstRowOfNumber, problems);
        }
        if (problems.isEmpty() && parsed.rows().isEmpty()) {
            problems.add(problem(0, "lot", null, ImportMessages.BATCH_EMPTY));
        }
        if (!problems.isEmpty()) {
            return new ImportResult.Rejected(new ImportReport(problems), dossiers(blocks));
        }
        return new ImportResult.Accepted(new InvoiceBatch(blocks.values().stream().map(this::invoice).toList()));
    }

    /** The dossier each invoice names, on its first row that names one. */
    private static List<ImportResult.DossierMention> dossiers(Map<Integer, List<ImportRow>> blocks) {
        List<ImportResult.DossierMention> mentions = new ArrayList<>();
        for (List<ImportRow> block : blocks.values()) {
            block.stream().filter(r -> r.dossierNumber() != null && !r.dossierNumber().isBlank()).findFirst()
                    .ifPresent(r -> mentions.add(new ImportResult.DossierMention(r.row(), r.location(),
                            r.dossierNumber(), r.invoiceNumber())));
        }
        return mentions;
    }

    private void checkRow(ImportRow row, List<ImportProblem> problems) {
        for (ImportField field : ImportField.values()) {
            Object value = row.value(field);
            if (value == null && field.required() && !row.unreadable().contains(field)) {
                problems.add(problem(row.row(), row.location(), field, ImportMessages.FIELD_MISSING, field.label()));
            }
            if (value instanceof String text && field.maxLength() > 0 && text.length() > field.maxLength()) {
                problems.add(problem(row.row(), row.location(), field, ImportMessages.TEXT_TOO_LONG,
                        field.label(), String.valueOf(field.maxLength())));
            }
        }
        boolean unitPriceOk = checkUnitPrice(row, problems);
        boolean quantityOk = checkQuantity(row, problems);
        boolean amountOk = checkCents(row, ImportField.AMOUNT, row.amount(), problems);
        checkCents(row, ImportField.INVOICE_TOTAL, row.invoiceTotal(), problems);
        if (unitPriceOk && quantityOk && amountOk && row.unitPrice() != null && row.quantity() != null
                && row.amount() != null) {
            BigDecimal expected = Money.lineAmount(row.unitPrice(), row.quantity());
            if (row.amount().compareTo(expected) != 0) {
                problems.add(problem(row.row(), row.location(), ImportField.AMOUNT, ImportMessages.AMOUNT_MISMATCH,
                        ImportField.AMOUNT.label(), Money.french(row.amount()), Money.french(row.unitPrice()),
                        Money.french(row.quantity()), Money.french(expected)));
            }
        }
    }

    private boolean checkUnitPrice(ImportRow row, List<ImportProblem> problems) {
        BigDecimal unitPrice = row.unitPrice();
        if (unitPrice == null) {
            return true;
        }
        boolean ok = true;
        if (unitPrice.signum() < 0) {
            problems.add(problem(row.row(), row.location(), ImportField.UNIT_PRICE, ImportMessages.UNIT_PRICE_NEGATIVE,
                    ImportField.UNIT_PRICE.label(), Money.french(unitPrice)));
            ok = false;
        }
        return tooManyDecimals(row, ImportField.UNIT_PRICE, unitPrice, Money.UNIT_PRICE_MAX_DECIMALS, problems) && ok;
    }

    private boolean checkQuantity(ImportRow row, List<ImportProblem> problems) {
        BigDecimal quantity = row.quantity();
        if (quantity == null) {
            return true;
        }
        boolean ok = true;
        if (quantity.signum() <= 0) {
            problems.add(problem(row.row(), row.location(), ImportField.QUANTITY, ImportMessages.QUANTITY_NOT_POSITIVE,
                    ImportField.QUANTITY.label(), Money.french(quantity)));
            ok = false;
        }
        return tooManyDecimals(row, ImportField.QUANTITY, quantity, Money.QUANTITY_MAX_DECIMALS, problems) && ok;
    }

    private boolean checkCents(ImportRow row, ImportField field, BigDecimal value, List<ImportProblem> problems) {
        return value == null || tooManyDecimals(row, field, value, Money.SCALE, problems);
    }

    /** {@code true} when the value has at most {@code max} decimals, else a problem and {@code false}. */
    private boolean tooManyDecimals(ImportRow row, ImportField field, BigDecimal value, int max,
                                    List<ImportProblem> problems) {
        if (Money.decimals(value) <= max) {
            return true;
        }
        problems.add(problem(row.row(), row.location(), field, ImportMessages.DECIMALS_TOO_MANY,
                field.label(), value.toPlainString().replace('.', ','), String.valueOf(max)));
        return false;
    }

    private void checkInvoice(List<ImportRow> block, Map<String, ImportRow> firstRowOfNumber,
                              List<ImportProblem> problems) {
        ImportRow first = block.get(0);
        String number = first.invoiceNumber();
        if (number == null) {
            return;
        }
        ImportRow earlier = firstRowOfNumber.putIfAbsent(number, first);
        if (earlier != null) {
            problems.add(problem(first.row(), first.location(), ImportField.INVOICE_NUMBER,
                    ImportMessages.INVOICE_DUPLICATE, number, earlier.location()));
            return;
        }
        for (ImportRow row : block.subList(1, block.size())) {
            for (ImportField field : INVOICE_VALUES) {
                Object expected = first.value(field);
                Object actual = row.value(field);
                if (expected != null && actual != null && !same(expected, actual)) {
                    problems.add(problem(row.row(), row.location(), field, ImportMessages.HEADER_MISMATCH,
                            field.label(), shown(actual), number, first.location(), shown(expected)));
                }
            }
        }
        if (first.issueDate() != null && first.dueDate() != null && first.dueDate().isBefore(first.issueDate())) {
            problems.add(problem(first.row(), first.location(), ImportField.DUE_DATE, ImportMessages.DUE_BEFORE_ISSUE,
                    shown(first.dueDate()), number, shown(first.issueDate())));
        }
        BigDecimal total = first.invoiceTotal();
        boolean everyAmount = block.stream().allMatch(r -> r.amount() != null && Money.decimals(r.amount()) <= Money.SCALE);
        if (total != null && Money.decimals(total) <= Money.SCALE && everyAmount) {
            BigDecimal sum = Money.sum(block.stream().map(ImportRow::amount).toList());
            if (total.compareTo(sum) != 0) {
                problems.add(problem(first.row(), first.location(), ImportField.INVOICE_TOTAL,
                        ImportMessages.TOTAL_MISMATCH, ImportField.INVOICE_TOTAL.label(), number,
                        Money.french(total), Money.french(sum)));
            }
        }
    }

    private ImportedInvoice invoice(List<ImportRow> block) {
        ImportRow first = block.get(0);
        List<InvoiceLine> lines = block.stream()
                .map(r -> new InvoiceLine(r.beneficiary(), r.service(), r.unitPrice(), r.quantity(), r.amount()))
                .toList();
        NewInvoice invoice = new NewInvoice(first.invoiceNumber(), first.dossierNumber(), first.period(),
                first.issueDate(), first.dueDate(), lines, first.invoiceTotal());
        return new ImportedInvoice(invoice, first.row(), first.location());
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String shown(Object value) {
        if (value instanceof BigDecimal number) {
            return Money.french(number);
        }
        if (value instanceof LocalDate date) {
            return FRENCH_DATE.format(date);
        }
        return String.valueOf(value);
    }
}
