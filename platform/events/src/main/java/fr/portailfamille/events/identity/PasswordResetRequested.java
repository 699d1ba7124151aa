package fr.portailfamille.events.identity;

import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;

import java.time.Instant;

/**
 * Someone asked « mot de passe oublié » for an existing account: the mail carries a single-use link
 * of one hour (never a password). Nothing is sent, and no event exists, for an unknown address.
 */
public record PasswordResetRequested(
        String username,
        String email,
        String firstName,
        String lastName,
        String resetUrl,
        Instant expiresAt) implements PortalEvent, MailRecipient {

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
