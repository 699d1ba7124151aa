package fr.portailfamille.billing.invoice.imports;

/**
 * One reason why a row of a batch is refused.
 *
 * @param row      the row's number: the line of the CSV file as a spreadsheet shows it (the header is
 *                 line 1), the position of the line in a JSON batch (from 1), 0 for the whole file
 * @param location where it is, in French: « ligne 5 », « facture 2, ligne 1 », « fichier »
 * @param field    the value concerned, {@code null} when the row or the file as a whole is wrong
 * @param code     stable code of the rule (a key of {@code messages.properties}), for programs
 * @param message  why, in French, naming the column by its French label
 */
public record ImportProblem(int row, String location, ImportField field, String code, String message) {

    /** « Ligne 5 : « Quantité » doit être supérieure à zéro (-2,00). » */
    public String text() {
        return Character.toUpperCase(location.charAt(0)) + location.substring(1) + " : " + message;
    }
}
