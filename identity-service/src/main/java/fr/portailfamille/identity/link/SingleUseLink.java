package fr.portailfamille.identity.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One single-use link (its token's hash only) and its lifecycle: usable until it expires, is used,
 * or is retired by a newer link of the same purpose for the same user.
 */
@Entity
@Table(name = "single_use_link")
public class SingleUseLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkPurpose purpose;

    @Column(name = "keycloak_user_id", nullable = false)
    private String keycloakUserId;

    @Column(name = "sent_to", nullable = false)
    private String sentTo;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SingleUseLink() {
    }

    SingleUseLink(LinkPurpose purpose, String keycloakUserId, String sentTo, String tokenHash, Instant now) {
        this.purpose = purpose;
        this.keycloakUserId = keycloakUserId;
        this.sentTo = sentTo;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.validity());
    }

    /** Neither used nor retired, and {@code now} is before its expiry (at the expiry itself it is too late). */
    public boolean usableAt(Instant now) {
        return usedAt == null && retiredAt == null && now.isBefore(expiresAt);
    }

    /** Uses the link up; a link that is no longer usable gets the 410. */
    void use(Instant now) {
        if (!usableAt(now)) {
            throw new LinkExpiredException();
        }
        this.usedAt = now;
    }

    /** A newer link of the same purpose was sent: this one no longer works (a used one stays used). */
    void retire(Instant now) {
        if (usedAt == null && retiredAt == null) {
            this.retiredAt = now;
        }
    }

    public LinkPurpose getPurpose() {
        return purpose;
    }

    /** The Keycloak user the link acts for. */
    public String getKeycloakUserId() {
        return keycloakUserId;
    }

    /** The address the link was mailed to: for an e-mail change, the new address it proves. */
    public String getSentTo() {
        return sentTo;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getUsedAt() {
        return usedAt;
    }

    Instant getRetiredAt() {
        return retiredAt;
    }
}
