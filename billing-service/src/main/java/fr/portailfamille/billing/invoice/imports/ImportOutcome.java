package fr.portailfamille.billing.invoice.imports;

import java.util.List;

/**
 * What an accepted batch did.
 *
 * @param created         how many invoices were issued now
 * @param alreadyImported how many were skipped because the same invoice (same number, same content) exists
 * @param invoiceNumbers  the numbers of the invoices issued now, in the batch's order
 */
public record ImportOutcome(int created, int alreadyImported, List<String> invoiceNumbers) {

    public ImportOutcome {
        invoiceNumbers = List.copyOf(invoiceNumbers);
    }

    /** Nothing new: every invoice of the batch had been imported before. */
    public boolean nothingNew() {
        return created == 0;
    }
}
