package fr.portailfamille.billing.directdebit.collection;

import fr.portailfamille.billing.directdebit.file.Pain008Writer;
import fr.portailfamille.billing.directdebit.file.SequenceType;
import fr.portailfamille.billing.directdebit.report.RejectionReason;
import fr.portailfamille.billing.directdebit.report.StatusReport;
import fr.portailfamille.billing.directdebit.report.StatusReportReader;
import fr.portailfamille.billing.directdebit.report.UnreadableReportException;
import fr.portailfamille.billing.invoice.InvoiceDebits;
import fr.portailfamille.events.billing.DirectDebitRejected;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A debit the bank rejected or returned, typed by an agent (« Saisir un rejet ») or read from the bank's
 * status report (pain.002): the debit is « Rejeté » with its reason, the invoice « À payer » again for
 * online payment (and out of later files), and the family is e-mailed the reason
 * ({@link DirectDebitRejected}). The mandate's next debit is FRST again when this one was its only debit
 * that stood (the rulebook: a first debit rejected is made again as a first), RCUR otherwise. The same
 * rejection twice (a report read again) changes nothing.
 */
@Service
public class DebitRejections {

    /** Reasons an agent can type: those a bank gives back for a debit (R-transactions). */
    static final List<String> TYPED_REASONS = List.of("AM04", "AC01", "AC04", "AC06", "AC13", "AG01", "MD01", "MD02",
            "MD06", "MD07", "MS02", "MS03", "RC01", "RR01", "RR02", "RR04", "SL01", "DUPL");

    private final CollectionRepository collections;
    private final CollectedDebitRepository debits;
    private final InvoiceDebits invoices;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final StatusReportReader reader = new StatusReportReader();

    DebitRejections(CollectionRepository collections, CollectedDebitRepository debits, InvoiceDebits invoices,
                    OutboxPublisher outbox, Clock clock) {
        this.collections = collections;
        this.debits = debits;
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<RejectionReason> typedReasons() {
        return TYPED_REASONS.stream().map(RejectionReason::of).toList();
    }

    /** An agent types the rejection of one debit; 404 when the file has no such debit, 400 for an unknown reason. */
    @Transactional
    public CollectedDebit reject(PortalPrincipal agent, UUID collectionId, String endToEndId, String reasonCode) {
        if (reasonCode == null || !TYPED_REASONS.contains(reasonCode.strip())) {
            throw ApiProblem.invalidField("reasonCode", "direct-debit.reason.unknown");
        }
        DebitCollection collection = collections.findById(collectionId)
                .orElseThrow(() -> ApiProblem.notFound("fichier-introuvable", "direct-debit.collection.not-found"));
        CollectedDebit debit = debits.lockOne(collectionId, endToEndId)
                .orElseThrow(() -> ApiProblem.notFound("prelevement-introuvable", "direct-debit.debit.not-found"));
        reject(debit, collection.getCollectionDate(), RejectionReason.of(reasonCode.strip()), agent.auditName());
        return debit;
    }

    /** What a status report changed. */
    public record ReportOutcome(UUID collectionId, LocalDate collectionDate, boolean wholeFileRejected, int rejected,
                                int alreadyRejected, List<String> unknown) {
    }

    /**
     * The bank's status report for one of our files: every debit it rejects (one by one, a whole batch, or
     * the whole file) is rejected here. 400 when the file is not a readable status report, 404 when it
     * answers no file of ours. All or nothing.
     */
    @Transactional
    public ReportOutcome importReport(PortalPrincipal agent, byte[] xml) {
        StatusReport report;
        try {
            report = reader.read(xml);
        } catch (UnreadableReportException e) {
            throw ApiProblem.invalidField("file", "direct-debit.report.unreadable", e.getMessage());
        }
        DebitCollection collection = collections.findByMessageId(report.originalMessageId())
                .orElseThrow(() -> ApiProblem.notFound("fichier-introuvable", "direct-debit.report.unknown-file",
                        report.originalMessageId()));
        List<CollectedDebit> all = debits.lockOfCollection(collection.getId());
        Map<String, CollectedDebit> byEndToEnd = new HashMap<>();
        all.forEach(d -> byEndToEnd.put(d.getEndToEndId(), d));
        Map<CollectedDebit, RejectionReason> rejections = new LinkedHashMap<>();
        if (report.wholeFileRejected()) {
            all.forEach(d -> rejections.putIfAbsent(d, report.fileReason()));
        }
        for (StatusReport.RejectedBatch batch : report.rejectedBatches()) {
            for (SequenceType type : SequenceType.values()) {
                if (Pain008Writer.paymentInformationId(collection.getMessageId(), type).equals(batch.paymentInformationId())) {
                    all.stream().filter(d -> d.getSequenceType() == type).forEach(d -> rejections.putIfAbsent(d, batch.reason()));
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        for (StatusReport.RejectedDebit rejected : report.rejected()) {
            CollectedDebit debit = byEndToEnd.get(rejected.endToEndId());
            if (debit == null) {
                unknown.add(rejected.endToEndId());
            } else {
                rejections.putIfAbsent(debit, rejected.reason());
            }
        }
        int done = 0;
        int already = 0;
        String by = agent.auditName() + " (compte rendu " + report.messageId() + ")";
        for (Map.Entry<CollectedDebit, RejectionReason> entry : rejections.entrySet()) {
            if (reject(entry.getKey(), collection.getCollectionDate(), entry.getValue(), truncate(by, 100))) {
                done++;
            } else {
                already++;
            }
        }
        return new ReportOutcome(collection.getId(), collection.getCollectionDate(), report.wholeFileRejected(), done,
                already, List.copyOf(unknown));
    }

    private boolean reject(CollectedDebit debit, LocalDate collectionDate, RejectionReason reason, String by) {
        if (!debit.reject(reason, clock.instant(), by)) {
            return false;
        }
        debits.save(debit);
        invoices.reopen(debit.getInvoiceId()).ifPresent(invoice -> outbox.publish(new DirectDebitRejected(
                invoice.dossierNumber(), invoice.id().toString(), invoice.number(), invoice.period(), invoice.total(),
                collectionDate, debit.getRejectionCode(), debit.getRejectionLabel(), invoice.familyName(),
                invoice.email())));
        return true;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
