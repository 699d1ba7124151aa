package fr.portailfamille.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code bench/RESULTS.md}: one dated row per scenario and run, appended by the program (figures are
 * never written by hand). The file starts with the explanation of its columns and ends with the table.
 */
final class Results {

    static final String HEADER = """
            # Bench results

            Rows are appended by `bench/run` (never written by hand), one per scenario and run. Columns:

            - **date (UTC)**: when the scenario ran.
            - **machine**: cores (`nproc`), RAM, processor; how busy its cores were just before the scenario
              started (the bench first waits, up to 10 minutes, for less than 15 %: what an earlier scenario
              left running, other work) and the 1-minute load average. The figures' CPU split ends with
              « other processes on the machine »: CPU time used meanwhile by processes that are neither the
              local stack nor the bench — other work sharing the cores.
            - **commit**: `git rev-parse --short HEAD` of the tree the bench ran from; « +changes » when
              tracked files differed from it (the local stack's jars may hold those changes).
            - **scenario**: see `bench/README.md`.
            - **figures**: what was measured, as the program printed it.
            - **target**: the issue's target for that scenario, and whether it was met (« no target given »
              when the issue asks for a figure without a target).
            - **errors**: 0, or « recorded with errors » when the run had errors and was recorded anyway
              (`--record-errors`); a run with errors is otherwise not recorded.

            | date (UTC) | machine | commit | scenario | figures | target | errors |
            |---|---|---|---|---|---|---|
            """;

    private final Path file;

    Results(Path file) {
        this.file = file;
    }

    /** Appends one row (creating the file with its header the first time). */
    void append(Machine machine, String scenario, String figures, String target, Boolean met, int errors) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String row = "| " + date + " | " + cell(machine.describe() + ", " + machine.processor()) + " | "
                + cell(machine.commit()) + " | " + cell(scenario) + " | " + cell(figures) + " | "
                + cell(target + (met == null ? "" : met ? ": **met**" : ": **not met**")) + " | "
                + (errors == 0 ? "0" : errors + " (recorded with errors)") + " |\n";
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, HEADER);
            }
            Files.writeString(file, row, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Recorded in " + file);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
