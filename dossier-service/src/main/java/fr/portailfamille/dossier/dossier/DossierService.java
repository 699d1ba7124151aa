package fr.portailfamille.dossier.dossier;

import fr.portailfamille.dossier.contactdetails.PhoneNumbers;
import fr.portailfamille.events.dossier.DossierCreated;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(DossierService.class);

    private final DossierRepository dossiers;
    private final OutboxPublisher outbox;
    private final AccessKeys accessKeys;
    private final AccessKeyCipher accessKeyCipher;
    private final LinkingLocks linkingLocks;
    private final Clock clock;

    public DossierService(DossierRepository dossiers, OutboxPublisher outbox, AccessKeys accessKeys,
                          AccessKeyCipher accessKeyCipher, LinkingLocks linkingLocks, Clock clock) {
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.accessKeys = accessKeys;
        this.accessKeyCipher = accessKeyCipher;
        this.linkingLocks = linkingLocks;
        this.clock = clock;
    }

    /**
     * A dossier and its new access key, in clear this once for the agent (it is stored hashed, and
     * encrypted for billing-service only).
     */
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
        String accessKey = giveNewAccessKey(dossier);
        dossiers.saveAndFlush(dossier);
        outbox.publish(new DossierCreated(dossier.getNumber(), dossier.getFamilyName(), dossier.getEmail()));
        return new Created(dossier, accessKey);
    }

    /**
     * An agent replaces the dossier's access key (lost, or made before keys were kept for invoices):
     * hash and ciphertext change together, the old key stops proving the dossier at once. Nothing is
     * published: the key must never travel on Kafka (ADR 004).
     */
    @Transactional
    public Created issueNewAccessKey(PortalPrincipal agent, String number) {
        Dossier dossier = reachable(agent, number);
        String accessKey = giveNewAccessKey(dossier);
        dossiers.saveAndFlush(dossier);
        log.info("New access key issued for dossier {} by {}", number, agent.auditName());
        return new Created(dossier, accessKey);
    }

    private String giveNewAccessKey(Dossier dossier) {
        String accessKey = accessKeys.generate();
        dossier.replaceAccessKey(accessKeys.hash(accessKey), accessKeyCipher.encrypt(dossier.getNumber(), accessKey));
        return accessKey;
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
