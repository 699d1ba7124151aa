package fr.portailfamille.messaging.conversation;

import fr.portailfamille.messaging.catalogue.Department;
import fr.portailfamille.messaging.catalogue.Theme;
import fr.portailfamille.platform.jpa.Audited;
import fr.portailfamille.platform.problem.ApiProblem;
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
import java.util.Comparator;
import java.util.List;

/**
 * A conversation between a family's dossier (every account of the dossier sees it) and one service of
 * the authority, about one theme, under one « Objet ». It keeps its messages, who handles it, its
 * status, the family accounts that wrote (their e-mails) and, for agents, how it was handled.
 */
@Entity
@Table(name = "conversation")
public class Conversation extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_number", nullable = false, updatable = false)
    private String dossierNumber;

    /** The name of the account that started it (« Claire DURAND »): what agents search and read. */
    @Column(name = "family_name", nullable = false, updatable = false)
    private String familyName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_code")
    private Department department;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "theme_id")
    private Theme theme;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConversationStatus status = ConversationStatus.NEW;

    @Column(name = "assigned_to")
    private String assignedTo;

    @Column(name = "assigned_name")
    private String assignedName;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    @Column(name = "last_family_message_id")
    private Long lastFamilyMessageId;

    @Column(name = "last_family_message_at")
    private Instant lastFamilyMessageAt;

    @Column(name = "last_agent_message_id")
    private Long lastAgentMessageId;

    @Column(name = "last_agent_message_at")
    private Instant lastAgentMessageAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "conversation_family_contact", joinColumns = @JoinColumn(name = "conversation_id"))
    private List<FamilyContact> familyContacts = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "conversation_step", joinColumns = @JoinColumn(name = "conversation_id"))
    @OrderBy("happenedAt")
    private List<ConversationStep> steps = new ArrayList<>();

    protected Conversation() {
    }

    Conversation(String dossierNumber, String familyName, Department department, Theme theme, String subject,
                 Instant now) {
        this.dossierNumber = dossierNumber;
        this.familyName = familyName;
        this.department = department;
        this.theme = theme;
        this.subject = subject;
        this.lastMessageAt = now;
    }

    /** A family account wrote {@code message}: Nouveau or En cours again, reopened when it was closed. */
    void familyWrote(Message message, String accountSubject, String email, String name) {
        if (status == ConversationStatus.CLOSED) {
            steps.add(new ConversationStep(ConversationStep.Kind.REOPENED, null, null, null, message.getSentAt(), name));
        }
        if (lastFamilyMessageId != null) {
            status = assignedTo == null ? ConversationStatus.NEW : ConversationStatus.IN_PROGRESS;
        }
        lastFamilyMessageId = message.getId();
        lastFamilyMessageAt = message.getSentAt();
        lastMessageAt = message.getSentAt();
        familyContacts.stream().filter(c -> c.getAccountSubject().equals(accountSubject)).findFirst()
                .ifPresentOrElse(c -> c.wroteAgain(email, name, message.getSentAt()),
                        () -> familyContacts.add(new FamilyContact(accountSubject, email, name, message.getSentAt())));
    }

    /** An agent answered with {@code message}: Répondu, and the conversation is theirs if nobody had it. */
    void agentWrote(Message message, String agentUsername, String agentName) {
        if (assignedTo == null) {
            assignedTo = agentUsername;
            assignedName = agentName;
        }
        status = ConversationStatus.ANSWERED;
        lastAgentMessageId = message.getId();
        lastAgentMessageAt = message.getSentAt();
        lastMessageAt = message.getSentAt();
    }

    /** The agent takes it (« Les miens »); 409 when it is closed or another agent already has it. */
    void take(String agentUsername, String agentName, Instant now) {
        if (status == ConversationStatus.CLOSED) {
            throw ApiProblem.conflict("conversation-close", "conversation.closed");
        }
        if (agentUsername.equals(assignedTo)) {
            return;
        }
        if (assignedTo != null) {
            throw ApiProblem.conflict("deja-prise-en-charge", "conversation.taken-by-another", assignedName);
        }
        assignedTo = agentUsername;
        assignedName = agentName;
        if (status == ConversationStatus.NEW) {
            status = ConversationStatus.IN_PROGRESS;
        }
        steps.add(new ConversationStep(ConversationStep.Kind.TAKEN, null, null, null, now, agentName));
    }

    /** To another service and theme with a note for its agents: Nouveau there, nobody's, the family sees the new service. */
    void transfer(Department target, Theme targetTheme, String note, Instant now, String agentName) {
        if (status == ConversationStatus.CLOSED) {
            throw ApiProblem.conflict("conversation-close", "conversation.closed");
        }
        steps.add(new ConversationStep(ConversationStep.Kind.TRANSFERRED, department.getCode(), target.getCode(), note,
                now, agentName));
        department = target;
        theme = targetTheme;
        assignedTo = null;
        assignedName = null;
        status = ConversationStatus.NEW;
    }

    /** Clos; 409 when it already is. A family's next message reopens it. */
    void close(Instant now, String agentName) {
        if (status == ConversationStatus.CLOSED) {
            throw ApiProblem.conflict("conversation-close", "conversation.already-closed");
        }
        status = ConversationStatus.CLOSED;
        steps.add(new ConversationStep(ConversationStep.Kind.CLOSED, null, null, null, now, agentName));
    }

    /** The family's known addresses, the latest writer's first. */
    public List<FamilyContact> contactsLatestFirst() {
        return familyContacts.stream()
                .sorted(Comparator.comparing(FamilyContact::getLastWrittenAt).reversed()
                        .thenComparing(FamilyContact::getAccountSubject))
                .toList();
    }

    public Long getId() {
        return id;
    }

    public String getDossierNumber() {
        return dossierNumber;
    }

    public String getFamilyName() {
        return familyName;
    }

    public Department getDepartment() {
        return department;
    }

    public Theme getTheme() {
        return theme;
    }

    public String getSubject() {
        return subject;
    }

    public ConversationStatus getStatus() {
        return status;
    }

    public String getAssignedTo() {
        return assignedTo;
    }

    public String getAssignedName() {
        return assignedName;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    /** The newest message's id: what a reader has read up to after opening it. */
    public long lastMessageId() {
        return Math.max(lastFamilyMessageId == null ? 0 : lastFamilyMessageId,
                lastAgentMessageId == null ? 0 : lastAgentMessageId);
    }

    public List<ConversationStep> getSteps() {
        return List.copyOf(steps);
    }
}
