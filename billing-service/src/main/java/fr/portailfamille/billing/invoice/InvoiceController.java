package fr.portailfamille.billing.invoice;

import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Invoices for families (their own dossier's) and agents (any dossier's, and cancelling one). */
@RestController
@Validated
public class InvoiceController {

    private final InvoiceService service;

    public InvoiceController(InvoiceService service) {
        this.service = service;
    }

    /** An invoice in a list; when paid, how and when; when cancelled, why (« précédentes factures »). */
    public record InvoiceSummary(UUID id, String number, String dossierNumber, String period, LocalDate issueDate,
                                 LocalDate dueDate, BigDecimal total, InvoiceStatus status, String statusLabel,
                                 boolean payable, LocalDate plannedDebitDate, String pdfPath, PaymentView payment,
                                 CancellationView cancellation) {

        static InvoiceSummary of(Invoice invoice, InvoiceStanding standing) {
            return new InvoiceSummary(invoice.getId(), invoice.getNumber(), invoice.getDossierNumber(),
                    invoice.getPeriod(), invoice.getIssueDate(), invoice.getDueDate(), invoice.getTotal(),
                    invoice.getStatus(), standing.statusLabel(), standing.payable(), standing.plannedDebitDate(),
                    invoice.getPdf() == null ? null : InvoiceIssuing.pdfPath(invoice.getId()),
                    PaymentView.of(invoice), CancellationView.of(invoice, false));
        }
    }

    /** A page of invoices: the items, the page asked (from 0), its size and the total count. */
    public record InvoiceList(List<InvoiceSummary> items, int page, int size, long total) {

        static InvoiceList of(InvoicePage page) {
            return new InvoiceList(page.items().stream().map(i -> InvoiceSummary.of(i, page.standingOf(i))).toList(),
                    page.page(), page.size(), page.total());
        }
    }

    /** A line as printed: « DURAND Marie – Repas Enfants », tarif, quantité, montant. */
    public record LineView(String beneficiary, String service, String label, BigDecimal unitPrice,
                           BigDecimal quantity, BigDecimal amount) {
    }

    /** How and when it was paid (only when paid). */
    public record PaymentView(Instant paidAt, String method, String reference) {

        static PaymentView of(Invoice invoice) {
            return invoice.getStatus() == InvoiceStatus.PAID
                    ? new PaymentView(invoice.getPaidAt(), invoice.getPaymentMethod(), invoice.getPaymentReference())
                    : null;
        }
    }

    /** Why and when it was cancelled (only when cancelled); who, for agents only. */
    public record CancellationView(Instant cancelledAt, String reason, String cancelledBy) {

        static CancellationView of(Invoice invoice, boolean withAgent) {
            return invoice.getStatus() == InvoiceStatus.CANCELLED
                    ? new CancellationView(invoice.getCancelledAt(), invoice.getCancellationReason(),
                    withAgent ? invoice.getCancelledBy() : null)
                    : null;
        }
    }

    /** An invoice with its lines. */
    public record InvoiceDetail(UUID id, String number, String dossierNumber, String period, LocalDate issueDate,
                                LocalDate dueDate, BigDecimal total, InvoiceStatus status, String statusLabel,
                                boolean payable, LocalDate plannedDebitDate, String pdfPath, List<LineView> lines,
                                PaymentView payment, CancellationView cancellation) {

        static InvoiceDetail of(Invoice invoice, InvoiceStanding standing, PortalPrincipal viewer) {
            InvoiceSummary summary = InvoiceSummary.of(invoice, standing);
            List<LineView> lines = invoice.getLines().stream().map(l -> new LineView(l.beneficiary(), l.service(),
                    l.label(), l.unitPrice(), l.quantity(), l.amount())).toList();
            return new InvoiceDetail(summary.id(), summary.number(), summary.dossierNumber(), summary.period(),
                    summary.issueDate(), summary.dueDate(), summary.total(), summary.status(), summary.statusLabel(),
                    summary.payable(), summary.plannedDebitDate(), summary.pdfPath(), lines, summary.payment(),
                    CancellationView.of(invoice, viewer.isStaff()));
        }
    }

    /** Why an agent cancels an invoice: the family reads it. */
    public record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "The family's invoices: view=payable (à payer, en cours, prélèvement prévu) or previous (payées, annulées), newest first")
    @GetMapping("/api/billing/invoices")
    public InvoiceList list(PortalPrincipal family,
                            @RequestParam(defaultValue = "payable") @Pattern(regexp = "payable|previous") String view,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        InvoiceView which = "previous".equals(view) ? InvoiceView.PREVIOUS : InvoiceView.PAYABLE;
        return InvoiceList.of(service.familyInvoices(family, which, page, size));
    }

    @Operation(summary = "One invoice with its lines, status and, when paid, how and when")
    @GetMapping("/api/billing/invoices/{id}")
    public InvoiceDetail get(PortalPrincipal caller, @PathVariable UUID id) {
        Invoice invoice = service.get(caller, id);
        return InvoiceDetail.of(invoice, service.standing(invoice), caller);
    }

    @Operation(summary = "The invoice's PDF, as an attachment")
    @GetMapping("/api/billing/invoices/{id}/pdf")
    public ResponseEntity<byte[]> pdf(PortalPrincipal caller, @PathVariable UUID id) {
        return service.pdf(caller, id).asAttachment();
    }

    @Operation(summary = "A dossier's invoices, every status, newest first (agents)")
    @GetMapping("/api/billing/dossiers/{number}/invoices")
    @StaffOnly
    public InvoiceList dossierInvoices(@PathVariable String number,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return InvoiceList.of(service.dossierInvoices(number, page, size));
    }

    @Operation(summary = "Cancel an invoice, with the reason the family reads (agents); 409 when paid or in payment")
    @PostMapping("/api/billing/invoices/{id}/cancellation")
    @StaffOnly
    public InvoiceDetail cancel(PortalPrincipal agent, @PathVariable UUID id, @Valid @RequestBody Cancellation body) {
        Invoice invoice = service.cancel(agent, id, body.reason());
        return InvoiceDetail.of(invoice, service.standing(invoice), agent);
    }
}
