package fr.portailfamille.events.identity;

import java.time.Instant;

/**
 * A family asked to change its account's e-mail: the confirmation link goes to the new address
 * ({@code email} here), which becomes the account's only once the link is opened.
 */
public record EmailChangeRequested(
        String username,
        String email,
        String firstName,
        String lastName,
        String confirmationUrl,
        Instant expiresAt) implements AccountHolderEvent {
}
