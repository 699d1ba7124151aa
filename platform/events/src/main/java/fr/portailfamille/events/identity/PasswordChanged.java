package fr.portailfamille.events.identity;

import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;

/** An account's password was changed (through a reset link); every session of it was ended. */
public record PasswordChanged(
        String username,
        String email,
        String firstName,
        String lastName) implements PortalEvent, MailRecipient {

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
