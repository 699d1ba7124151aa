package fr.portailfamille.billing.invoice.imports;

/** A batch is all or nothing: either every invoice is good, or the report says every bad row and why. */
public sealed interface ImportResult {

    /** Every row passed the rules. Dossier numbers are still to be checked: {@link InvoiceBatch#dossierNumbers()}. */
    record Accepted(InvoiceBatch batch) implements ImportResult {
    }

    /** At least one row is bad: nothing of the batch may be imported. */
    record Rejected(ImportReport report) implements ImportResult {
    }
}
