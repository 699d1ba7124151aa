package fr.portailfamille.billing.invoice;

import fr.portailfamille.platform.jpa.Audited;
import fr.portailfamille.platform.uploads.StoredFile;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An invoice issued to a dossier: what it says ({@link NewInvoice}: number, period, dates, lines,
 * total), the family as dossier-service told it at import, its PDF, and where it stands
 * ({@link InvoiceStatus}). Its status changes only here: payments through {@link InvoicePayments},
 * cancellation by an agent.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false, length = 40, updatable = false)
    private String number;

    @Column(name = "dossier_number", nullable = false, length = 20, updatable = false)
    private String dossierNumber;

    @Column(nullable = false, length = 60, updatable = false)
    private String period;

    @Column(name = "issue_date", nullable = false, updatable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(nullable = false, precision = 12, scale = 2, updatable = false)
    private BigDecimal total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private InvoiceStatus status;

    @Column(name = "family_name", nullable = false, length = 200, updatable = false)
    private String familyName;

    @Column(length = 320, updatable = false)
    private String email;

    @Column(name = "content_sha256", nullable = false, length = 64, updatable = false)
    private String contentSha256;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "pdf_file_id")
    private StoredFile pdf;

    @Column(name = "payment_id")
    private UUID paymentId;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "payment_method", length = 40)
    private String paymentMethod;

    @Column(name = "payment_reference", length = 100)
    private String paymentReference;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancellation_reason", length = 500)
    private String cancellationReason;

    @Column(name = "cancelled_by", length = 100)
    private String cancelledBy;

    /** The day a direct-debit file collects it (status DIRECT_DEBIT_SCHEDULED, and once paid by that debit). */
    @Column(name = "direct_debit_date")
    private LocalDate directDebitDate;

    /** A debit of it was rejected: the family pays it online, later files leave it out. */
    @Column(name = "direct_debit_excluded", nullable = false)
    private boolean directDebitExcluded;

    @ElementCollection
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderColumn(name = "position")
    private List<IssuedLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    /** A new invoice « À payer » for the family dossier-service named. */
    Invoice(NewInvoice invoice, String familyName, String email) {
        this.number = invoice.number();
        this.dossierNumber = invoice.dossierNumber();
        this.period = invoice.period();
        this.issueDate = invoice.issueDate();
        this.dueDate = invoice.dueDate();
        this.total = invoice.total();
        this.familyName = Objects.requireNonNull(familyName, "familyName");
        this.email = email;
        this.contentSha256 = InvoiceContent.sha256(invoice);
        this.status = InvoiceStatus.TO_PAY;
        invoice.lines().forEach(line -> lines.add(new IssuedLine(line)));
    }

    void attachPdf(StoredFile file) {
        this.pdf = file;
    }

    /** Held by a payment at the bank: only {@link InvoicePayments} calls it, on a locked row. */
    void reserveFor(UUID payment) {
        this.status = InvoiceStatus.PAYMENT_IN_PROGRESS;
        this.paymentId = payment;
    }

    /** Paid: the bank's notification said so. */
    void settle(Instant at, String method, String reference) {
        this.status = InvoiceStatus.PAID;
        this.paidAt = at;
        this.paymentMethod = method;
        this.paymentReference = reference;
    }

    /** The payment ended without paying: payable again; {@code paymentId} keeps the last payment. */
    void release() {
        this.status = InvoiceStatus.TO_PAY;
    }

    /** In the direct-debit file of {@code collectionDate}: only {@link InvoiceDebits} calls it, on a locked row. */
    void scheduleDebit(LocalDate collectionDate) {
        this.status = InvoiceStatus.DIRECT_DEBIT_SCHEDULED;
        this.directDebitDate = collectionDate;
    }

    /** Its debit was rejected (or returned): payable online again, never in a later file. */
    void reopenAfterRejectedDebit() {
        this.status = InvoiceStatus.TO_PAY;
        this.directDebitExcluded = true;
        this.paidAt = null;
        this.paymentMethod = null;
        this.paymentReference = null;
    }

    /**
     * When the bank debits it, if it is one the family would see debited: « À payer », the dossier under an
     * active mandate, not taken out of direct debit: its due date, or the next file's day once that date
     * has passed; in a file: that file's day. Otherwise {@code null}.
     */
    LocalDate plannedDebitDate(boolean dossierUnderDirectDebit, LocalDate today) {
        if (status == InvoiceStatus.DIRECT_DEBIT_SCHEDULED) {
            return directDebitDate;
        }
        if (status == InvoiceStatus.TO_PAY && dossierUnderDirectDebit && !directDebitExcluded) {
            return dueDate.isAfter(today) ? dueDate : today.plusDays(1);
        }
        return null;
    }

    void cancel(String reason, Instant at, String by) {
        this.status = InvoiceStatus.CANCELLED;
        this.cancellationReason = reason;
        this.cancelledAt = at;
        this.cancelledBy = by;
    }

    /** What it says, as the domain knows it. */
    public NewInvoice toNewInvoice() {
        return new NewInvoice(number, dossierNumber, period, issueDate, dueDate,
                lines.stream().map(IssuedLine::toLine).toList(), total);
    }

    public LocalDate getDirectDebitDate() {
        return directDebitDate;
    }

    public boolean isDirectDebitExcluded() {
        return directDebitExcluded;
    }

    public UUID getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getDossierNumber() {
        return dossierNumber;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getEmail() {
        return email;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public StoredFile getPdf() {
        return pdf;
    }

    public UUID getPaymentId() {
        return paymentId;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancellationReason() {
        return cancellationReason;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public List<InvoiceLine> getLines() {
        return lines.stream().map(IssuedLine::toLine).toList();
    }
}
