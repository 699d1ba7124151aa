package fr.portailfamille.billing.invoice.imports;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The invoices of a batch that passed every rule the file itself can tell. One check is left to the
 * caller, because it needs dossier-service: that every dossier exists. The seam is
 * {@link #dossierNumbers()} (ask which are unknown) then {@link #unknownDossiers(Set)} (the report).
 */
public record InvoiceBatch(List<ImportedInvoice> invoices) {

    public InvoiceBatch {
        invoices = List.copyOf(invoices);
    }

    /** The dossier numbers the batch names, each once, sorted. */
    public SortedSet<String> dossierNumbers() {
        TreeSet<String> numbers = new TreeSet<>();
        invoices.forEach(i -> numbers.add(i.invoice().dossierNumber()));
        return numbers;
    }

    /**
     * The report that rejects the batch when some of its dossiers are unknown (one problem per
     * invoice of such a dossier, on its first row), or empty when {@code unknown} names none of them.
     */
    public Optional<ImportReport> unknownDossiers(Set<String> unknown) {
        List<ImportProblem> problems = invoices.stream()
                .filter(i -> unknown.contains(i.invoice().dossierNumber()))
                .map(i -> ImportMessages.problem(i.row(), i.location(), ImportField.DOSSIER,
                        ImportMessages.DOSSIER_UNKNOWN, i.invoice().dossierNumber(), i.invoice().number()))
                .toList();
        return problems.isEmpty() ? Optional.empty() : Optional.of(new ImportReport(problems));
    }
}
