package fr.portailfamille.identity.account;

import fr.portailfamille.events.identity.AccountActivationRequested;
import fr.portailfamille.events.identity.AccountLinkedToDossier;
import fr.portailfamille.events.identity.FirstAccountLinkedToDossier;
import fr.portailfamille.identity.keycloak.KeycloakAccounts;
import fr.portailfamille.identity.link.IssuedLink;
import fr.portailfamille.identity.link.LinkExpiredException;
import fr.portailfamille.identity.link.LinkPurpose;
import fr.portailfamille.identity.link.SingleUseLink;
import fr.portailfamille.identity.link.SingleUseLinks;
import fr.portailfamille.identity.ratelimit.RateLimits;
import fr.portailfamille.platform.branding.Branding;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;

/**
 * Activation links ({@link LinkPurpose#ACTIVATION}: 48 hours, single use, only their hash kept);
 * asking again retires the previous link and is limited to 3 mails an hour per account. Opening the
 * link enables the Keycloak account and tells the dossier's other account holders
 * (AccountLinkedToDossier), or, when there is none, dossier-service, which tells the dossier's recorded
 * e-mail (FirstAccountLinkedToDossier).
 */
@Service
public class ActivationService {

    static final int MAILS_PER_HOUR = 3;

    private final AccountRepository accounts;
    private final SingleUseLinks links;
    private final KeycloakAccounts keycloak;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final String portalUrl;
    private final RateLimits limits;

    public ActivationService(AccountRepository accounts, SingleUseLinks links, KeycloakAccounts keycloak,
                             OutboxPublisher outbox, Clock clock, Branding branding,
                             RateLimits limits) {
        this.limits = limits;
        this.accounts = accounts;
        this.links = links;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.clock = clock;
        this.portalUrl = branding.portalUrl();
    }

    /** A new link for an account awaiting activation, e-mailed through AccountActivationRequested. */
    @Transactional
    public void sendLink(Account account) {
        limits.acquire("activation-mail:" + account.getId(), MAILS_PER_HOUR, Duration.ofHours(1), "activation.too-many");
        IssuedLink link = links.issue(LinkPurpose.ACTIVATION, account.getKeycloakUserId(), account.getEmail());
        outbox.publish(new AccountActivationRequested(account.getUsername(), account.getEmail(), account.getFirstName(),
                account.getLastName(), account.getDossierNumber(), portalUrl + "/activation/" + link.token(),
                link.expiresAt()));
    }

    @Transactional
    public void resend(long accountId) {
        Account account = accounts.findById(accountId)
                .filter(a -> a.getStatus() == Account.Status.PENDING_ACTIVATION)
                .orElseThrow(() -> ApiProblem.conflict("compte-deja-actif", "activation.already-active"));
        sendLink(account);
    }

    /**
     * Enables the account of a valid link and uses the link up. An unknown, expired, retired or used
     * link gets the same 410. If Keycloak fails, the link stays usable (the transaction rolls back).
     */
    @Transactional
    public Account activate(String token) {
        SingleUseLink link = links.consume(LinkPurpose.ACTIVATION, token);
        Account account = accounts.findByKeycloakUserId(link.getKeycloakUserId())
                .orElseThrow(LinkExpiredException::new);
        account.activate(clock.instant());
        accounts.flush();
        keycloak.enable(account.getKeycloakUserId());
        // A second guardian's account: whoever already held the dossier is told.
        var holders = keycloak.enabledOfDossier(account.getDossierNumber()).stream()
                .filter(holder -> !holder.getId().equals(account.getKeycloakUserId()))
                .toList();
        holders.forEach(holder -> outbox.publish(new AccountLinkedToDossier(holder.getUsername(), holder.getEmail(),
                        holder.getFirstName(), holder.getLastName(), account.getDossierNumber(),
                        account.getFirstName() + " " + account.getLastName())));
        if (holders.isEmpty()) {
            // The first account: nobody on the portal to tell; dossier-service tells the dossier's recorded e-mail.
            outbox.publish(new FirstAccountLinkedToDossier(account.getUsername(), account.getFirstName(),
                    account.getLastName(), account.getDossierNumber()));
        }
        return account;
    }
}
