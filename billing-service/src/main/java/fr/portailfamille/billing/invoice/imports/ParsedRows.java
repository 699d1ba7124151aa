package fr.portailfamille.billing.invoice.imports;

import java.util.List;

/** What a reader made of its input: the rows it could read, and what it already found wrong. */
record ParsedRows(List<ImportRow> rows, List<ImportProblem> problems) {

    ParsedRows {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
