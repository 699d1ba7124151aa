package fr.portailfamille.messaging.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.portailfamille.platform.security.FamilyOnly;
import fr.portailfamille.platform.security.PortalPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.util.List;

/** The family's side of a conversation: write, answer, read, download. Listings are in {@code inbox}. */
@RestController
public class ConversationController {

    static final String FAMILY_PATH = "/api/messaging/conversations";

    private final Conversations conversations;

    public ConversationController(Conversations conversations) {
        this.conversations = conversations;
    }

    /** A conversation as JSON: enum names with their French labels beside them; what a family must not see is absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversationView(long id, String dossierNumber, String familyName, String serviceCode,
                                   String serviceName, long themeId, String themeName, String subject,
                                   ConversationStatus status, String statusLabel, String assignedTo,
                                   String assignedName, Instant createdAt, Instant lastMessageAt,
                                   List<MessageView> messages, List<StepView> steps) {

        /** {@code basePath}: where this reader's conversations are ({@link #FAMILY_PATH} or the agents'). */
        static ConversationView of(ConversationDetails c, String basePath, boolean asAgent) {
            String base = basePath + "/" + c.id();
            List<MessageView> messages = c.messages().stream().map(m -> new MessageView(m.id(),
                    m.authorKind() == AuthorKind.FAMILY ? "FAMILY" : "SERVICE", m.authorName(), m.authorUsername(),
                    m.serviceCode(), m.serviceName(), m.body(), m.sentAt(), m.attachments().stream()
                    .map(a -> new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(),
                            base + "/attachments/" + a.id())).toList())).toList();
            List<StepView> steps = !asAgent ? null : c.steps().stream().map(s -> new StepView(s.kind(),
                    s.kind().label(), s.fromServiceName(), s.toServiceName(), s.note(), s.happenedAt(), s.byName()))
                    .toList();
            return new ConversationView(c.id(), c.dossierNumber(), asAgent ? c.familyName() : null, c.serviceCode(),
                    c.serviceName(), c.themeId(), c.themeName(), c.subject(), c.status(), c.status().label(),
                    c.assignedTo(), c.assignedName(), c.createdAt(), c.lastMessageAt(), messages, steps);
        }
    }

    /** {@code from}: FAMILY or SERVICE; {@code authorName}: for families, the service's name (README). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageView(long id, String from, String authorName, String authorUsername, String serviceCode,
                              String serviceName, String body, Instant sentAt, List<AttachmentView> attachments) {
    }

    public record AttachmentView(long id, String fileName, String contentType, long size, String downloadUrl) {
    }

    public record StepView(ConversationStep.Kind kind, String kindLabel, String fromServiceName, String toServiceName,
                           String note, Instant happenedAt, String byName) {
    }

    private static ConversationView view(ConversationDetails details) {
        return ConversationView.of(details, FAMILY_PATH, false);
    }

    @Operation(summary = "« Envoyer un message »: a new conversation of the family's dossier (JSON, no attachment)")
    @PostMapping(path = FAMILY_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @FamilyOnly
    public ConversationView start(PortalPrincipal family, @Valid @RequestBody NewConversation body) {
        return view(conversations.start(family, body.service(), body.theme(), body.subject(), body.body(), List.of()));
    }

    @Operation(summary = "« Envoyer un message » with attachments (multipart: service, theme, subject, body, attachments ×3)")
    @PostMapping(path = FAMILY_PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @FamilyOnly
    public ConversationView startWithAttachments(PortalPrincipal family, @Valid @ModelAttribute NewConversation body,
                                                 @RequestParam(name = "attachments", required = false)
                                                 List<MultipartFile> attachments) {
        return view(conversations.start(family, body.service(), body.theme(), body.subject(), body.body(),
                attachments));
    }

    @Operation(summary = "A conversation of the family's dossier with every message; it becomes read for this account")
    @GetMapping(FAMILY_PATH + "/{id}")
    @FamilyOnly
    public ConversationView read(PortalPrincipal family, @PathVariable long id) {
        return view(conversations.familyReads(family, id));
    }

    @Operation(summary = "Answer in the conversation (JSON); a closed conversation reopens")
    @PostMapping(path = FAMILY_PATH + "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @FamilyOnly
    public ConversationView answer(PortalPrincipal family, @PathVariable long id,
                                   @Valid @RequestBody NewMessage body) {
        return view(conversations.familyAnswers(family, id, body.body(), List.of()));
    }

    @Operation(summary = "Answer with attachments (multipart: body, attachments ×3); a closed conversation reopens")
    @PostMapping(path = FAMILY_PATH + "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @FamilyOnly
    public ConversationView answerWithAttachments(PortalPrincipal family, @PathVariable long id,
                                                  @Valid @ModelAttribute NewMessage body,
                                                  @RequestParam(name = "attachments", required = false)
                                                  List<MultipartFile> attachments) {
        return view(conversations.familyAnswers(family, id, body.body(), attachments));
    }

    @Operation(summary = "« Marquer comme non lu » for this account")
    @PostMapping(FAMILY_PATH + "/{id}/unread")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @FamilyOnly
    public void markUnread(PortalPrincipal family, @PathVariable long id) {
        conversations.familyMarksUnread(family, id);
    }

    @Operation(summary = "Download an attachment of the family's conversation (always as an attachment, nosniff)")
    @GetMapping(FAMILY_PATH + "/{id}/attachments/{fileId}")
    @FamilyOnly
    public ResponseEntity<byte[]> attachment(PortalPrincipal family, @PathVariable long id, @PathVariable long fileId) {
        return conversations.familyAttachment(family, id, fileId).asAttachment();
    }
}
