package fr.portailfamille.billing.invoice;

import fr.portailfamille.events.billing.InvoiceCancelled;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.uploads.FileDownload;
import fr.portailfamille.platform.uploads.FileStore;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What families and agents read of invoices, and an agent's cancellation. A family reaches only the
 * invoices of its own dossier: another family's invoice is answered 404, exactly as an unknown one.
 */
@Service
public class InvoiceService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("issueDate"), Sort.Order.desc("number"));

    private final InvoiceRepository invoices;
    private final FileStore files;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final DirectDebitPlan directDebit;

    InvoiceService(InvoiceRepository invoices, FileStore files, OutboxPublisher outbox, Clock clock,
                   DirectDebitPlan directDebit) {
        this.invoices = invoices;
        this.files = files;
        this.outbox = outbox;
        this.clock = clock;
        this.directDebit = directDebit;
    }

    /** Where each invoice stands for its family, direct debit included (one query for the whole list). */
    public Map<UUID, InvoiceStanding> standings(List<Invoice> list) {
        Set<String> underDirectDebit = list.isEmpty() ? Set.of()
                : directDebit.dossiersUnderDirectDebit(list.stream().map(Invoice::getDossierNumber).distinct().toList());
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        Map<UUID, InvoiceStanding> standings = new HashMap<>();
        for (Invoice invoice : list) {
            standings.put(invoice.getId(), InvoiceStanding.of(invoice,
                    underDirectDebit.contains(invoice.getDossierNumber()), directDebit.onlinePaymentBeforeDebit(), today));
        }
        return standings;
    }

    public InvoiceStanding standing(Invoice invoice) {
        return standings(List.of(invoice)).get(invoice.getId());
    }

    private InvoicePage page(List<Invoice> items, int page, int size, long total) {
        return new InvoicePage(items, page, size, total, standings(items));
    }

    /** The caller's own dossier's invoices of one view, newest first; none for a caller without a dossier. */
    @Transactional(readOnly = true)
    public InvoicePage familyInvoices(PortalPrincipal family, InvoiceView view, int page, int size) {
        if (family.dossier().isEmpty()) {
            return page(List.of(), page, size, 0);
        }
        Page<Invoice> found = invoices.findByDossier(family.dossier().get(), view.statuses(),
                PageRequest.of(page, size, NEWEST_FIRST));
        return page(found.getContent(), page, size, found.getTotalElements());
    }

    /** Every invoice of a dossier, every status, newest first (agents). */
    @Transactional(readOnly = true)
    public InvoicePage dossierInvoices(String dossierNumber, int page, int size) {
        Page<Invoice> found = invoices.findByDossierNumber(dossierNumber, PageRequest.of(page, size, NEWEST_FIRST));
        return page(found.getContent(), page, size, found.getTotalElements());
    }

    /** One invoice with its lines: the family's own, any for an agent; else 404. */
    @Transactional(readOnly = true)
    public Invoice get(PortalPrincipal caller, UUID id) {
        return invoices.findWithLinesById(id)
                .filter(i -> caller.mayReachDossier(i.getDossierNumber()))
                .orElseThrow(InvoiceNotFoundException::new);
    }

    /** The PDF the family was sent. */
    @Transactional(readOnly = true)
    public FileDownload pdf(PortalPrincipal caller, UUID id) {
        Invoice invoice = get(caller, id);
        if (invoice.getPdf() == null) {
            throw new InvoiceNotFoundException();
        }
        return files.read(invoice.getPdf());
    }

    /**
     * An agent cancels an invoice, saying why (the family reads it): never a paid one nor one in
     * payment (409). The family is told ({@link InvoiceCancelled}), in the same transaction.
     */
    @Transactional
    public Invoice cancel(PortalPrincipal agent, UUID id, String reason) {
        List<Invoice> locked = invoices.lockAll(List.of(id));
        Invoice invoice = locked.stream().findFirst().orElseThrow(InvoiceNotFoundException::new);
        switch (invoice.getStatus()) {
            case PAID -> throw ApiProblem.conflict("annulation-refusee", "invoice.cancel.paid", invoice.getNumber());
            case PAYMENT_IN_PROGRESS -> throw ApiProblem.conflict("annulation-refusee", "invoice.cancel.in-payment",
                    invoice.getNumber());
            case CANCELLED -> throw ApiProblem.conflict("annulation-refusee", "invoice.cancel.already",
                    invoice.getNumber());
            // In a direct-debit file handed to the bank: the debit happens whatever the portal says.
            case DIRECT_DEBIT_SCHEDULED -> throw ApiProblem.conflict("annulation-refusee",
                    "invoice.cancel.direct-debit", invoice.getNumber());
            default -> {
            }
        }
        String why = reason.strip();
        invoice.cancel(why, clock.instant(), agent.auditName());
        invoices.flush();
        outbox.publish(new InvoiceCancelled(invoice.getDossierNumber(), invoice.getId().toString(),
                invoice.getNumber(), invoice.getPeriod(), invoice.getTotal(), why, invoice.getFamilyName(),
                invoice.getEmail()));
        return invoices.findWithLinesById(id).orElseThrow(InvoiceNotFoundException::new);
    }
}
