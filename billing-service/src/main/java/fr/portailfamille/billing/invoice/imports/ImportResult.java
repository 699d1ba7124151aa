package fr.portailfamille.billing.invoice.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A batch is all or nothing: either every invoice is good, or the report says every bad row and why. */
public sealed interface ImportResult {

    /** Every row passed the rules. Dossier numbers are still to be checked: {@link InvoiceBatch#dossierNumbers()}. */
    record Accepted(InvoiceBatch batch) implements ImportResult {
    }

    /**
     * At least one row is bad: nothing of the batch may be imported. {@code dossiers} are the dossier
     * numbers its invoices name (first row of each), still to be checked so that the report also
     * names the unknown ones: the agent corrects the file once, not twice.
     */
    record Rejected(ImportReport report, List<DossierMention> dossiers) implements ImportResult {

        public Rejected {
            dossiers = List.copyOf(dossiers);
        }

        /** The report with one problem more per invoice of an unknown dossier. */
        ImportReport withUnknownDossiers(Set<String> unknown) {
            List<ImportProblem> all = new ArrayList<>(report.problems());
            dossiers.stream().filter(d -> unknown.contains(d.dossierNumber()))
                    .map(DossierMention::unknown).forEach(all::add);
            return new ImportReport(all);
        }
    }

    /** An invoice's dossier number, where it is written. */
    record DossierMention(int row, String location, String dossierNumber, String invoiceNumber) {

        ImportProblem unknown() {
            return ImportMessages.problem(row, location, ImportField.DOSSIER, ImportMessages.DOSSIER_UNKNOWN,
                    dossierNumber, invoiceNumber == null ? "" : invoiceNumber);
        }
    }
}
