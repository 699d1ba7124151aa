package fr.portailfamille.dossier.dossier;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether online linking of a dossier is locked (too many wrong access keys), which agents see on
 * the dossier. Implemented by the {@code linking} package, which depends on this one and not the
 * other way round.
 */
public interface LinkingLocks {

    /** When the dossier's linking opens again, if it is locked at {@code now}. */
    Optional<Instant> lockedUntil(Dossier dossier, Instant now);
}
