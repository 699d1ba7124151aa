package fr.portailfamille.billing.invoice.imports;

import fr.portailfamille.platform.problem.Problems;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Agents import the billing software's invoices: a CSV file, or the same batch as JSON. */
@RestController
public class InvoiceImportController {

    private final InvoiceImportService service;
    private final Problems problems;

    public InvoiceImportController(InvoiceImportService service, Problems problems) {
        this.service = service;
        this.problems = problems;
    }

    /** What the import did, and the sentence the agent reads. */
    public record ImportAnswer(int created, int alreadyImported, List<String> invoiceNumbers, String message) {
    }

    /** One problem of a refused batch: the row, where it is in French, the column and its label, a stable code, why. */
    public record ImportError(int row, String location, String field, String fieldLabel, String code, String message) {

        static ImportError of(ImportProblem problem) {
            return new ImportError(problem.row(), problem.location(),
                    problem.field() == null ? null : problem.field().column(),
                    problem.field() == null ? null : problem.field().label(), problem.code(), problem.message());
        }
    }

    @Operation(summary = "Import invoices from the billing software's CSV (multipart « file »; agents): 201, 200 when already imported, 422 with every bad row")
    @PostMapping(path = "/api/billing/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @StaffOnly
    public ResponseEntity<ImportAnswer> importCsv(PortalPrincipal agent, @RequestPart("file") MultipartFile file) {
        return answer(service.importCsv(bytes(file), agent));
    }

    @Operation(summary = "Import a JSON batch of invoices (agents): 201, 200 when already imported, 422 with every bad row")
    @PostMapping(path = "/api/billing/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @StaffOnly
    public ResponseEntity<ImportAnswer> importJson(PortalPrincipal agent, @RequestBody JsonInvoiceBatch batch) {
        return answer(service.importJson(batch, agent));
    }

    /** 422 problem+json: the batch is refused as a whole, {@code errors} lists every problem of every bad row. */
    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejectedException e) {
        ImportReport report = e.report();
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-refuse", "import.rejected",
                report.badRows().size());
        problem.setProperty("errors", report.problems().stream().map(ImportError::of).toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private ResponseEntity<ImportAnswer> answer(ImportOutcome outcome) {
        if (outcome.nothingNew()) {
            return ResponseEntity.ok(new ImportAnswer(0, outcome.alreadyImported(), List.of(),
                    problems.message("import.already-imported")));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new ImportAnswer(outcome.created(),
                outcome.alreadyImported(), outcome.invoiceNumbers(),
                problems.message("import.done", outcome.created(), outcome.alreadyImported())));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
