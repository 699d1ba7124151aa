package fr.portailfamille.events.messaging;

import fr.portailfamille.events.PortalEvent;

import java.time.Instant;

/**
 * A family wrote to a service: a new conversation or an answer in one (a closed conversation reopens).
 * For the service's agents (notification-service's hourly digest of new messages): which conversation,
 * which service, which dossier and its « Objet »; <strong>never the message's body</strong> (it may be
 * sensitive: agents read it in the portal).
 *
 * @param conversationId  the conversation, at {@code /agent/messagerie/conversations/{id}} in the web app
 * @param serviceCode     the service written to, as in agents' {@code services} claim ({@code jeunesse})
 * @param serviceName     its name people read (« Service Jeunesse »)
 * @param themeName       the theme of the conversation (« Inscriptions »)
 * @param messageSubject  the conversation's « Objet », as the family typed it
 * @param familyName      the name of the family's account that wrote (« Claire DURAND »)
 * @param newConversation true for the first message of a conversation, false for an answer
 * @param sentAt          when it was written (UTC)
 */
public record MessageSent(
        String dossierNumber,
        long conversationId,
        String serviceCode,
        String serviceName,
        String themeName,
        String messageSubject,
        String familyName,
        boolean newConversation,
        Instant sentAt) implements PortalEvent {

    /** Keyed by the dossier, like every family's event, so that one family's events stay in order. */
    @Override
    public String subject() {
        return dossierNumber;
    }
}
