package fr.portailfamille.dossier.request;

import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.platform.jpa.Audited;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.uploads.StoredFile;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A family's request (démarche) and the history of its status. */
@Entity
@Table(name = "request")
public class Request extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dossier_id")
    private Dossier dossier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "attachment_file_id")
    private StoredFile attachment;

    @ElementCollection
    @CollectionTable(name = "request_status_change", joinColumns = @JoinColumn(name = "request_id"))
    @OrderBy("changedAt")
    private List<RequestStatusChange> history = new ArrayList<>();

    protected Request() {
    }

    Request(Dossier dossier, RequestType type, String description, Instant now, String by) {
        this.dossier = dossier;
        this.type = type;
        this.description = description;
        this.status = RequestStatus.SUBMITTED;
        history.add(new RequestStatusChange(RequestStatus.SUBMITTED, null, now, by));
    }

    /** Moves to {@code next}, or 409 if the current status does not allow it (e.g. accepting a cancelled request). */
    void moveTo(RequestStatus next, String comment, Instant now, String by) {
        if (!status.canBecome(next)) {
            throw ApiProblem.conflict("transition-refusee", "request.transition", type.label(),
                    status.label(), next.label());
        }
        status = next;
        history.add(new RequestStatusChange(next, comment, now, by));
    }

    public Long getId() {
        return id;
    }

    public Dossier getDossier() {
        return dossier;
    }

    public RequestType getType() {
        return type;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public String getDescription() {
        return description;
    }

    public List<RequestStatusChange> getHistory() {
        return List.copyOf(history);
    }

    void attach(StoredFile file) {
        this.attachment = file;
    }

    /** The file the family joined when filing it, or null. */
    public StoredFile getAttachment() {
        return attachment;
    }
}
