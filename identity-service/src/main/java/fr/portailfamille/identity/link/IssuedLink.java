package fr.portailfamille.identity.link;

import java.time.Instant;

/** A link just issued: its token in clear (to put in the mail, never stored) and its expiry. */
public record IssuedLink(String token, Instant expiresAt) {
}
