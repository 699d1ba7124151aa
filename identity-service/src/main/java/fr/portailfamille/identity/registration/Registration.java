package fr.portailfamille.identity.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A registration draft, step by step; see V2__registration.sql. */
@Entity
@Table(name = "registration")
public class Registration {

    /** The next thing the family has to do. */
    public enum Step { DOSSIER, CGU, REVIEW, SUBMITTED }

    public enum Civility { MADAME, MONSIEUR }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Step step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Civility civility;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Column(nullable = false)
    private String username;

    @Column(name = "password_encrypted")
    private String passwordEncrypted;

    @Column(name = "dossier_number")
    private String dossierNumber;

    @Column(name = "family_name")
    private String familyName;

    @Column(name = "cgu_version")
    private String cguVersion;

    @Column(name = "cgu_accepted_at")
    private Instant cguAcceptedAt;

    @Column(name = "cgu_accepted_ip")
    private String cguAcceptedIp;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected Registration() {
    }

    Registration(String id, Instant now, Instant expiresAt) {
        this.id = id;
        this.step = Step.DOSSIER;
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
    }

    void personal(Civility civility, String lastName, String firstName, String email, String phone, String username,
                  String passwordEncrypted, Instant now) {
        this.civility = civility;
        this.lastName = lastName;
        this.firstName = firstName;
        this.email = email;
        this.phone = phone;
        this.username = username;
        if (passwordEncrypted != null) {
            this.passwordEncrypted = passwordEncrypted;
        }
        this.updatedAt = now;
    }

    void dossier(String number, String familyName, Instant now) {
        this.dossierNumber = number;
        this.familyName = familyName;
        if (step == Step.DOSSIER) {
            step = Step.CGU;
        }
        this.updatedAt = now;
    }

    void acceptCgu(String version, String ip, Instant now) {
        this.cguVersion = version;
        this.cguAcceptedAt = now;
        this.cguAcceptedIp = ip;
        this.step = Step.REVIEW;
        this.updatedAt = now;
    }

    /** The account exists: the password is erased, the draft only serves « renvoyer le mail ». */
    void submitted(long accountId, Instant now) {
        this.accountId = accountId;
        this.passwordEncrypted = null;
        this.step = Step.SUBMITTED;
        this.updatedAt = now;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String getId() {
        return id;
    }

    public Step getStep() {
        return step;
    }

    public Civility getCivility() {
        return civility;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordEncrypted() {
        return passwordEncrypted;
    }

    public String getDossierNumber() {
        return dossierNumber;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getCguVersion() {
        return cguVersion;
    }

    public Instant getCguAcceptedAt() {
        return cguAcceptedAt;
    }

    public String getCguAcceptedIp() {
        return cguAcceptedIp;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
