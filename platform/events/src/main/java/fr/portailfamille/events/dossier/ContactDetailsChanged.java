package fr.portailfamille.events.dossier;

import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;

/**
 * The contact details of a dossier changed (by the family or an agent). Carries the new details
 * so that other services and the e-mails use the new address; the family is told by e-mail at the
 * new address.
 */
public record ContactDetailsChanged(
        String dossierNumber,
        String familyName,
        String email,
        String phone,
        String previousEmail) implements PortalEvent, MailRecipient {

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
