package fr.portailfamille.billing.directdebit.collection;

import fr.portailfamille.platform.jpa.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The direct-debit file of one collection date, kept whole as it was offered to the treasury. */
@Entity
@Table(name = "direct_debit_collection")
public class DebitCollection extends Audited {

    @Id
    private UUID id;

    @Column(name = "collection_date", nullable = false, updatable = false)
    private LocalDate collectionDate;

    @Column(name = "message_id", nullable = false, updatable = false)
    private String messageId;

    @Column(name = "pain_version", nullable = false, updatable = false)
    private String painVersion;

    @Column(name = "debit_count", nullable = false, updatable = false)
    private int debitCount;

    @Column(name = "control_sum", nullable = false, updatable = false)
    private BigDecimal controlSum;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "file_content", nullable = false, updatable = false)
    private byte[] fileContent;

    protected DebitCollection() {
    }

    DebitCollection(UUID id, LocalDate collectionDate, String messageId, String painVersion, int debitCount,
                    BigDecimal controlSum, byte[] fileContent) {
        this.id = id;
        this.collectionDate = collectionDate;
        this.messageId = messageId;
        this.painVersion = painVersion;
        this.debitCount = debitCount;
        this.controlSum = controlSum;
        this.fileName = "prelevements-" + collectionDate + ".xml";
        this.fileContent = fileContent;
    }

    public UUID getId() {
        return id;
    }

    public LocalDate getCollectionDate() {
        return collectionDate;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getPainVersion() {
        return painVersion;
    }

    public int getDebitCount() {
        return debitCount;
    }

    public BigDecimal getControlSum() {
        return controlSum;
    }

    public String getFileName() {
        return fileName;
    }

    public byte[] getFileContent() {
        return fileContent;
    }
}
