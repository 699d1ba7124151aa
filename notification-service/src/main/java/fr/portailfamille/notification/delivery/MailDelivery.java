package fr.portailfamille.notification.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One e-mail owed for one event: to whom, with which template, how many tries, and how it ended. */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true, updatable = false)
    private UUID eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(nullable = false, updatable = false)
    private String template;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected MailDelivery() {
    }

    MailDelivery(UUID eventId, String eventType, String template, String recipient, Instant now) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.template = template;
        this.recipient = recipient;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void attempt(Instant now) {
        status = DeliveryStatus.PENDING;
        attempts++;
        updatedAt = now;
    }

    void sent(Instant now) {
        status = DeliveryStatus.SENT;
        sentAt = now;
        updatedAt = now;
        lastError = null;
    }

    void error(String error, Instant now) {
        lastError = error;
        updatedAt = now;
    }

    void failed(Instant now) {
        status = DeliveryStatus.FAILED;
        updatedAt = now;
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getTemplate() {
        return template;
    }

    public String getRecipient() {
        return recipient;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
