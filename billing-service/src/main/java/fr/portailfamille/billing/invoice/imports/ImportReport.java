package fr.portailfamille.billing.invoice.imports;

import java.util.Comparator;
import java.util.List;

/** Every reason why a batch is refused, ordered by row, then by column in the documented order. */
public record ImportReport(List<ImportProblem> problems) {

    private static final Comparator<ImportProblem> ORDER = Comparator.comparingInt(ImportProblem::row)
            .thenComparing(p -> p.field() == null ? -1 : p.field().ordinal());

    public ImportReport {
        problems = problems.stream().sorted(ORDER).toList();
    }

    /** The numbers of the rows with at least one problem, in order, each once. */
    public List<Integer> badRows() {
        return problems.stream().map(ImportProblem::row).distinct().toList();
    }

    /** The problems of one row. */
    public List<ImportProblem> problemsOfRow(int row) {
        return problems.stream().filter(p -> p.row() == row).toList();
    }

    /** The report as an agent reads it, one problem a line. */
    public String text() {
        return String.join("\n", problems.stream().map(ImportProblem::text).toList());
    }
}
