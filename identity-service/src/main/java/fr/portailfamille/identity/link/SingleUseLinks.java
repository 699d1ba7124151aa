package fr.portailfamille.identity.link;

import fr.portailfamille.identity.token.SecureTokens;
import fr.portailfamille.platform.text.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Issues and checks single-use links for every feature. Issuing retires the older links of the same
 * purpose and user (only the newest works); the token is returned in clear once, only its SHA-256 is
 * stored. A link that cannot be used gets the one {@link LinkExpiredException}.
 */
@Service
public class SingleUseLinks {

    private final SingleUseLinkRepository links;
    private final Clock clock;

    public SingleUseLinks(SingleUseLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** A new link for {@code keycloakUserId}, mailed to {@code sentTo}; the older ones of the same purpose stop working. */
    @Transactional
    public IssuedLink issue(LinkPurpose purpose, String keycloakUserId, String sentTo) {
        Instant now = clock.instant();
        links.findByPurposeAndKeycloakUserIdAndUsedAtIsNullAndRetiredAtIsNull(purpose, keycloakUserId)
                .forEach(older -> older.retire(now));
        String token = SecureTokens.generate();
        SingleUseLink link = links.save(new SingleUseLink(purpose, keycloakUserId, sentTo, Sha256.hex(token), now));
        return new IssuedLink(token, link.getExpiresAt());
    }

    /**
     * Uses up the link of {@code token} and returns it, or answers the 410 if it cannot be used.
     * Runs in the caller's transaction, its row locked until the end: if what the caller does next
     * fails (a password refused, Keycloak down), everything rolls back and the link works again; two
     * requests with the same link never both succeed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SingleUseLink consume(LinkPurpose purpose, String token) {
        Instant now = clock.instant();
        SingleUseLink link = links.findByPurposeAndTokenHash(purpose, Sha256.hex(token))
                .filter(found -> found.usableAt(now))
                .orElseThrow(LinkExpiredException::new);
        link.use(now);
        links.flush();
        return link;
    }

    /**
     * The pending links of {@code purposes} for {@code keycloakUserId} stop working (used ones stay used):
     * proving who one is in one way retires what was sent for another, see the package's documentation.
     * Runs in the caller's transaction: if what it does then fails, the links work again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void retirePending(String keycloakUserId, LinkPurpose... purposes) {
        Instant now = clock.instant();
        for (LinkPurpose purpose : purposes) {
            links.findByPurposeAndKeycloakUserIdAndUsedAtIsNullAndRetiredAtIsNull(purpose, keycloakUserId)
                    .forEach(pending -> pending.retire(now));
        }
        links.flush();
    }

    /** An account deleted for good leaves no link behind. */
    @Transactional
    public void forget(String keycloakUserId) {
        links.deleteByKeycloakUserId(keycloakUserId);
    }
}
