package fr.portailfamille.identity.account;

import fr.portailfamille.events.identity.AccountActivationRequested;
import fr.portailfamille.events.identity.AccountLinkedToDossier;
import fr.portailfamille.identity.keycloak.KeycloakAccounts;
import fr.portailfamille.identity.ratelimit.RateLimits;
import fr.portailfamille.identity.token.SecureTokens;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Activation links: 48 hours, single use, only their hash kept; asking again revokes the previous
 * link and is limited to 3 mails an hour per account. Opening the link enables the Keycloak account
 * and tells the dossier's other account holders (AccountLinkedToDossier).
 */
@Service
public class ActivationService {

    static final Duration VALIDITY = Duration.ofHours(48);
    static final int MAILS_PER_HOUR = 3;

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final KeycloakAccounts keycloak;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final String portalUrl;
    private final RateLimits limits;

    public ActivationService(AccountRepository accounts, AccountTokenRepository tokens, KeycloakAccounts keycloak,
                             OutboxPublisher outbox, Clock clock, @Value("${portal.url}") String portalUrl,
                             RateLimits limits) {
        this.limits = limits;
        this.accounts = accounts;
        this.tokens = tokens;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    /** A new link for an account awaiting activation, e-mailed through AccountActivationRequested. */
    @Transactional
    public void sendLink(Account account) {
        Instant now = clock.instant();
        limits.acquire("activation-mail:" + account.getId(), MAILS_PER_HOUR, Duration.ofHours(1), "activation.too-many");
        tokens.findByAccountIdAndPurpose(account.getId(), AccountToken.Purpose.ACTIVATION).forEach(t -> t.revoke(now));
        String token = SecureTokens.generate();
        Instant expiresAt = now.plus(VALIDITY);
        tokens.save(new AccountToken(account, AccountToken.Purpose.ACTIVATION, SecureTokens.hash(token), now, expiresAt));
        outbox.publish(new AccountActivationRequested(account.getUsername(), account.getEmail(), account.getFirstName(),
                account.getLastName(), account.getDossierNumber(), portalUrl + "/activation/" + token, expiresAt));
    }

    @Transactional
    public void resend(long accountId) {
        Account account = accounts.findById(accountId)
                .filter(a -> a.getStatus() == Account.Status.PENDING_ACTIVATION)
                .orElseThrow(() -> ApiProblem.conflict("compte-deja-actif", "activation.already-active"));
        sendLink(account);
    }

    /**
     * Enables the account of a valid link and uses the link up. An unknown, expired, revoked or used
     * link gets the same 410. If Keycloak fails, the link stays usable (the transaction rolls back).
     */
    @Transactional
    public Account activate(String token) {
        Instant now = clock.instant();
        AccountToken link = tokens.findByTokenHashAndPurpose(SecureTokens.hash(token), AccountToken.Purpose.ACTIVATION)
                .filter(t -> t.usableAt(now))
                .orElseThrow(() -> new ApiProblem(HttpStatus.GONE, "lien-expire", "link.expired"));
        Account account = link.getAccount();
        link.use(now);
        account.activate(now);
        tokens.flush();
        keycloak.enable(account.getKeycloakUserId());
        // A second guardian's account: whoever already held the dossier is told.
        keycloak.enabledOfDossier(account.getDossierNumber()).stream()
                .filter(holder -> !holder.getId().equals(account.getKeycloakUserId()))
                .forEach(holder -> outbox.publish(new AccountLinkedToDossier(holder.getUsername(), holder.getEmail(),
                        holder.getFirstName(), holder.getLastName(), account.getDossierNumber(),
                        account.getFirstName() + " " + account.getLastName())));
        return account;
    }
}
