package fr.portailfamille.billing.invoice.imports;

import fr.portailfamille.billing.dossier.BillingProfile;
import fr.portailfamille.billing.dossier.BillingProfiles;
import fr.portailfamille.billing.dossier.DossierServiceUnavailableException;
import fr.portailfamille.billing.invoice.InvoiceIssuing;
import fr.portailfamille.billing.invoice.InvoiceToIssue;
import fr.portailfamille.billing.invoice.NewInvoice;
import fr.portailfamille.billing.invoice.pdf.InvoiceDocument;
import fr.portailfamille.billing.invoice.pdf.InvoicePdfProperties;
import fr.portailfamille.billing.invoice.pdf.InvoicePdfRenderer;
import fr.portailfamille.platform.branding.Branding;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * An agent's import of a batch of invoices, all or nothing:
 * <ol>
 *   <li>the file's own rules ({@link InvoiceImport}); any bad row refuses the batch (422, every row named);</li>
 *   <li>the dossiers, asked of dossier-service in one call (503 when it does not answer, nothing written);
 *       unknown ones refuse the batch;</li>
 *   <li>invoice numbers already issued: the same content is skipped and counted (idempotent), another
 *       content refuses the batch;</li>
 *   <li>the PDFs, made before the transaction on every core;</li>
 *   <li>one transaction: files, invoices, lines and InvoiceIssued events (outbox).</li>
 * </ol>
 */
@Service
public class InvoiceImportService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceImportService.class);

    private final InvoiceImport rules = new InvoiceImport();
    private final BillingProfiles profiles;
    private final InvoiceIssuing issuing;
    private final InvoicePdfRenderer renderer;
    private final Branding branding;
    private final InvoicePdfProperties document;
    private final TransactionTemplate transaction;
    private final ForkJoinPool renderers = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));

    InvoiceImportService(BillingProfiles profiles, InvoiceIssuing issuing, InvoicePdfRenderer renderer,
                         Branding branding, InvoicePdfProperties document, TransactionTemplate transaction) {
        this.profiles = profiles;
        this.issuing = issuing;
        this.renderer = renderer;
        this.branding = branding;
        this.document = document;
        this.transaction = transaction;
    }

    /** The CSV file exported by the billing software, as uploaded. */
    public ImportOutcome importCsv(byte[] csv, PortalPrincipal agent) {
        return run(rules.fromCsv(csv), agent);
    }

    /** The same batch as JSON. */
    public ImportOutcome importJson(JsonInvoiceBatch batch, PortalPrincipal agent) {
        return run(rules.fromJson(batch), agent);
    }

    private ImportOutcome run(ImportResult result, PortalPrincipal agent) {
        if (result instanceof ImportResult.Rejected rejected) {
            throw new ImportRejectedException(withUnknownDossiers(rejected));
        }
        InvoiceBatch batch = ((ImportResult.Accepted) result).batch();
        Map<String, BillingProfile> known = profiles.of(batch.dossierNumbers());
        Set<String> unknown = new HashSet<>(batch.dossierNumbers());
        unknown.removeAll(known.keySet());
        List<ImportProblem> problems = new ArrayList<>(
                batch.unknownDossiers(unknown).map(ImportReport::problems).orElse(List.of()));

        Map<String, String> existing = issuing.existing(
                batch.invoices().stream().map(i -> i.invoice().number()).toList());
        List<NewInvoice> fresh = new ArrayList<>();
        int already = 0;
        for (ImportedInvoice imported : batch.invoices()) {
            NewInvoice invoice = imported.invoice();
            String fingerprint = existing.get(invoice.number());
            if (fingerprint == null) {
                fresh.add(invoice);
            } else if (InvoiceIssuing.sameContent(invoice, fingerprint)) {
                already++;
            } else {
                problems.add(ImportMessages.problem(imported.row(), imported.location(), ImportField.INVOICE_NUMBER,
                        ImportMessages.INVOICE_EXISTS_DIFFERENT, invoice.number()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(new ImportReport(problems));
        }
        if (fresh.isEmpty()) {
            return new ImportOutcome(0, already, List.of());
        }
        long start = System.nanoTime();
        List<InvoiceToIssue> toIssue = render(fresh, known);
        long rendered = System.nanoTime();
        transaction.executeWithoutResult(status -> issuing.issue(toIssue, agent));
        long written = System.nanoTime();
        log.info("{} imported {} invoices ({} already imported): PDFs rendered in {} ms, written in {} ms",
                agent.auditName(), toIssue.size(), already, (rendered - start) / 1_000_000,
                (written - rendered) / 1_000_000);
        return new ImportOutcome(toIssue.size(), already, fresh.stream().map(NewInvoice::number).toList());
    }

    /**
     * A batch the file's own rules refuse still has its dossiers checked, so that one report names
     * every problem; if dossier-service does not answer, the report says what the file itself shows.
     */
    private ImportReport withUnknownDossiers(ImportResult.Rejected rejected) {
        Set<String> numbers = new java.util.TreeSet<>();
        rejected.dossiers().forEach(d -> numbers.add(d.dossierNumber()));
        if (numbers.isEmpty()) {
            return rejected.report();
        }
        try {
            Set<String> unknown = new HashSet<>(numbers);
            unknown.removeAll(profiles.of(numbers).keySet());
            return rejected.withUnknownDossiers(unknown);
        } catch (DossierServiceUnavailableException e) {
            log.warn("Refused import: dossiers not checked, dossier-service did not answer");
            return rejected.report();
        }
    }

    /** Every PDF, on every core, before the transaction (no connection held while rendering). */
    private List<InvoiceToIssue> render(List<NewInvoice> invoices, Map<String, BillingProfile> families) {
        try {
            return renderers.submit(() -> invoices.parallelStream().map(invoice -> {
                BillingProfile family = families.get(invoice.dossierNumber());
                return new InvoiceToIssue(invoice, family, renderer.render(document(invoice, family)));
            }).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering invoices", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private InvoiceDocument document(NewInvoice invoice, BillingProfile family) {
        List<String> address = new ArrayList<>(family.addressLines());
        String town = String.join(" ", java.util.stream.Stream.of(family.postcode(), family.city())
                .filter(s -> s != null && !s.isBlank()).toList());
        if (!town.isBlank()) {
            address.add(town);
        }
        return new InvoiceDocument(branding.authorityName(), document.authorityAddress(), branding.portalUrl(),
                family.familyName(), address, invoice.dossierNumber(), family.accessKey(), invoice.number(),
                invoice.period(), invoice.issueDate(), invoice.dueDate(), invoice.lines(), invoice.total());
    }
}
