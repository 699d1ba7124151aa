package fr.portailfamille.messaging.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A conversation as one reader sees it, read in its transaction. For a family: messages signed by the
 * service (an agent's name only when {@code portal.messaging.show-agent-names}), no usernames, no
 * assignment, no handling steps; for an agent, everything.
 */
public record ConversationDetails(
        long id,
        String dossierNumber,
        String familyName,
        String serviceCode,
        String serviceName,
        long themeId,
        String themeName,
        String subject,
        ConversationStatus status,
        String assignedTo,
        String assignedName,
        Instant createdAt,
        Instant lastMessageAt,
        List<MessageDetails> messages,
        List<StepDetails> steps) {

    public record MessageDetails(long id, AuthorKind authorKind, String authorUsername, String authorName,
                                 String serviceCode, String serviceName, String body, Instant sentAt,
                                 List<AttachmentDetails> attachments) {
    }

    public record AttachmentDetails(long id, String fileName, String contentType, long size) {
    }

    public record StepDetails(ConversationStep.Kind kind, String fromServiceName, String toServiceName, String note,
                              Instant happenedAt, String byName) {
    }
}
