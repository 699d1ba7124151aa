package fr.portailfamille.billing.invoice.imports;

import java.util.Arrays;
import java.util.List;

/**
 * The values of one imported invoice line: the CSV column that carries it (one row per line, the
 * invoice's own values repeated on each of its rows) and the French label an agent reads in the report.
 */
public enum ImportField {

    INVOICE_NUMBER("numero_facture", "Numéro de facture", true, 40),
    DOSSIER("dossier", "N° de dossier", true, 20),
    PERIOD("periode", "Période", true, 60),
    ISSUE_DATE("date_emission", "Date d’émission", true, 0),
    DUE_DATE("date_echeance", "Date d’échéance", true, 0),
    BENEFICIARY("beneficiaire", "Nom et prénom", false, 120),
    SERVICE("prestation", "Prestation", true, 120),
    UNIT_PRICE("tarif", "Tarif", true, 0),
    QUANTITY("quantite", "Quantité", true, 0),
    AMOUNT("montant", "Montant", true, 0),
    INVOICE_TOTAL("total_facture", "Total de la facture", true, 0);

    private final String column;
    private final String label;
    private final boolean required;
    private final int maxLength;

    ImportField(String column, String label, boolean required, int maxLength) {
        this.column = column;
        this.label = label;
        this.required = required;
        this.maxLength = maxLength;
    }

    /** The CSV column's name, e.g. {@code date_emission}. */
    public String column() {
        return column;
    }

    /** The French label an agent reads, e.g. « Date d’émission ». */
    public String label() {
        return label;
    }

    /** Whether every row must give it (only the beneficiary may be empty, for a line of the whole family). */
    public boolean required() {
        return required;
    }

    /** The longest text accepted, 0 for values that are not free text. */
    int maxLength() {
        return maxLength;
    }

    /** The CSV columns in their documented order. */
    public static List<String> columns() {
        return Arrays.stream(values()).map(ImportField::column).toList();
    }
}
