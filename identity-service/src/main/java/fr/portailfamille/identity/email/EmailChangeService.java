package fr.portailfamille.identity.email;

import fr.portailfamille.events.identity.EmailChangeRequested;
import fr.portailfamille.events.identity.EmailChanged;
import fr.portailfamille.identity.account.AccountRepository;
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
import fr.portailfamille.platform.security.PortalPrincipal;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.Locale;

/**
 * Changing the e-mail of an account: asked with the current password, proven by a 24-hour
 * single-use link sent to the new address ({@link LinkPurpose#EMAIL_CHANGE}: the link keeps the new
 * address as the one it was sent to), applied in Keycloak only then; the old address (the account's
 * until then) is told. At most 3 requests an hour per account; a new request retires the older link.
 */
@Service
public class EmailChangeService {

    static final int PER_HOUR = 3;

    private final SingleUseLinks links;
    private final AccountRepository accounts;
    private final KeycloakAccounts keycloak;
    private final OutboxPublisher outbox;
    private final String portalUrl;
    private final RateLimits limits;

    public EmailChangeService(SingleUseLinks links, AccountRepository accounts, KeycloakAccounts keycloak,
                              OutboxPublisher outbox, Branding branding,
                              RateLimits limits) {
        this.limits = limits;
        this.accounts = accounts;
        this.links = links;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.portalUrl = branding.portalUrl();
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
        limits.acquire("email-change:" + user.getId(), PER_HOUR, Duration.ofHours(1), "email.too-many");
        IssuedLink link = links.issue(LinkPurpose.EMAIL_CHANGE, user.getId(), newEmail);
        outbox.publish(new EmailChangeRequested(user.getUsername(), newEmail, user.getFirstName(), user.getLastName(),
                portalUrl + "/confirmation-e-mail/" + link.token(), link.expiresAt()));
    }

    /** The new address opened its link: it becomes the account's (and is verified). */
    @Transactional
    public String confirm(String token) {
        SingleUseLink link = links.consume(LinkPurpose.EMAIL_CHANGE, token);
        UserRepresentation user = keycloak.find(link.getKeycloakUserId()).orElseThrow(LinkExpiredException::new);
        String oldEmail = user.getEmail();
        String newEmail = link.getSentTo();
        if (!keycloak.changeEmail(user.getId(), newEmail)) {
            throw ApiProblem.conflict("adresse-utilisee", "email.taken");
        }
        accounts.changeEmail(user.getId(), newEmail);
        links.retirePending(user.getId(), LinkPurpose.PASSWORD_RESET);
        outbox.publish(new EmailChanged(user.getUsername(), oldEmail, user.getFirstName(), user.getLastName(),
                newEmail));
        return newEmail;
    }
}
