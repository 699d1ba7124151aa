package fr.portailfamille.events.identity;

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
        Instant expiresAt) implements AccountHolderEvent {
}
