package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.directdebit.bank.Bic;
import fr.portailfamille.billing.directdebit.bank.Iban;
import fr.portailfamille.billing.directdebit.bank.MandateReference;
import fr.portailfamille.billing.directdebit.consent.ConsentCode;
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

    /** What the code signs: this mandate, these bank details, this text. */
    String consentPurpose() {
        return id + "|" + iban + "|" + textVersion;
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
