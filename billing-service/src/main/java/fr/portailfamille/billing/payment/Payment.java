package fr.portailfamille.billing.payment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One attempt to pay invoices at the bank. Started by the family; only the bank's notification (or
 * its answer when asked after the window) ends it: paid, refused or abandoned. Amounts in euros,
 * scale 2; instants in UTC.
 */
@Entity
@Table(name = "payment")
public class Payment {

    private static final DateTimeFormatter UTC_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    @Id
    private UUID id;

    @Column(name = "dossier_number", nullable = false)
    private String dossierNumber;

    @Column(name = "family_name")
    private String familyName;

    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Provider provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    /** Systempay's {@code vads_site_id}, PayFiP's {@code numcli}. */
    @Column(name = "shop_id", nullable = false)
    private String shopId;

    /** Systempay's {@code vads_ctx_mode}, PayFiP's {@code saisie}. */
    @Column(name = "provider_mode", nullable = false)
    private String providerMode;

    /** Systempay's {@code vads_trans_id}, PayFiP's {@code idOp}. */
    @Column(nullable = false)
    private String reference;

    /** Systempay's {@code vads_trans_date}; null for PayFiP. */
    @Column(name = "reference_date")
    private Instant referenceDate;

    /** How it ended: {@link BankOutcome} name (EXPIRED when the portal gave up), null while in progress. */
    private String outcome;

    @Column(name = "bank_status")
    private String bankStatus;

    @Column(name = "bank_reference")
    private String bankReference;

    /** Something a régisseur must look at (money taken after the payment was given up). */
    private String anomaly;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    /**
     * When the expiry check may ask about it again after a check that could not end it (written by
     * {@link PaymentRepository#postponeCheck} only); null: from {@link #expiresAt}.
     */
    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "payment_invoice", joinColumns = @JoinColumn(name = "payment_id"))
    @OrderColumn(name = "position")
    private List<PaymentInvoice> invoices = new ArrayList<>();

    protected Payment() {
    }

    Payment(UUID id, String dossierNumber, String familyName, String email, Provider provider, BigDecimal amount,
            String orderId, StartedPayment started, List<PaymentInvoice> invoices, String createdBy,
            Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.dossierNumber = dossierNumber;
        this.familyName = familyName;
        this.email = email;
        this.provider = provider;
        this.status = PaymentStatus.IN_PROGRESS;
        this.amount = amount;
        this.orderId = orderId;
        this.shopId = started.shopId();
        this.providerMode = started.mode();
        this.reference = started.reference();
        this.referenceDate = started.referenceDate();
        this.invoices.addAll(invoices);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** The bank's answer ended it. */
    void conclude(PaymentStatus next, BankOutcome how, BankNotice notice, Instant at) {
        this.status = next;
        this.outcome = how.name();
        this.bankStatus = notice.bankStatus();
        this.bankReference = notice.bankReference();
        this.settledAt = at;
    }

    /** The bank took the money after the portal had given the payment up. */
    void flagPaidTooLate(BankNotice notice, String text) {
        this.bankStatus = notice.bankStatus();
        this.bankReference = notice.bankReference();
        this.anomaly = text;
    }

    /**
     * The transaction's reference as a person reads it: Systempay's id is unique within its UTC day
     * only, so it is given with that day ({@code 20261201-000042}); PayFiP's {@code idOp} as is.
     */
    public String displayReference() {
        if (provider == Provider.SYSTEMPAY && referenceDate != null) {
            return UTC_DAY.format(referenceDate) + "-" + reference;
        }
        return reference;
    }

    public UUID getId() {
        return id;
    }

    public String getDossierNumber() {
        return dossierNumber;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getEmail() {
        return email;
    }

    public Provider getProvider() {
        return provider;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getOrderId() {
        return orderId;
    }

    public String getShopId() {
        return shopId;
    }

    public String getProviderMode() {
        return providerMode;
    }

    public String getReference() {
        return reference;
    }

    public Instant getReferenceDate() {
        return referenceDate;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getBankStatus() {
        return bankStatus;
    }

    public String getBankReference() {
        return bankReference;
    }

    public String getAnomaly() {
        return anomaly;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public List<PaymentInvoice> getInvoices() {
        return List.copyOf(invoices);
    }
}
