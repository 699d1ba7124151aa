package fr.portailfamille.messaging.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** One step of a conversation's handling, read by agents only: taken, transferred (with its note), closed, reopened. */
@Embeddable
public class ConversationStep {

    /** What happened. */
    public enum Kind {
        TAKEN("Prise en charge"),
        TRANSFERRED("Transférée"),
        CLOSED("Close"),
        REOPENED("Rouverte par la famille");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "from_service_code")
    private String fromServiceCode;

    @Column(name = "to_service_code")
    private String toServiceCode;

    private String note;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    @Column(name = "by_name", nullable = false)
    private String byName;

    protected ConversationStep() {
    }

    ConversationStep(Kind kind, String fromServiceCode, String toServiceCode, String note, Instant happenedAt,
                     String byName) {
        this.kind = kind;
        this.fromServiceCode = fromServiceCode;
        this.toServiceCode = toServiceCode;
        this.note = note;
        this.happenedAt = happenedAt;
        this.byName = byName;
    }

    public Kind getKind() {
        return kind;
    }

    public String getFromServiceCode() {
        return fromServiceCode;
    }

    public String getToServiceCode() {
        return toServiceCode;
    }

    public String getNote() {
        return note;
    }

    public Instant getHappenedAt() {
        return happenedAt;
    }

    public String getByName() {
        return byName;
    }
}
