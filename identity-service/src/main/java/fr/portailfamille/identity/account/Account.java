package fr.portailfamille.identity.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A family account as the portal knows it: the Keycloak user, its dossier, the CGU it accepted. */
@Entity
@Table(name = "account")
public class Account {

    public enum Status { PENDING_ACTIVATION, ACTIVE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "keycloak_user_id", nullable = false)
    private String keycloakUserId;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String email;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "dossier_number", nullable = false)
    private String dossierNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "cgu_version", nullable = false)
    private String cguVersion;

    @Column(name = "cgu_accepted_at", nullable = false)
    private Instant cguAcceptedAt;

    @Column(name = "cgu_accepted_ip")
    private String cguAcceptedIp;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    protected Account() {
    }

    public Account(String keycloakUserId, String username, String email, String firstName, String lastName,
                   String dossierNumber, String cguVersion, Instant cguAcceptedAt, String cguAcceptedIp, Instant now) {
        this.keycloakUserId = keycloakUserId;
        this.username = username;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.dossierNumber = dossierNumber;
        this.status = Status.PENDING_ACTIVATION;
        this.cguVersion = cguVersion;
        this.cguAcceptedAt = cguAcceptedAt;
        this.cguAcceptedIp = cguAcceptedIp;
        this.createdAt = now;
    }

    public void activate(Instant now) {
        this.status = Status.ACTIVE;
        this.activatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getKeycloakUserId() {
        return keycloakUserId;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getDossierNumber() {
        return dossierNumber;
    }

    public Status getStatus() {
        return status;
    }
}
