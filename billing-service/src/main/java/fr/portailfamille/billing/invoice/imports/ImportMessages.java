package fr.portailfamille.billing.invoice.imports;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The French texts of the import report, read from billing-service's {@code messages.properties}
 * (the bundle Spring's message source reads too), so that the rules stay plain Java. Texts use the
 * typographic apostrophe « ’ »: a straight one would be swallowed by {@link MessageFormat}.
 */
final class ImportMessages {

    static final String FIELD_MISSING = "import.field.missing";
    static final String TEXT_TOO_LONG = "import.text.too-long";
    static final String NUMBER_UNREADABLE = "import.number.unreadable";
    static final String DATE_UNREADABLE = "import.date.unreadable";
    static final String UNIT_PRICE_NEGATIVE = "import.unit-price.negative";
    static final String QUANTITY_NOT_POSITIVE = "import.quantity.not-positive";
    static final String DECIMALS_TOO_MANY = "import.decimals.too-many";
    static final String AMOUNT_MISMATCH = "import.amount.mismatch";
    static final String TOTAL_MISMATCH = "import.total.mismatch";
    static final String INVOICE_DUPLICATE = "import.invoice.duplicate";
    static final String HEADER_MISMATCH = "import.invoice.header-mismatch";
    static final String DUE_BEFORE_ISSUE = "import.due-date.before-issue";
    static final String INVOICE_NO_LINE = "import.invoice.no-line";
    static final String BATCH_EMPTY = "import.batch.empty";
    static final String FILE_EMPTY = "import.file.empty";
    static final String FILE_ENCODING = "import.file.encoding";
    static final String FILE_UNREADABLE = "import.file.unreadable";
    static final String COLUMN_MISSING = "import.column.missing";
    static final String COLUMN_DUPLICATE = "import.column.duplicate";
    static final String ROW_COLUMNS = "import.row.columns";
    static final String DOSSIER_UNKNOWN = "import.dossier.unknown";
    static final String INVOICE_EXISTS_DIFFERENT = "import.invoice.exists-different";

    static final String[] CODES = {FIELD_MISSING, TEXT_TOO_LONG, NUMBER_UNREADABLE, DATE_UNREADABLE,
            UNIT_PRICE_NEGATIVE, QUANTITY_NOT_POSITIVE, DECIMALS_TOO_MANY, AMOUNT_MISMATCH, TOTAL_MISMATCH,
            INVOICE_DUPLICATE, HEADER_MISMATCH, DUE_BEFORE_ISSUE, INVOICE_NO_LINE, BATCH_EMPTY, FILE_EMPTY,
            FILE_ENCODING, FILE_UNREADABLE, COLUMN_MISSING, COLUMN_DUPLICATE, ROW_COLUMNS, DOSSIER_UNKNOWN,
            INVOICE_EXISTS_DIFFERENT};

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private ImportMessages() {
    }

    /** The French text of {@code code} with its arguments (already formatted for people). */
    static String text(String code, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(code), Locale.FRENCH).format(arguments);
    }

    static String raw(String code) {
        return BUNDLE.getString(code);
    }

    static ImportProblem problem(int row, String location, ImportField field, String code, Object... arguments) {
        return new ImportProblem(row, location, field, code, text(code, arguments));
    }
}
