package fr.portailfamille.dossier.linking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One try to prove ownership of a dossier (number + access key + family name). */
@Entity
@Table(name = "dossier_link_attempt")
public class LinkAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_id", nullable = false)
    private Long dossierId;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(nullable = false)
    private boolean succeeded;

    protected LinkAttempt() {
    }

    LinkAttempt(Long dossierId, Instant attemptedAt, boolean succeeded) {
        this.dossierId = dossierId;
        this.attemptedAt = attemptedAt;
        this.succeeded = succeeded;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }
}
