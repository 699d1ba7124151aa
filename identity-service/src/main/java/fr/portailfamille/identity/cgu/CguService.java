package fr.portailfamille.identity.cgu;

import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The terms of use (CGU): the version in force (the newest published), publishing a new one (each
 * family then accepts it at its next visit), and who accepted which version, when and from where.
 * Only the version in force can be accepted.
 */
@Service
public class CguService {

    private final CguRepository versions;
    private final CguAcceptanceRepository acceptances;
    private final Clock clock;

    public CguService(CguRepository versions, CguAcceptanceRepository acceptances, Clock clock) {
        this.versions = versions;
        this.acceptances = acceptances;
        this.clock = clock;
    }

    /** The terms in force now; 404 if none was ever published. */
    @Transactional(readOnly = true)
    public CguVersion current() {
        return versions.findFirstByPublishedAtLessThanEqualOrderByPublishedAtDesc(clock.instant())
                .orElseThrow(() -> ApiProblem.notFound("cgu-introuvables", "cgu.none"));
    }

    /** 409 unless {@code version} is the one in force (the page showed an older one). */
    @Transactional(readOnly = true)
    public void requireCurrent(String version) {
        if (!current().getVersion().equals(version)) {
            throw ApiProblem.conflict("cgu-perimees", "registration.cgu.outdated");
        }
    }

    /** A new version, in force from now on; 409 if the version number exists. */
    @Transactional
    public CguVersion publish(String version, String title, String text) {
        if (versions.existsById(version)) {
            throw ApiProblem.conflict("version-existante", "cgu.duplicate", version);
        }
        return versions.saveAndFlush(new CguVersion(version, title.strip(), text.strip(), clock.instant()));
    }

    /** A user accepts the version in force now (once: accepting it again changes nothing). */
    @Transactional
    public void accept(String keycloakUserId, String version, String ip) {
        requireCurrent(version);
        if (!acceptances.existsByKeycloakUserIdAndVersion(keycloakUserId, version)) {
            acceptances.saveAndFlush(new CguAcceptance(keycloakUserId, version, clock.instant(), ip));
        }
    }

    /** An acceptance made before the account existed (registration's step 3), recorded with its own time. */
    @Transactional
    public void recordAcceptance(String keycloakUserId, String version, Instant acceptedAt, String ip) {
        acceptances.save(new CguAcceptance(keycloakUserId, version, acceptedAt, ip));
    }

    /**
     * The gate of issue 13, item 10: whether a family must accept the version in force before using
     * the portal's other APIs (the gateway asks, see docs/adr/008-cgu-gate.md). Staff never do, and
     * nobody does while no version was ever published. No call to Keycloak: it is asked on every
     * family's first call, then every few minutes.
     */
    @Transactional(readOnly = true)
    public GateAnswer gate(String keycloakUserId, boolean family) {
        Optional<CguVersion> inForce = versions.findFirstByPublishedAtLessThanEqualOrderByPublishedAtDesc(clock.instant());
        if (inForce.isEmpty()) {
            return new GateAnswer(false, null);
        }
        String version = inForce.get().getVersion();
        return new GateAnswer(family && !acceptances.existsByKeycloakUserIdAndVersion(keycloakUserId, version), version);
    }

    /** {@code mustAccept}: the version in force ({@code currentVersion}) is still to accept. */
    public record GateAnswer(boolean mustAccept, String currentVersion) {
    }

    /** Whether the user has not accepted the version in force yet (then it sees only the new CGU). */
    @Transactional(readOnly = true)
    public boolean mustAccept(String keycloakUserId) {
        return !acceptances.existsByKeycloakUserIdAndVersion(keycloakUserId, current().getVersion());
    }

    /** The user's latest acceptance, if any. */
    @Transactional(readOnly = true)
    public Optional<CguAcceptance> lastAccepted(String keycloakUserId) {
        return acceptances.findFirstByKeycloakUserIdOrderByAcceptedAtDesc(keycloakUserId);
    }

    /** The account is deleted: its acceptances go with it. */
    @Transactional
    public void forget(String keycloakUserId) {
        acceptances.deleteByKeycloakUserId(keycloakUserId);
    }
}
