package fr.portailfamille.messaging.conversation;

import fr.portailfamille.platform.uploads.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of a conversation, never changed once written: its author, the service it was written
 * to or from (a transferred conversation keeps who answered before), its plain-text body (never
 * rendered as HTML) and its attachments.
 */
@Entity
@Table(name = "message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false)
    private AuthorKind authorKind;

    @Column(name = "author_username", nullable = false)
    private String authorUsername;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "service_code", nullable = false)
    private String serviceCode;

    @Column(nullable = false)
    private String body;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "message_attachment", joinColumns = @JoinColumn(name = "message_id"),
            inverseJoinColumns = @JoinColumn(name = "file_id"))
    @OrderColumn(name = "position")
    private List<StoredFile> attachments = new ArrayList<>();

    protected Message() {
    }

    Message(Conversation conversation, AuthorKind authorKind, String authorUsername, String authorName,
            String serviceCode, String body, Instant sentAt, List<StoredFile> attachments) {
        this.conversation = conversation;
        this.authorKind = authorKind;
        this.authorUsername = authorUsername;
        this.authorName = authorName;
        this.serviceCode = serviceCode;
        this.body = body;
        this.sentAt = sentAt;
        this.attachments = new ArrayList<>(attachments);
    }

    public Long getId() {
        return id;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public AuthorKind getAuthorKind() {
        return authorKind;
    }

    public String getAuthorUsername() {
        return authorUsername;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getServiceCode() {
        return serviceCode;
    }

    public String getBody() {
        return body;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public List<StoredFile> getAttachments() {
        return List.copyOf(attachments);
    }
}
