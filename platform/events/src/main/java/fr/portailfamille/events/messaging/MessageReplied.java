package fr.portailfamille.events.messaging;

import fr.portailfamille.events.FamilyEvent;

import java.time.Instant;
import java.util.List;

/**
 * A service's agent answered a family's conversation. The family is e-mailed « Vous avez reçu une
 * réponse du Service Jeunesse » with a link to the conversation, <strong>never the answer's content</strong>
 * (it may be sensitive), nor its « Objet ».
 *
 * <p>Addresses: messaging-service knows the e-mail of each family account that wrote in the
 * conversation (the token's {@code email} claim at each of its messages; the latest one per account).
 * {@code email} is the address of the account that wrote last (the one {@link FamilyEvent} mails),
 * {@code emails} every known address, that one first; both empty/null when none is known.
 *
 * @param conversationId the conversation, at {@code /messagerie/conversations/{id}} in the web app
 * @param serviceCode    the answering service ({@code jeunesse})
 * @param serviceName    its name people read (« Service Jeunesse »)
 * @param familyName     the name of the account that wrote last (« Claire DURAND »)
 * @param repliedAt      when the agent answered (UTC)
 */
public record MessageReplied(
        String dossierNumber,
        long conversationId,
        String serviceCode,
        String serviceName,
        String familyName,
        String email,
        List<String> emails,
        Instant repliedAt) implements FamilyEvent {

    public MessageReplied {
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
