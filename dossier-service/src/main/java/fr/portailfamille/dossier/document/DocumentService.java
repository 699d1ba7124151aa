package fr.portailfamille.dossier.document;

import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.dossier.dossier.DossierService;
import fr.portailfamille.events.billing.InvoiceIssued;
import fr.portailfamille.events.dossier.DocumentPublished;
import fr.portailfamille.platform.inbox.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.uploads.FileDownload;
import fr.portailfamille.platform.uploads.FileStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.List;

/**
 * « Mes documents »: agents make files available to a family (the family is e-mailed through
 * DocumentPublished); the family lists and downloads its own. Another family's document answers
 * 404 like one that does not exist.
 */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private static final String INVOICE_REF = "invoice:";

    private final DocumentRepository documents;
    private final DossierService dossiers;
    private final FileStore files;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final ProcessedEvents processed;

    public DocumentService(DocumentRepository documents, DossierService dossiers, FileStore files,
                           OutboxPublisher outbox, Clock clock, ProcessedEvents processed) {
        this.processed = processed;
        this.documents = documents;
        this.dossiers = dossiers;
        this.files = files;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Document publish(PortalPrincipal agent, String number, DocumentType type, String title,
                            MultipartFile upload) {
        Dossier dossier = dossiers.get(agent, number);
        if (type == null || !type.uploadedByAgents()) {
            throw ApiProblem.invalidField("type", "document.type");
        }
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw ApiProblem.invalidField("title", "document.title");
        }
        Document document = documents.saveAndFlush(Document.uploaded(dossier, type, title.strip(),
                files.store(upload, agent), clock.instant()));
        outbox.publish(new DocumentPublished(number, document.getId(), type.name(), type.label(),
                document.getTitle(), dossier.getFamilyName(), dossier.getEmail()));
        return document;
    }

    /**
     * An invoice of billing-service joins the family's documents, once (the event id is recorded,
     * and the invoice id is unique). An invoice for a dossier unknown here is logged and skipped.
     */
    @Transactional
    public void recordInvoice(UUID eventId, Instant issuedAt, InvoiceIssued invoice) {
        if (!processed.markProcessed("dossier-invoices", eventId)
                || documents.existsByExternalRef(INVOICE_REF + invoice.invoiceId())) {
            return;
        }
        Optional<Dossier> dossier = dossiers.find(invoice.dossierNumber());
        if (dossier.isEmpty()) {
            log.warn("Invoice {} of unknown dossier {} not listed", invoice.invoiceNumber(), invoice.dossierNumber());
            return;
        }
        documents.save(Document.external(dossier.get(), DocumentType.FACTURE,
                "Facture n° " + invoice.invoiceNumber() + (invoice.periodLabel() == null ? "" : " — " + invoice.periodLabel()),
                INVOICE_REF + invoice.invoiceId(), invoice.downloadPath(), invoice.fileName(), "application/pdf",
                invoice.sizeBytes(), issuedAt));
    }

    @Transactional(readOnly = true)
    public List<Document> list(PortalPrincipal caller, String number) {
        dossiers.get(caller, number);
        return documents.findByDossierNumberOrderByPublishedAtDescIdDesc(number);
    }

    @Transactional(readOnly = true)
    public FileDownload download(PortalPrincipal caller, long id) {
        Document document = documents.findById(id)
                .filter(d -> caller.mayReachDossier(d.getDossier().getNumber()))
                .filter(d -> d.getFile() != null)
                .orElseThrow(() -> ApiProblem.notFound("document-introuvable", "document.not-found"));
        return files.read(document.getFile());
    }
}
