package fr.portailfamille.dossier.linking;

import fr.portailfamille.dossier.dossier.AccessKeys;
import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.dossier.dossier.DossierRepository;
import fr.portailfamille.dossier.dossier.LinkingLocks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Proves that whoever registers holds the family's invoice: dossier number + access key + family
 * name. The answer is only match or no match, never which part was wrong. Five failures within an
 * hour lock the dossier's online linking for an hour from the last failure (even the right key then
 * gets no match, and the lock is told so that the page can say it); agents see the lock.
 */
@Service
public class DossierLinking implements LinkingLocks {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofHours(1);

    private final DossierRepository dossiers;
    private final LinkAttemptRepository attempts;
    private final AccessKeys keys;
    private final Clock clock;

    public DossierLinking(DossierRepository dossiers, LinkAttemptRepository attempts, AccessKeys keys, Clock clock) {
        this.dossiers = dossiers;
        this.attempts = attempts;
        this.keys = keys;
        this.clock = clock;
    }

    /** @param lockedUntil set when linking is locked, the time it opens again (UTC) */
    public record Verification(boolean match, Instant lockedUntil) {
    }

    @Transactional
    public Verification verify(String number, String accessKey, String familyName) {
        Optional<Dossier> found = dossiers.findByNumber(number == null ? "" : number.trim());
        if (found.isEmpty()) {
            return new Verification(false, null);
        }
        Dossier dossier = found.get();
        // PostgreSQL keeps microseconds: the same instant whether read back or still in memory.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Instant> lock = lockedUntil(dossier, now);
        if (lock.isPresent()) {
            return new Verification(false, lock.get());
        }
        boolean match = keys.matches(accessKey, dossier.getAccessKeyHash())
                && FamilyNames.same(familyName, dossier.getFamilyName());
        attempts.save(new LinkAttempt(dossier.getId(), now, match));
        return new Verification(match, match ? null : lockedUntil(dossier, now).orElse(null));
    }

    /** When the dossier's linking opens again, if it is locked now. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(Dossier dossier, Instant now) {
        List<LinkAttempt> failures = attempts
                .findByDossierIdAndSucceededFalseAndAttemptedAtAfterOrderByAttemptedAtDesc(dossier.getId(), now.minus(WINDOW));
        if (failures.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant until = failures.get(0).getAttemptedAt().plus(WINDOW);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
