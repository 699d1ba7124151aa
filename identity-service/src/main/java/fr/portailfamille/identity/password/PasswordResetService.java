package fr.portailfamille.identity.password;

import fr.portailfamille.events.identity.PasswordChanged;
import fr.portailfamille.events.identity.PasswordResetRequested;
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
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * « Mot de passe oublié »: the same answer whether the address exists or not; for an enabled
 * account a one-hour single-use link ({@link LinkPurpose#PASSWORD_RESET}) is e-mailed, a new one
 * retiring the older; the new password follows the realm's policy ({@link PasswordPolicy}), every
 * session of the account ends, and a confirmation is e-mailed. Never a password in an e-mail. At
 * most 3 requests an hour per address and 10 per IP.
 */
@Service
public class PasswordResetService {

    static final int PER_ADDRESS_PER_HOUR = 3;
    static final int PER_IP_PER_HOUR = 10;

    private final SingleUseLinks links;
    private final KeycloakAccounts keycloak;
    private final PasswordPolicy policy;
    private final OutboxPublisher outbox;
    private final String portalUrl;
    private final RateLimits limits;

    public PasswordResetService(SingleUseLinks links, KeycloakAccounts keycloak, PasswordPolicy policy,
                                OutboxPublisher outbox, Branding branding,
                                RateLimits limits) {
        this.limits = limits;
        this.links = links;
        this.keycloak = keycloak;
        this.policy = policy;
        this.outbox = outbox;
        this.portalUrl = branding.portalUrl();
    }

    @Transactional
    public void request(String typedEmail, String ip) {
        String email = typedEmail.strip().toLowerCase(Locale.ROOT);
        if (ip != null) {
            limits.acquire("reset-ip:" + ip, PER_IP_PER_HOUR, Duration.ofHours(1), "reset.too-many");
        }
        limits.acquire("reset-email:" + email, PER_ADDRESS_PER_HOUR, Duration.ofHours(1), "reset.too-many");
        List<UserRepresentation> users = keycloak.enabledByEmail(email);
        if (users.size() != 1) {
            return;
        }
        UserRepresentation user = users.get(0);
        IssuedLink link = links.issue(LinkPurpose.PASSWORD_RESET, user.getId(), email);
        outbox.publish(new PasswordResetRequested(user.getUsername(), email, user.getFirstName(), user.getLastName(),
                portalUrl + "/mot-de-passe/" + link.token(), link.expiresAt()));
    }

    /**
     * Sets the new password of a valid link; an unknown, used or expired link gets 410. A password
     * refused (400) leaves the link usable: the transaction, and the link's use with it, rolls back.
     */
    @Transactional
    public String complete(String token, String password, String confirmation) {
        SingleUseLink link = links.consume(LinkPurpose.PASSWORD_RESET, token);
        UserRepresentation user = keycloak.find(link.getKeycloakUserId()).orElseThrow(LinkExpiredException::new);
        policy.violation(password, user.getUsername(), user.getEmail()).ifPresent(key -> {
            throw ApiProblem.invalidField("password", key);
        });
        if (!password.equals(confirmation)) {
            throw ApiProblem.invalidField("passwordConfirmation", "registration.password.confirmation");
        }
        if (!keycloak.resetPasswordAndLogout(user.getId(), password)) {
            throw ApiProblem.invalidField("password", "password.refused");
        }
        links.retirePending(user.getId(), LinkPurpose.EMAIL_CHANGE);
        outbox.publish(new PasswordChanged(user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName()));
        return user.getUsername();
    }
}
