package fr.portailfamille.events.identity;

import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;

/** A family deleted its account (the dossier stays); the address it had is told. */
public record AccountDeleted(
        String username,
        String email,
        String firstName,
        String lastName,
        String dossierNumber) implements PortalEvent, MailRecipient {

    @Override
    public String subject() {
        return username;
    }

    @Override
    public String recipientEmail() {
        return email;
    }

    @Override
    public String recipientName() {
        return firstName + " " + lastName;
    }
}
