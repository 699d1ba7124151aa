package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.directdebit.bank.Bic;
import fr.portailfamille.billing.directdebit.bank.Iban;
import fr.portailfamille.billing.directdebit.bank.MandateReference;
import fr.portailfamille.billing.directdebit.consent.ConsentCode;
import fr.portailfamille.billing.directdebit.file.MandateAmendment;
import fr.portailfamille.platform.jpa.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A dossier's SEPA mandate. Asked with the holder, address and bank details, it waits for the family's
 * signature: the e-mailed code ({@link ConsentCode}, only its hash here). Signed, it gets its RUM and
 * records when, from which address and on which text version it was signed. The IBAN is kept whole
 * (the bank's file needs it) and leaves this class masked.
 */
@Entity
@Table(name = "direct_debit_mandate")
public class Mandate extends Audited {

    @Id
    private UUID id;

    @Column(name = "dossier_number", nullable = false, updatable = false)
    private String dossierNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MandateStatus status;

    @Column(name = "holder_name", nullable = false)
    private String holderName;

    @Column(name = "address_line", nullable = false)
    private String addressLine;

    @Column(nullable = false)
    private String postcode;

    @Column(nullable = false)
    private String city;

    @Column(nullable = false)
    private String iban;

    private String bic;

    private String rum;

    @Column(name = "text_version", nullable = false)
    private String textVersion;

    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;

    @Column(name = "code_tries_left", nullable = false)
    private int codeTriesLeft;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "signed_ip")
    private String signedIp;

    @Column(name = "signed_by")
    private String signedBy;

    @Column(nullable = false)
    private String email;

    @Column(name = "family_name")
    private String familyName;

    @Column(name = "pending_holder_name")
    private String pendingHolderName;

    @Column(name = "pending_iban")
    private String pendingIban;

    @Column(name = "pending_bic")
    private String pendingBic;

    @Column(name = "original_iban")
    private String originalIban;

    @Column(name = "original_bic")
    private String originalBic;

    @Column(name = "amended_at")
    private Instant amendedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected Mandate() {
    }

    Mandate(UUID id, String dossierNumber, MandateRequest request, String textVersion, String email, String familyName) {
        this.id = id;
        this.dossierNumber = dossierNumber;
        this.status = MandateStatus.PENDING_SIGNATURE;
        this.holderName = request.holderName();
        this.addressLine = request.addressLine();
        this.postcode = request.postcode();
        this.city = request.city();
        this.iban = request.iban().value();
        this.bic = request.bic() == null ? null : request.bic().value();
        this.textVersion = textVersion;
        this.email = email;
        this.familyName = familyName;
    }

    /** What the code signs: this mandate, these bank details (the new ones while a change waits), this text. */
    String consentPurpose() {
        return pendingIban != null ? id + "|change|" + pendingIban + "|" + pendingHolderName
                : id + "|" + iban + "|" + textVersion;
    }

    boolean sameIban(Iban other) {
        return iban.equals(other.value());
    }

    boolean hasPendingChange() {
        return pendingIban != null;
    }

    /** New bank details waiting for the family's code; a former wait is replaced. */
    void askChange(String holderName, Iban newIban, Bic newBic) {
        this.pendingHolderName = holderName;
        this.pendingIban = newIban.value();
        this.pendingBic = newBic == null ? null : newBic.value();
    }

    /**
     * Signed: the new details apply from the next debit. The account of the last file stays in
     * {@code original_*} until a file carries the amendment (a second change before then keeps the first
     * original: the bank knows that one).
     */
    void applyChange(Instant at) {
        if (originalIban == null) {
            this.originalIban = iban;
            this.originalBic = bic;
        }
        this.iban = pendingIban;
        this.bic = pendingBic;
        this.holderName = pendingHolderName;
        this.pendingIban = null;
        this.pendingBic = null;
        this.pendingHolderName = null;
        this.amendedAt = at;
        this.codeHash = null;
        this.codeExpiresAt = null;
        this.codeTriesLeft = 0;
    }

    void revoke(Instant at, String by) {
        this.status = MandateStatus.REVOKED;
        this.revokedAt = at;
        this.revokedBy = by;
        this.pendingIban = null;
        this.pendingBic = null;
        this.pendingHolderName = null;
        this.codeHash = null;
    }

    /**
     * What the next file tells the bank of a change of bank details signed since the last file: the former
     * IBAN at the same bank, {@code SMNDA} at another one; {@code null} when nothing changed.
     */
    public MandateAmendment pendingAmendment() {
        if (originalIban == null) {
            return null;
        }
        Iban former = new Iban(originalIban);
        return former.sameBankAs(new Iban(iban)) ? new MandateAmendment.OriginalDebtorAccount(originalIban)
                : new MandateAmendment.SameMandateNewDebtorAgent();
    }

    /** A file carried the amendment: the bank knows the new account. */
    void amendmentCarried() {
        this.originalIban = null;
        this.originalBic = null;
    }

    /** Unused for 36 months: no longer valid (SEPA rulebook). */
    void lapse() {
        this.status = MandateStatus.LAPSED;
        this.pendingIban = null;
        this.pendingBic = null;
        this.pendingHolderName = null;
        this.codeHash = null;
    }

    /** The IBAN to debit, whole: only for the bank's file and the treasury's eyes. */
    public String ibanForBank() {
        return iban;
    }

    void newCode(ConsentCode code) {
        this.codeHash = code.hash();
        this.codeExpiresAt = code.expiresAt();
        this.codeTriesLeft = code.triesLeft();
    }

    ConsentCode code() {
        return codeHash == null ? null : new ConsentCode(codeHash, codeExpiresAt, codeTriesLeft);
    }

    void sign(MandateReference rum, Instant at, String ip, String by) {
        this.status = MandateStatus.ACTIVE;
        this.rum = rum.value();
        this.signedAt = at;
        this.signedIp = ip;
        this.signedBy = by;
    }

    public UUID getId() {
        return id;
    }

    public String getDossierNumber() {
        return dossierNumber;
    }

    public MandateStatus getStatus() {
        return status;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getAddressLine() {
        return addressLine;
    }

    public String getPostcode() {
        return postcode;
    }

    public String getCity() {
        return city;
    }

    /** The IBAN as families and agents see it: {@code FR76 **** **** **** **** **** 189}. */
    public String maskedIban() {
        return new Iban(iban).masked();
    }

    public String getBic() {
        return bic;
    }

    /** The new IBAN waiting for its code, masked; null when no change waits. */
    public String maskedPendingIban() {
        return pendingIban == null ? null : new Iban(pendingIban).masked();
    }

    /** The account the bank knew before a change not yet carried by a file, masked; null otherwise. */
    public String maskedOriginalIban() {
        return originalIban == null ? null : new Iban(originalIban).masked();
    }

    public Instant getAmendedAt() {
        return amendedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRum() {
        return rum;
    }

    public String getTextVersion() {
        return textVersion;
    }

    public Instant getCodeExpiresAt() {
        return codeExpiresAt;
    }

    public int getCodeTriesLeft() {
        return codeTriesLeft;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public String getSignedIp() {
        return signedIp;
    }

    public String getEmail() {
        return email;
    }

    public String getFamilyName() {
        return familyName;
    }
}
