package fr.portailfamille.messaging.inbox;

import fr.portailfamille.messaging.conversation.ConversationStatus;
import fr.portailfamille.platform.security.FamilyOnly;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Validated
public class InboxController {

    private final Inboxes inboxes;

    public InboxController(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    public record UnreadCount(long unread) {
    }

    @Operation(summary = "« Messages reçus » (box=RECEIVED) or « Messages envoyés » (box=SENT) of the family's dossier, newest first, paged")
    @GetMapping("/api/messaging/conversations")
    @FamilyOnly
    public Page<Inboxes.FamilyItem> family(PortalPrincipal family,
                                           @RequestParam(defaultValue = "RECEIVED") FamilyBox box,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return inboxes.family(family, box, page, size);
    }

    @Operation(summary = "How many of the dossier's conversations have an answer this account has not read (header)")
    @GetMapping("/api/messaging/unread-count")
    @FamilyOnly
    public UnreadCount familyUnread(PortalPrincipal family) {
        return new UnreadCount(inboxes.familyUnread(family));
    }

    @Operation(summary = "An agent's inbox: box UNASSIGNED|MINE|ALL, optional service, theme, status, q (dossier number or family name), paged")
    @GetMapping("/api/messaging/agent/conversations")
    @StaffOnly
    public Page<Inboxes.AgentItem> agent(PortalPrincipal agent,
                                         @RequestParam(required = false) String service,
                                         @RequestParam(defaultValue = "ALL") Box box,
                                         @RequestParam(required = false) Long theme,
                                         @RequestParam(required = false) ConversationStatus status,
                                         @RequestParam(name = "q", required = false) @Size(max = 100) String query,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return inboxes.agent(agent, new Inboxes.AgentQuery(service, box, theme, status, query, page, size));
    }

    @Operation(summary = "Each of the agent's services: conversations this agent has not read, open ones nobody took")
    @GetMapping("/api/messaging/agent/unread-counts")
    @StaffOnly
    public List<Inboxes.ServiceUnread> agentUnread(PortalPrincipal agent) {
        return inboxes.agentUnread(agent);
    }
}
