package fr.portailfamille.identity.password;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One « mot de passe oublié » link of an existing account (its hash only). */
@Entity
@Table(name = "password_reset")
public class PasswordReset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "keycloak_user_id")
    private String keycloakUserId;

    @Column(nullable = false)
    private String email;

    @Column(name = "requester_ip")
    private String requesterIp;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordReset() {
    }

    PasswordReset(String keycloakUserId, String email, String requesterIp, String tokenHash, Instant now,
                  Instant expiresAt) {
        this.keycloakUserId = keycloakUserId;
        this.email = email;
        this.requesterIp = requesterIp;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return tokenHash != null && usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    String getKeycloakUserId() {
        return keycloakUserId;
    }
}
