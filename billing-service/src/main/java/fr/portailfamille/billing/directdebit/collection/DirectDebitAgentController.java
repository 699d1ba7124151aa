package fr.portailfamille.billing.directdebit.collection;

import fr.portailfamille.billing.directdebit.file.SequenceType;
import fr.portailfamille.billing.directdebit.mandate.Mandate;
import fr.portailfamille.billing.directdebit.mandate.MandateStatus;
import fr.portailfamille.billing.directdebit.mandate.Mandates;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import fr.portailfamille.platform.uploads.FileDownload;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The agents' « Prélèvements automatiques »: export the file of a collection date, list and download the
 * files, type a rejection or import the bank's report, and read the mandates. The whole IBAN only for the
 * treasury's role ({@value #TREASURY}): every other agent reads it masked.
 */
@RestController
@Validated
@StaffOnly
public class DirectDebitAgentController {

    /** The realm role of the régisseur and the treasury's agents (ADR 005). */
    static final String TREASURY = "tresorerie";

    private final DebitCollections collections;
    private final DebitRejections rejections;
    private final Mandates mandates;

    public DirectDebitAgentController(DebitCollections collections, DebitRejections rejections, Mandates mandates) {
        this.collections = collections;
        this.rejections = rejections;
        this.mandates = mandates;
    }

    public record ExportForm(@NotNull LocalDate collectionDate) {
    }

    public record RejectionForm(@NotBlank String reasonCode) {
    }

    public record CollectionSummary(UUID id, LocalDate collectionDate, String version, Instant createdAt,
                                    String createdBy, int debitCount, BigDecimal controlSum, long rejectedCount,
                                    String fileName, String filePath) {

        static CollectionSummary of(CollectionRepository.Summary s) {
            return new CollectionSummary(s.id(), s.collectionDate(), s.painVersion(), s.createdAt(), s.createdBy(),
                    s.debitCount(), s.controlSum(), s.rejectedCount(), s.fileName(),
                    DirectDebitAgentController.filePath(s.id()));
        }
    }

    public record CollectionList(List<CollectionSummary> items, int page, int size, long total) {
    }

    public record DebitView(String endToEndId, UUID invoiceId, String invoiceNumber, String dossierNumber,
                            String holderName, String rum, String maskedIban, BigDecimal amount,
                            SequenceType sequenceType, boolean amended, CollectedDebit.Status status,
                            String statusLabel, String rejectionReason, Instant rejectedAt) {

        static DebitView of(CollectedDebit d) {
            return new DebitView(d.getEndToEndId(), d.getInvoiceId(), d.getInvoiceNumber(), d.getDossierNumber(),
                    d.getHolderName(), d.getRum(), d.getMaskedIban(), d.getAmount(), d.getSequenceType(),
                    d.isAmended(), d.getStatus(), d.getStatus().label(), d.getRejectionLabel(), d.getRejectedAt());
        }
    }

    public record CollectionDetail(UUID id, LocalDate collectionDate, String version, Instant createdAt,
                                   String createdBy, int debitCount, BigDecimal controlSum, long rejectedCount,
                                   String fileName, String filePath, boolean alreadyExported,
                                   List<DebitView> debits) {
    }

    public record MandateSummary(UUID id, String dossierNumber, MandateStatus status, String statusLabel,
                                 String holderName, String maskedIban, String bic, String rum, Instant signedAt,
                                 Instant revokedAt) {

        static MandateSummary of(Mandate m) {
            return new MandateSummary(m.getId(), m.getDossierNumber(), m.getStatus(), m.getStatus().label(),
                    m.getHolderName(), m.maskedIban(), m.getBic(), m.getRum(), m.getSignedAt(), m.getRevokedAt());
        }
    }

    public record MandateList(List<MandateSummary> items, int page, int size, long total) {
    }

    /** A mandate for an agent: {@code iban} whole for the treasury only, null otherwise. */
    public record MandateDetail(UUID id, String dossierNumber, MandateStatus status, String statusLabel,
                                String holderName, String addressLine, String postcode, String city,
                                String maskedIban, String iban, String bic, String rum, String textVersion,
                                Instant signedAt, String signedIp, Instant amendedAt, Instant revokedAt,
                                LocalDate lastCollectionDate) {
    }

    private CollectionDetail detail(DebitCollection c, boolean alreadyExported) {
        List<DebitView> debits = collections.debitsOf(c.getId()).stream().map(DebitView::of).toList();
        long rejected = debits.stream().filter(d -> d.status() == CollectedDebit.Status.REJECTED).count();
        return new CollectionDetail(c.getId(), c.getCollectionDate(), c.getPainVersion(), c.getCreatedAt(),
                c.getCreatedBy(), c.getDebitCount(), c.getControlSum(), rejected, c.getFileName(), filePath(c.getId()),
                alreadyExported, debits);
    }

    static String filePath(UUID id) {
        return "/api/billing/direct-debits/collections/" + id + "/file";
    }

    @Operation(summary = "Export the direct-debit file of a collection date (201); the same date again: the same file (200, alreadyExported)")
    @PostMapping("/api/billing/direct-debits/collections")
    public ResponseEntity<CollectionDetail> export(@Valid @RequestBody ExportForm form) {
        DebitCollections.Exported exported = collections.export(form.collectionDate());
        return ResponseEntity.status(exported.alreadyExported() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(detail(exported.collection(), exported.alreadyExported()));
    }

    @Operation(summary = "The direct-debit files, newest collection date first")
    @GetMapping("/api/billing/direct-debits/collections")
    public CollectionList list(@RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<CollectionRepository.Summary> found = collections.list(page, size);
        return new CollectionList(found.getContent().stream().map(CollectionSummary::of).toList(), page, size,
                found.getTotalElements());
    }

    @Operation(summary = "A direct-debit file with its debits")
    @GetMapping("/api/billing/direct-debits/collections/{id}")
    public CollectionDetail get(@PathVariable UUID id) {
        return detail(collections.get(id), true);
    }

    @Operation(summary = "The file itself (pain.008 XML), as an attachment")
    @GetMapping("/api/billing/direct-debits/collections/{id}/file")
    public ResponseEntity<byte[]> file(@PathVariable UUID id) {
        DebitCollection c = collections.get(id);
        return new FileDownload(c.getFileName(), "application/xml", c.getFileContent()).asAttachment();
    }

    public record ReasonView(String code, String label) {
    }

    @Operation(summary = "The reasons an agent can type for a rejected debit")
    @GetMapping("/api/billing/direct-debits/rejection-reasons")
    public List<ReasonView> reasons() {
        return rejections.typedReasons().stream().map(r -> new ReasonView(r.code(), r.label())).toList();
    }

    @Operation(summary = "Type a rejected debit: the invoice is payable online again and the family is told")
    @PostMapping("/api/billing/direct-debits/collections/{id}/debits/{endToEndId}/rejection")
    public DebitView reject(PortalPrincipal agent, @PathVariable UUID id, @PathVariable String endToEndId,
                            @Valid @RequestBody RejectionForm form) {
        return DebitView.of(rejections.reject(agent, id, endToEndId, form.reasonCode()));
    }

    @Operation(summary = "Import the bank's status report (pain.002, multipart « file »): its rejections are applied")
    @PostMapping(path = "/api/billing/direct-debits/status-reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public DebitRejections.ReportOutcome importReport(PortalPrincipal agent, @RequestPart("file") MultipartFile file) {
        try {
            return rejections.importReport(agent, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "Signed mandates (active, stopped, lapsed), of one dossier or all; IBAN masked")
    @GetMapping("/api/billing/direct-debits/mandates")
    public MandateList mandates(@RequestParam(required = false) String dossier,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<Mandate> found = mandates.signed(dossier, page, size);
        return new MandateList(found.getContent().stream().map(MandateSummary::of).toList(), page, size,
                found.getTotalElements());
    }

    @Operation(summary = "A mandate; the whole IBAN for the treasury role (tresorerie) only")
    @GetMapping("/api/billing/direct-debits/mandates/{id}")
    public MandateDetail mandate(PortalPrincipal agent, @PathVariable UUID id) {
        Mandate m = mandates.get(id);
        return new MandateDetail(m.getId(), m.getDossierNumber(), m.getStatus(), m.getStatus().label(),
                m.getHolderName(), m.getAddressLine(), m.getPostcode(), m.getCity(), m.maskedIban(),
                agent.hasRole(TREASURY) ? m.ibanForBank() : null, m.getBic(), m.getRum(), m.getTextVersion(),
                m.getSignedAt(), m.getSignedIp(), m.getAmendedAt(), m.getRevokedAt(),
                collections.lastDebitDate(m.getId()).orElse(null));
    }
}
