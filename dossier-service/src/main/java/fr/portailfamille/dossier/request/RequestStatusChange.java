package fr.portailfamille.dossier.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** One step of a request's history: its new status, who set it, when, and the agent's comment. */
@Embeddable
public class RequestStatusChange {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    private String comment;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    protected RequestStatusChange() {
    }

    RequestStatusChange(RequestStatus status, String comment, Instant changedAt, String changedBy) {
        this.status = status;
        this.comment = comment;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public String getComment() {
        return comment;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
