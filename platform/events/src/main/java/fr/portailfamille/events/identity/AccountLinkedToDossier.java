package fr.portailfamille.events.identity;

import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;

/**
 * A new account (a second guardian's, typically) was linked to a dossier that already had one:
 * the existing holder is told, so that a link nobody expected does not go unnoticed. One event per
 * existing holder.
 */
public record AccountLinkedToDossier(
        String holderUsername,
        String holderEmail,
        String holderFirstName,
        String holderLastName,
        String dossierNumber,
        String newAccountName) implements PortalEvent, MailRecipient {

    @Override
    public String subject() {
        return holderUsername;
    }

    @Override
    public String recipientEmail() {
        return holderEmail;
    }

    @Override
    public String recipientName() {
        return holderFirstName + " " + holderLastName;
    }
}
