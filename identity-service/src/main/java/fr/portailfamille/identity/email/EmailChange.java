package fr.portailfamille.identity.email;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A change of e-mail waiting for the new address to be confirmed (its link's hash only). */
@Entity
@Table(name = "email_change")
public class EmailChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "keycloak_user_id", nullable = false)
    private String keycloakUserId;

    @Column(name = "old_email", nullable = false)
    private String oldEmail;

    @Column(name = "new_email", nullable = false)
    private String newEmail;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected EmailChange() {
    }

    EmailChange(String keycloakUserId, String oldEmail, String newEmail, String tokenHash, Instant now,
                Instant expiresAt) {
        this.keycloakUserId = keycloakUserId;
        this.oldEmail = oldEmail;
        this.newEmail = newEmail;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    String getKeycloakUserId() {
        return keycloakUserId;
    }

    String getOldEmail() {
        return oldEmail;
    }

    String getNewEmail() {
        return newEmail;
    }
}
