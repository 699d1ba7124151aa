package fr.portailfamille.events.dossier;

import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;

/**
 * A request changed status (taken, accepted, refused, cancelled); the family is e-mailed at the
 * dossier's address with the agent's comment.
 */
public record RequestStatusChanged(
        String dossierNumber,
        long requestId,
        String requestType,
        String requestTypeLabel,
        String status,
        String statusLabel,
        String comment,
        String familyName,
        String email) implements PortalEvent, MailRecipient {

    @Override
    public String subject() {
        return dossierNumber;
    }

    @Override
    public String recipientEmail() {
        return email;
    }

    @Override
    public String recipientName() {
        return familyName;
    }
}
