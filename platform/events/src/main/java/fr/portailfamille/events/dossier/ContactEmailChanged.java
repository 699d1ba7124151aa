package fr.portailfamille.events.dossier;

import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;

/**
 * The dossier's contact e-mail changed (by the family online or by an agent): the <b>previous</b>
 * address is told, in case the change was not the family's (ContactDetailsChanged tells the new one).
 * The new address travels only masked ({@code maskedNewEmail}, « cl•••@g•••.fr »): the previous address
 * may no longer be the family's, and needs to learn that a change happened, not where its mails go now.
 *
 * @param changedByAgent true when an agent made the change (at the family's request, typically), false
 *                       when it was made from the family's space
 */
public record ContactEmailChanged(
        String dossierNumber,
        String familyName,
        String previousEmail,
        String maskedNewEmail,
        boolean changedByAgent) implements PortalEvent, MailRecipient {

    @Override
    public String subject() {
        return dossierNumber;
    }

    @Override
    public String recipientEmail() {
        return previousEmail;
    }

    @Override
    public String recipientName() {
        return familyName;
    }
}
