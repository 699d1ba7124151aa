package fr.portailfamille.billing.invoice.imports;

/** The batch is refused as a whole (422): the report names every bad row and why; nothing was written. */
public class ImportRejectedException extends RuntimeException {

    private final ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super("Invoice batch rejected: " + report.problems().size() + " problems");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
