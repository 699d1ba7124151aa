package fr.portailfamille.dossier.dossier;

import fr.portailfamille.dossier.contactdetails.PhoneNumbers;
import fr.portailfamille.events.dossier.DossierCreated;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Dossiers and their contact details. A family reaches only the dossier of its token; for another
 * number it gets the same 404 as for a number that does not exist, so it learns nothing.
 */
@Service
public class DossierService {

    private final DossierRepository dossiers;
    private final OutboxPublisher outbox;
    private final AccessKeys accessKeys;
    private final LinkingLocks linkingLocks;
    private final Clock clock;

    public DossierService(DossierRepository dossiers, OutboxPublisher outbox, AccessKeys accessKeys,
                          LinkingLocks linkingLocks, Clock clock) {
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.accessKeys = accessKeys;
        this.linkingLocks = linkingLocks;
        this.clock = clock;
    }

    /** A new dossier and its access key, in clear this once (it is stored hashed). */
    public record Created(Dossier dossier, String accessKey) {
    }

    /** A dossier as its caller sees it: {@code linkingLockedUntil} is set for staff only, while linking is locked. */
    public record Seen(Dossier dossier, Instant linkingLockedUntil) {
    }

    @Transactional
    public Created create(NewDossier request) {
        if (dossiers.existsByNumber(request.number())) {
            throw ApiProblem.conflict("dossier-existant", "dossier.duplicate", request.number());
        }
        Dossier dossier = new Dossier(request.number(), request.familyName().trim(), request.email().trim(),
                PhoneNumbers.normalise(request.phone()));
        String accessKey = accessKeys.generate();
        dossier.setAccessKeyHash(accessKeys.hash(accessKey));
        dossiers.saveAndFlush(dossier);
        outbox.publish(new DossierCreated(dossier.getNumber(), dossier.getFamilyName(), dossier.getEmail()));
        return new Created(dossier, accessKey);
    }

    @Transactional(readOnly = true)
    public Dossier get(PortalPrincipal caller, String number) {
        return reachable(caller, number);
    }

    /** The dossier for its page: agents also learn whether online linking is locked, and until when. */
    @Transactional(readOnly = true)
    public Seen view(PortalPrincipal caller, String number) {
        Dossier dossier = reachable(caller, number);
        Instant lockedUntil = caller.isStaff() ? linkingLocks.lockedUntil(dossier, clock.instant()).orElse(null) : null;
        return new Seen(dossier, lockedUntil);
    }

    /** A dossier by number, for what other services tell (no caller: an event, not a person). */
    @Transactional(readOnly = true)
    public Optional<Dossier> find(String number) {
        return dossiers.findByNumber(number);
    }

    private Dossier reachable(PortalPrincipal caller, String number) {
        if (!caller.mayReachDossier(number)) {
            throw ApiProblem.notFound("dossier-introuvable", "dossier.not-found", number);
        }
        return dossiers.findByNumber(number)
                .orElseThrow(() -> ApiProblem.notFound("dossier-introuvable", "dossier.not-found", number));
    }
}
