package fr.portailfamille.billing.payment;

import fr.portailfamille.platform.security.FamilyOnly;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Online payment of invoices (families), the payment settings, and the « Journal des paiements » (agents). */
@RestController
public class PaymentController {

    private final PaymentService payments;
    private final PaymentJournal journal;

    public PaymentController(PaymentService payments, PaymentJournal journal) {
        this.payments = payments;
        this.journal = journal;
    }

    public record NewPayment(@NotEmpty @Size(max = 50) List<@NotNull UUID> invoiceIds) {
    }

    public record InvoiceView(UUID id, String number, String period, BigDecimal total) {

        static InvoiceView of(PaymentInvoice invoice) {
            return new InvoiceView(invoice.getInvoiceId(), invoice.getNumber(), invoice.getPeriod(), invoice.getTotal());
        }
    }

    /** The form the browser auto-submits to the bank's secure page. */
    public record FormView(String action, String method, Map<String, String> fields) {
    }

    /**
     * A payment as the family follows it: its state in French and what to do next; {@code form}
     * only when just started; {@code reference} is the bank's transaction reference.
     */
    public record PaymentView(UUID id, PaymentStatus status, String statusLabel, String nextStep, BigDecimal amount,
                              Provider provider, String providerLabel, List<InvoiceView> invoices,
                              Instant createdAt, Instant settledAt, String reference, String dossierNumber,
                              String familyName, FormView form) {

        static PaymentView of(Payment payment, BankForm form) {
            return new PaymentView(payment.getId(), payment.getStatus(), payment.getStatus().label(),
                    payment.getStatus().nextStep(), payment.getAmount(), payment.getProvider(),
                    JournalCsv.providerLabel(payment.getProvider()),
                    payment.getInvoices().stream().map(InvoiceView::of).toList(), payment.getCreatedAt(),
                    payment.getSettledAt(), payment.displayReference(), payment.getDossierNumber(),
                    payment.getFamilyName(),
                    form == null ? null : new FormView(form.action(), form.method(), form.fields()));
        }
    }

    public record SettingsView(Provider provider, Integer maxInvoicesPerPayment, boolean directDebitAvailable) {
    }

    /** One payment of the journal. */
    public record JournalLine(UUID id, Instant createdAt, Instant settledAt, String dossierNumber, String familyName,
                              List<String> invoiceNumbers, BigDecimal amount, Provider provider, String providerLabel,
                              PaymentStatus status, String statusLabel, String reference, String bankStatus,
                              String anomaly) {

        static JournalLine of(Payment p) {
            return new JournalLine(p.getId(), p.getCreatedAt(), p.getSettledAt(), p.getDossierNumber(),
                    p.getFamilyName(), p.getInvoices().stream().map(PaymentInvoice::getNumber).toList(), p.getAmount(),
                    p.getProvider(), JournalCsv.providerLabel(p.getProvider()), p.getStatus(), p.getStatus().label(),
                    p.displayReference(), p.getBankStatus(), p.getAnomaly());
        }
    }

    public record JournalView(LocalDate date, List<JournalLine> payments, int paidCount, BigDecimal paidTotal) {
    }

    @Operation(summary = "Pay invoices of one's dossier: the payment and the form to send to the bank")
    @PostMapping("/api/billing/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @FamilyOnly
    public PaymentView start(PortalPrincipal family, @Valid @RequestBody NewPayment body) {
        PaymentService.OpenedPayment opened = payments.start(family, body.invoiceIds());
        return PaymentView.of(opened.payment(), opened.form());
    }

    @Operation(summary = "A payment's state (the family's own; any for agents)")
    @GetMapping("/api/billing/payments/{id}")
    public PaymentView get(PortalPrincipal caller, @PathVariable UUID id) {
        return PaymentView.of(payments.get(caller, id), null);
    }

    @Operation(summary = "The bank used for online payments and its limits")
    @GetMapping("/api/billing/settings")
    public SettingsView settings() {
        PaymentService.PaymentSettings settings = payments.settings();
        return new SettingsView(settings.provider(), settings.maxInvoicesPerPayment(), settings.directDebitAvailable());
    }

    @Operation(summary = "« Journal des paiements » of a day, Europe/Paris (agents)")
    @GetMapping("/api/billing/payments")
    @StaffOnly
    public JournalView journal(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate date) {
        PaymentJournal.Journal day = journal.of(date == null ? LocalDate.now(PaymentJournal.PARIS) : date);
        return new JournalView(day.day(), day.payments().stream().map(JournalLine::of).toList(), day.paidCount(),
                day.paidTotal());
    }

    @Operation(summary = "The same journal as CSV for the treasury (UTF-8 with BOM, ;, decimal comma)")
    @GetMapping("/api/billing/payments/journal.csv")
    @StaffOnly
    public ResponseEntity<byte[]> journalCsv(@RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return journal.csv(date == null ? LocalDate.now(PaymentJournal.PARIS) : date).asAttachment();
    }
}
