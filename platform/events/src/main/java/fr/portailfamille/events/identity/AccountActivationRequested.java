package fr.portailfamille.events.identity;

import java.time.Instant;

/**
 * A family registered (or asked the mail again): notification-service sends « Activez votre
 * compte » with the single-use link. The link holds the token in clear (it is stored only hashed
 * in identity-service): this event is the one place it travels, inside the platform's Kafka.
 */
public record AccountActivationRequested(
        String username,
        String email,
        String firstName,
        String lastName,
        String dossierNumber,
        String activationUrl,
        Instant expiresAt) implements AccountHolderEvent {
}
