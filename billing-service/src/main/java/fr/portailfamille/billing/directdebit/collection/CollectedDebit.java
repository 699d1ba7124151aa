package fr.portailfamille.billing.directdebit.collection;

import fr.portailfamille.billing.directdebit.file.SequenceType;
import fr.portailfamille.billing.directdebit.report.RejectionReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One debit of a file: the invoice it collects, the mandate and account (masked) it was made on, its
 * sequence type, and whether the bank rejected it (why, when, who typed it or which report said so).
 */
@Entity
@Table(name = "direct_debit_item")
public class CollectedDebit {

    /** Whether the debit stands or the bank rejected it. */
    public enum Status {
        SCHEDULED("Prélèvement prévu"),
        REJECTED("Rejeté");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    private UUID id;

    @Column(name = "collection_id", nullable = false, updatable = false)
    private UUID collectionId;

    @Column(name = "end_to_end_id", nullable = false, updatable = false)
    private String endToEndId;

    @Column(name = "invoice_id", nullable = false, updatable = false)
    private UUID invoiceId;

    @Column(name = "invoice_number", nullable = false, updatable = false)
    private String invoiceNumber;

    @Column(name = "dossier_number", nullable = false, updatable = false)
    private String dossierNumber;

    @Column(name = "mandate_id", nullable = false, updatable = false)
    private UUID mandateId;

    @Column(nullable = false, updatable = false)
    private String rum;

    @Column(name = "holder_name", nullable = false, updatable = false)
    private String holderName;

    @Column(name = "masked_iban", nullable = false, updatable = false)
    private String maskedIban;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "sequence_type", nullable = false, updatable = false)
    private SequenceType sequenceType;

    @Column(nullable = false, updatable = false)
    private boolean amended;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "rejection_code")
    private String rejectionCode;

    @Column(name = "rejection_label")
    private String rejectionLabel;

    @Column(name = "rejected_at")
    private Instant rejectedAt;

    @Column(name = "rejected_by")
    private String rejectedBy;

    protected CollectedDebit() {
    }

    CollectedDebit(UUID collectionId, String endToEndId, UUID invoiceId, String invoiceNumber, String dossierNumber,
                   UUID mandateId, String rum, String holderName, String maskedIban, BigDecimal amount,
                   SequenceType sequenceType, boolean amended) {
        this.id = UUID.randomUUID();
        this.collectionId = collectionId;
        this.endToEndId = endToEndId;
        this.invoiceId = invoiceId;
        this.invoiceNumber = invoiceNumber;
        this.dossierNumber = dossierNumber;
        this.mandateId = mandateId;
        this.rum = rum;
        this.holderName = holderName;
        this.maskedIban = maskedIban;
        this.amount = amount;
        this.sequenceType = sequenceType;
        this.amended = amended;
        this.status = Status.SCHEDULED;
    }

    /** @return false when it was already rejected (a report read twice changes nothing) */
    boolean reject(RejectionReason reason, Instant at, String by) {
        if (status == Status.REJECTED) {
            return false;
        }
        this.status = Status.REJECTED;
        this.rejectionCode = reason.code() == null || reason.code().isBlank() ? "NOTPROVIDED" : reason.code();
        this.rejectionLabel = reason.label();
        this.rejectedAt = at;
        this.rejectedBy = by;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCollectionId() {
        return collectionId;
    }

    public String getEndToEndId() {
        return endToEndId;
    }

    public UUID getInvoiceId() {
        return invoiceId;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public String getDossierNumber() {
        return dossierNumber;
    }

    public UUID getMandateId() {
        return mandateId;
    }

    public String getRum() {
        return rum;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getMaskedIban() {
        return maskedIban;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public SequenceType getSequenceType() {
        return sequenceType;
    }

    public boolean isAmended() {
        return amended;
    }

    public Status getStatus() {
        return status;
    }

    public String getRejectionCode() {
        return rejectionCode;
    }

    public String getRejectionLabel() {
        return rejectionLabel;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }
}
