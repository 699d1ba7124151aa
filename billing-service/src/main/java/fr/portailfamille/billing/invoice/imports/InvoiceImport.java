package fr.portailfamille.billing.invoice.imports;

/**
 * Entry point of the import: a CSV file or a JSON batch in, an {@link ImportResult} out. Both go
 * through the same rules; neither touches the database, and the dossiers are checked by the caller
 * ({@link InvoiceBatch#dossierNumbers()}).
 */
public final class InvoiceImport {

    private final CsvInvoiceReader csv = new CsvInvoiceReader();
    private final InvoiceBatchValidator validator = new InvoiceBatchValidator();

    /** The CSV file as uploaded (its bytes: the encoding is checked here). */
    public ImportResult fromCsv(byte[] content) {
        return validator.validate(csv.read(content));
    }

    /** The JSON batch sent to the API. */
    public ImportResult fromJson(JsonInvoiceBatch batch) {
        return validator.validate(batch.rows());
    }
}
