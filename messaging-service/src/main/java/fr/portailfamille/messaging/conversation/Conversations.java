package fr.portailfamille.messaging.conversation;

import fr.portailfamille.events.messaging.MessageReplied;
import fr.portailfamille.events.messaging.MessageSent;
import fr.portailfamille.messaging.catalogue.Catalogue;
import fr.portailfamille.messaging.catalogue.Department;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.uploads.FileDownload;
import fr.portailfamille.platform.uploads.FileStore;
import fr.portailfamille.platform.uploads.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Conversations of a family's dossier with a service. A family (any account of the dossier) starts
 * one, answers in it (reopening it if closed), reads it; the service's agents take, answer, transfer
 * and close it. Nobody else reaches it: another dossier's family or another service's agent gets 404,
 * exactly as for an id that does not exist. Each family message publishes MessageSent, each agent's
 * answer MessageReplied, in the same transaction (outbox); opening or writing marks it read for the
 * reader.
 */
@Service
public class Conversations {

    private static final String ATTACHMENTS = "attachments";
    /** The names kept (author, family, assignee) fit their columns. */
    private static final int NAME_MAX = 200;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final Catalogue catalogue;
    private final ReadMarks readMarks;
    private final FileStore files;
    private final OutboxPublisher outbox;
    private final MessagingProperties properties;
    private final Clock clock;

    public Conversations(ConversationRepository conversations, MessageRepository messages, Catalogue catalogue,
                         ReadMarks readMarks, FileStore files, OutboxPublisher outbox, MessagingProperties properties,
                         Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.catalogue = catalogue;
        this.readMarks = readMarks;
        this.files = files;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** The dossier of a family's token; 403 when the account is linked to none yet. */
    public static String dossierOf(PortalPrincipal family) {
        return family.dossier().orElseThrow(() -> ApiProblem.forbidden("compte-sans-dossier", "conversation.no-dossier"));
    }

    // ---- families ------------------------------------------------------------------------------

    /** « Envoyer »: a new conversation of the family's dossier with its first message. */
    @Transactional
    public ConversationDetails start(PortalPrincipal family, String serviceCode, Long themeId, String subject,
                                     String body, List<MultipartFile> attachments) {
        String dossier = dossierOf(family);
        List<MultipartFile> sent = sentFiles(attachments);
        String cleanSubject = MessageText.line("subject", subject);
        String cleanBody = MessageText.body("body", body);
        Catalogue.Choice choice = catalogue.forNewConversation(serviceCode, themeId);
        Instant now = clock.instant();
        Conversation conversation = conversations.saveAndFlush(new Conversation(dossier, nameOf(family),
                choice.department(), choice.theme(), cleanSubject, now));
        familyWrites(family, conversation, cleanBody, sent, now, true);
        return details(conversation, false);
    }

    /** The family answers in its conversation; a closed one reopens. */
    @Transactional
    public ConversationDetails familyAnswers(PortalPrincipal family, long id, String body,
                                             List<MultipartFile> attachments) {
        List<MultipartFile> sent = sentFiles(attachments);
        String cleanBody = MessageText.body("body", body);
        Conversation conversation = familysLocked(family, id);
        familyWrites(family, conversation, cleanBody, sent, clock.instant(), false);
        return details(conversation, false);
    }

    /** The family opens its conversation: every message; it becomes read for this account. */
    @Transactional
    public ConversationDetails familyReads(PortalPrincipal family, long id) {
        Conversation conversation = conversations.findById(id)
                .filter(c -> c.getDossierNumber().equals(dossierOf(family)))
                .orElseThrow(Conversations::notFound);
        readMarks.readUpTo(id, family.subject(), conversation.lastMessageId(), clock.instant());
        return details(conversation, false);
    }

    /** « Marquer comme non lu » for this account (unread again if the service wrote in it). */
    @Transactional
    public void familyMarksUnread(PortalPrincipal family, long id) {
        conversations.findById(id).filter(c -> c.getDossierNumber().equals(dossierOf(family)))
                .orElseThrow(Conversations::notFound);
        readMarks.forget(id, family.subject());
    }

    /** An attachment of the family's conversation, to download. */
    @Transactional(readOnly = true)
    public FileDownload familyAttachment(PortalPrincipal family, long id, long fileId) {
        conversations.findById(id).filter(c -> c.getDossierNumber().equals(dossierOf(family)))
                .orElseThrow(Conversations::notFound);
        return attachment(id, fileId);
    }

    private Conversation familysLocked(PortalPrincipal family, long id) {
        String dossier = dossierOf(family);
        return conversations.lockById(id).filter(c -> c.getDossierNumber().equals(dossier))
                .orElseThrow(Conversations::notFound);
    }

    private void familyWrites(PortalPrincipal family, Conversation conversation, String body,
                              List<MultipartFile> attachments, Instant now, boolean first) {
        Message message = write(family, conversation, AuthorKind.FAMILY, body, attachments, now);
        conversation.familyWrote(message, family.subject(), family.email(), nameOf(family));
        conversations.saveAndFlush(conversation);
        readMarks.readUpTo(conversation.getId(), family.subject(), message.getId(), now);
        Department department = conversation.getDepartment();
        outbox.publish(new MessageSent(conversation.getDossierNumber(), conversation.getId(), department.getCode(),
                department.getName(), conversation.getTheme().getName(), conversation.getSubject(), nameOf(family),
                first, now));
    }

    // ---- agents --------------------------------------------------------------------------------

    /** An agent of the conversation's service opens it; it becomes read for this agent. */
    @Transactional
    public ConversationDetails agentReads(PortalPrincipal agent, long id) {
        Conversation conversation = conversations.findById(id)
                .filter(c -> Catalogue.belongs(agent, c.getDepartment().getCode()))
                .orElseThrow(Conversations::notFound);
        readMarks.readUpTo(id, agent.subject(), conversation.lastMessageId(), clock.instant());
        return details(conversation, true);
    }

    /** The agent answers (with attachments): Répondu; the family is told by e-mail (MessageReplied, never the text). */
    @Transactional
    public ConversationDetails agentAnswers(PortalPrincipal agent, long id, String body,
                                            List<MultipartFile> attachments) {
        List<MultipartFile> sent = sentFiles(attachments);
        String cleanBody = MessageText.body("body", body);
        Conversation conversation = agentsLocked(agent, id);
        Instant now = clock.instant();
        Message message = write(agent, conversation, AuthorKind.AGENT, cleanBody, sent, now);
        conversation.agentWrote(message, agent.auditName(), nameOf(agent));
        conversations.saveAndFlush(conversation);
        readMarks.readUpTo(id, agent.subject(), message.getId(), now);
        List<FamilyContact> contacts = conversation.contactsLatestFirst();
        List<String> emails = contacts.stream().map(FamilyContact::getEmail).filter(Objects::nonNull).distinct().toList();
        outbox.publish(new MessageReplied(conversation.getDossierNumber(), id, conversation.getDepartment().getCode(),
                conversation.getDepartment().getName(), contacts.isEmpty() ? conversation.getFamilyName()
                : contacts.get(0).getName(), emails.isEmpty() ? null : emails.get(0), emails, now));
        return details(conversation, true);
    }

    /** The agent takes it: theirs (« Les miens »), En cours. */
    @Transactional
    public ConversationDetails take(PortalPrincipal agent, long id) {
        Conversation conversation = agentsLocked(agent, id);
        conversation.take(agent.auditName(), nameOf(agent), clock.instant());
        conversations.saveAndFlush(conversation);
        return details(conversation, true);
    }

    /** To another service with a note: the agent no longer reaches it, the new service's agents find it Nouveau. */
    @Transactional
    public ConversationDetails transfer(PortalPrincipal agent, long id, String serviceCode, Long themeId, String note) {
        String cleanNote = MessageText.body("note", note);
        Conversation conversation = agentsLocked(agent, id);
        Catalogue.Choice choice = catalogue.forTransfer(serviceCode, themeId, conversation.getDepartment().getCode(),
                conversation.getTheme().getName());
        conversation.transfer(choice.department(), choice.theme(), cleanNote, clock.instant(), nameOf(agent));
        conversations.saveAndFlush(conversation);
        return details(conversation, true);
    }

    /** Clos, until the family writes again. */
    @Transactional
    public ConversationDetails close(PortalPrincipal agent, long id) {
        Conversation conversation = agentsLocked(agent, id);
        conversation.close(clock.instant(), nameOf(agent));
        conversations.saveAndFlush(conversation);
        return details(conversation, true);
    }

    /** « Marquer comme non lu » for this agent (unread again: the family wrote in it). */
    @Transactional
    public void agentMarksUnread(PortalPrincipal agent, long id) {
        conversations.findById(id).filter(c -> Catalogue.belongs(agent, c.getDepartment().getCode()))
                .orElseThrow(Conversations::notFound);
        readMarks.forget(id, agent.subject());
    }

    /** An attachment of a conversation of the agent's services, to download. */
    @Transactional(readOnly = true)
    public FileDownload agentAttachment(PortalPrincipal agent, long id, long fileId) {
        conversations.findById(id).filter(c -> Catalogue.belongs(agent, c.getDepartment().getCode()))
                .orElseThrow(Conversations::notFound);
        return attachment(id, fileId);
    }

    private Conversation agentsLocked(PortalPrincipal agent, long id) {
        return conversations.lockById(id).filter(c -> Catalogue.belongs(agent, c.getDepartment().getCode()))
                .orElseThrow(Conversations::notFound);
    }

    // ---- shared --------------------------------------------------------------------------------

    private Message write(PortalPrincipal author, Conversation conversation, AuthorKind kind, String body,
                          List<MultipartFile> attachments, Instant now) {
        List<StoredFile> stored = new ArrayList<>();
        for (MultipartFile file : attachments) {
            stored.add(files.store(ATTACHMENTS, file, author));
        }
        return messages.saveAndFlush(new Message(conversation, kind, author.auditName(), nameOf(author),
                conversation.getDepartment().getCode(), body, now, stored));
    }

    /** The files really sent (a form's empty file input sends an empty part without a name); 400 beyond three. */
    private static List<MultipartFile> sentFiles(List<MultipartFile> attachments) {
        List<MultipartFile> sent = attachments == null ? List.of() : attachments.stream()
                .filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null
                        || f.getOriginalFilename().isBlank())))
                .toList();
        if (sent.size() > MessageText.ATTACHMENTS_MAX) {
            throw ApiProblem.invalidField(ATTACHMENTS, "attachments.too-many", MessageText.ATTACHMENTS_MAX,
                    sent.size());
        }
        return sent;
    }

    private FileDownload attachment(long conversationId, long fileId) {
        return files.read(messages.attachment(conversationId, fileId)
                .orElseThrow(() -> ApiProblem.notFound("piece-jointe-introuvable", "attachment.not-found")));
    }

    private static String nameOf(PortalPrincipal who) {
        String name = who.name() != null && !who.name().isBlank() ? who.name().strip() : who.auditName();
        return name.length() <= NAME_MAX ? name : name.substring(0, NAME_MAX);
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("conversation-introuvable", "conversation.not-found");
    }

    private ConversationDetails details(Conversation c, boolean asAgent) {
        Map<String, Department> services = catalogue.departmentsByCode();
        List<ConversationDetails.MessageDetails> shown = messages.findByConversationIdOrderByIdAsc(c.getId()).stream().map(m -> {
            String serviceName = nameOf(services, m.getServiceCode());
            String author = m.getAuthorName();
            if (!asAgent && m.getAuthorKind() == AuthorKind.AGENT) {
                author = properties.showAgentNames() ? serviceName + " (" + m.getAuthorName() + ")" : serviceName;
            }
            return new ConversationDetails.MessageDetails(m.getId(), m.getAuthorKind(),
                    asAgent ? m.getAuthorUsername() : null, author, m.getServiceCode(), serviceName, m.getBody(),
                    m.getSentAt(), m.getAttachments().stream()
                    .map(f -> new ConversationDetails.AttachmentDetails(f.getId(), f.getFileName(), f.getContentType(),
                            f.getSizeBytes())).toList());
        }).toList();
        List<ConversationDetails.StepDetails> steps = !asAgent ? List.of() : c.getSteps().stream()
                .map(s -> new ConversationDetails.StepDetails(s.getKind(), nameOf(services, s.getFromServiceCode()),
                        nameOf(services, s.getToServiceCode()), s.getNote(), s.getHappenedAt(), s.getByName()))
                .toList();
        return new ConversationDetails(c.getId(), c.getDossierNumber(), c.getFamilyName(),
                c.getDepartment().getCode(), c.getDepartment().getName(), c.getTheme().getId(), c.getTheme().getName(),
                c.getSubject(), c.getStatus(), asAgent ? c.getAssignedTo() : null,
                asAgent ? c.getAssignedName() : null, c.getCreatedAt(), c.getLastMessageAt(), shown, steps);
    }

    private static String nameOf(Map<String, Department> services, String code) {
        if (code == null) {
            return null;
        }
        Department department = services.get(code);
        return department == null ? code : department.getName();
    }
}
