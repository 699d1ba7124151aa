package fr.portailfamille.identity.email;

import fr.portailfamille.events.identity.EmailChangeRequested;
import fr.portailfamille.events.identity.EmailChanged;
import fr.portailfamille.identity.account.AccountRepository;
import fr.portailfamille.identity.keycloak.KeycloakAccounts;
import fr.portailfamille.identity.ratelimit.RateLimits;
import fr.portailfamille.identity.token.SecureTokens;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Changing the e-mail of an account: asked with the current password, proven by a 24-hour
 * single-use link sent to the new address, applied in Keycloak only then; the old address is told.
 * At most 3 requests an hour per account.
 */
@Service
public class EmailChangeService {

    static final Duration VALIDITY = Duration.ofHours(24);
    static final int PER_HOUR = 3;

    private final EmailChangeRepository changes;
    private final AccountRepository accounts;
    private final KeycloakAccounts keycloak;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final String portalUrl;
    private final RateLimits limits;

    public EmailChangeService(EmailChangeRepository changes, AccountRepository accounts, KeycloakAccounts keycloak,
                              OutboxPublisher outbox, Clock clock, @Value("${portal.url}") String portalUrl,
                              RateLimits limits) {
        this.limits = limits;
        this.accounts = accounts;
        this.changes = changes;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    @Transactional
    public void request(PortalPrincipal me, String typedEmail, String currentPassword) {
        UserRepresentation user = keycloak.find(me.subject())
                .orElseThrow(() -> ApiProblem.notFound("compte-introuvable", "account.none"));
        String newEmail = typedEmail.strip().toLowerCase(Locale.ROOT);
        if (newEmail.equalsIgnoreCase(user.getEmail())) {
            throw ApiProblem.invalidField("newEmail", "email.same");
        }
        if (!keycloak.passwordMatches(user.getUsername(), currentPassword)) {
            throw ApiProblem.invalidField("currentPassword", "account.current-password");
        }
        Instant now = clock.instant();
        limits.acquire("email-change:" + user.getId(), PER_HOUR, Duration.ofHours(1), "email.too-many");
        changes.retireAll(user.getId(), now);
        String token = SecureTokens.generate();
        Instant expiresAt = now.plus(VALIDITY);
        changes.save(new EmailChange(user.getId(), user.getEmail(), newEmail, SecureTokens.hash(token), now, expiresAt));
        outbox.publish(new EmailChangeRequested(user.getUsername(), newEmail, user.getFirstName(), user.getLastName(),
                portalUrl + "/confirmation-e-mail/" + token, expiresAt));
    }

    /** The new address opened its link: it becomes the account's (and is verified). */
    @Transactional
    public String confirm(String token) {
        Instant now = clock.instant();
        EmailChange change = changes.findByTokenHash(SecureTokens.hash(token)).filter(c -> c.usableAt(now))
                .orElseThrow(() -> new ApiProblem(HttpStatus.GONE, "lien-expire", "link.expired"));
        UserRepresentation user = keycloak.find(change.getKeycloakUserId())
                .orElseThrow(() -> new ApiProblem(HttpStatus.GONE, "lien-expire", "link.expired"));
        change.use(now);
        changes.flush();
        if (!keycloak.changeEmail(user.getId(), change.getNewEmail())) {
            throw ApiProblem.conflict("adresse-utilisee", "email.taken");
        }
        accounts.changeEmail(user.getId(), change.getNewEmail());
        outbox.publish(new EmailChanged(user.getUsername(), change.getOldEmail(), user.getFirstName(),
                user.getLastName(), change.getNewEmail()));
        return change.getNewEmail();
    }
}
