package fr.portailfamille.messaging.conversation;

import fr.portailfamille.messaging.conversation.ConversationController.ConversationView;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
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

import java.util.List;

/** The agents' side of a conversation of their services: read, answer, take, transfer, close, download. */
@RestController
@StaffOnly
public class AgentConversationController {

    static final String AGENT_PATH = "/api/messaging/agent/conversations";

    private final Conversations conversations;

    public AgentConversationController(Conversations conversations) {
        this.conversations = conversations;
    }

    private static ConversationView view(ConversationDetails details) {
        return ConversationView.of(details, AGENT_PATH, true);
    }

    @Operation(summary = "A conversation of one of the agent's services, with its handling steps; it becomes read for this agent")
    @GetMapping(AGENT_PATH + "/{id}")
    public ConversationView read(PortalPrincipal agent, @PathVariable long id) {
        return view(conversations.agentReads(agent, id));
    }

    @Operation(summary = "Answer the family (JSON): Répondu; the family is e-mailed that an answer is waiting")
    @PostMapping(path = AGENT_PATH + "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ConversationView answer(PortalPrincipal agent, @PathVariable long id, @Valid @RequestBody NewMessage body) {
        return view(conversations.agentAnswers(agent, id, body.body(), List.of()));
    }

    @Operation(summary = "Answer the family with attachments (multipart: body, attachments ×3)")
    @PostMapping(path = AGENT_PATH + "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ConversationView answerWithAttachments(PortalPrincipal agent, @PathVariable long id,
                                                  @Valid @ModelAttribute NewMessage body,
                                                  @RequestParam(name = "attachments", required = false)
                                                  List<MultipartFile> attachments) {
        return view(conversations.agentAnswers(agent, id, body.body(), attachments));
    }

    @Operation(summary = "Take the conversation (« Les miens »): En cours")
    @PostMapping(AGENT_PATH + "/{id}/take")
    public ConversationView take(PortalPrincipal agent, @PathVariable long id) {
        return view(conversations.take(agent, id));
    }

    @Operation(summary = "Transfer to another service with a note for its agents; the family sees the new service")
    @PostMapping(AGENT_PATH + "/{id}/transfer")
    public ConversationView transfer(PortalPrincipal agent, @PathVariable long id, @Valid @RequestBody Transfer body) {
        return view(conversations.transfer(agent, id, body.service(), body.theme(), body.note()));
    }

    @Operation(summary = "Close the conversation (the family's next message reopens it)")
    @PostMapping(AGENT_PATH + "/{id}/close")
    public ConversationView close(PortalPrincipal agent, @PathVariable long id) {
        return view(conversations.close(agent, id));
    }

    @Operation(summary = "« Marquer comme non lu » for this agent")
    @PostMapping(AGENT_PATH + "/{id}/unread")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void markUnread(PortalPrincipal agent, @PathVariable long id) {
        conversations.agentMarksUnread(agent, id);
    }

    @Operation(summary = "Download an attachment of a conversation of the agent's services")
    @GetMapping(AGENT_PATH + "/{id}/attachments/{fileId}")
    public ResponseEntity<byte[]> attachment(PortalPrincipal agent, @PathVariable long id, @PathVariable long fileId) {
        return conversations.agentAttachment(agent, id, fileId).asAttachment();
    }
}
