package fr.portailfamille.billing.invoice;

import fr.portailfamille.events.billing.InvoiceIssued;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.uploads.FileStore;
import fr.portailfamille.platform.uploads.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Issues the invoices of an import: each stored with its lines and its PDF (the platform's
 * {@link FileStore}), and told to the family ({@link InvoiceIssued}: e-mail, « Mes documents »)
 * through the outbox, all in the caller's transaction: a batch is written whole or not at all.
 */
@Service
public class InvoiceIssuing {

    /** Where the gateway serves an invoice's PDF. */
    public static String pdfPath(Object invoiceId) {
        return "/api/billing/invoices/" + invoiceId + "/pdf";
    }

    private final InvoiceRepository invoices;
    private final FileStore files;
    private final OutboxPublisher outbox;

    InvoiceIssuing(InvoiceRepository invoices, FileStore files, OutboxPublisher outbox) {
        this.invoices = invoices;
        this.files = files;
        this.outbox = outbox;
    }

    /** The numbers among {@code numbers} already issued, with the fingerprint of what they say. */
    @Transactional(readOnly = true)
    public Map<String, String> existing(Collection<String> numbers) {
        Map<String, String> found = new java.util.HashMap<>();
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += 1000) {
            invoices.findExisting(all.subList(from, Math.min(all.size(), from + 1000)))
                    .forEach(e -> found.put(e.number(), e.contentSha256()));
        }
        return found;
    }

    /** Whether {@code invoice} says exactly what the invoice of the same number already issued says. */
    public static boolean sameContent(NewInvoice invoice, String existingSha256) {
        return InvoiceContent.sha256(invoice).equals(existingSha256);
    }

    /** Stores the invoices « À payer » with their PDFs and publishes InvoiceIssued for each. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Invoice> issue(List<InvoiceToIssue> batch, PortalPrincipal agent) {
        List<StoredFile> pdfs = new ArrayList<>(batch.size());
        for (InvoiceToIssue item : batch) {
            pdfs.add(files.store(new GeneratedPdf(item.fileName(), item.pdf()), agent));
        }
        // The files first (each is flushed by the store), then every invoice in one flush: batched inserts.
        List<Invoice> issued = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            InvoiceToIssue item = batch.get(i);
            Invoice invoice = new Invoice(item.invoice(), item.family().familyName(), item.family().email());
            invoice.attachPdf(pdfs.get(i));
            invoices.save(invoice);
            issued.add(invoice);
        }
        invoices.flush();
        for (int i = 0; i < issued.size(); i++) {
            Invoice invoice = issued.get(i);
            outbox.publish(new InvoiceIssued(invoice.getDossierNumber(), invoice.getId().toString(),
                    invoice.getNumber(), invoice.getPeriod(), invoice.getTotal(), invoice.getIssueDate(),
                    invoice.getDueDate(), invoice.getPdf().getFileName(), batch.get(i).pdf().length,
                    pdfPath(invoice.getId()), invoice.getFamilyName(), invoice.getEmail()));
        }
        return issued;
    }

}
