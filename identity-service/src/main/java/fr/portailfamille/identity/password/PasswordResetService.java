package fr.portailfamille.identity.password;

import fr.portailfamille.events.identity.PasswordChanged;
import fr.portailfamille.events.identity.PasswordResetRequested;
import fr.portailfamille.identity.keycloak.KeycloakAccounts;
import fr.portailfamille.identity.ratelimit.RateLimits;
import fr.portailfamille.identity.registration.PasswordPolicy;
import fr.portailfamille.identity.token.SecureTokens;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * « Mot de passe oublié »: the same answer whether the address exists or not; for an enabled
 * account a one-hour single-use link (hash stored) is e-mailed; the new password follows the
 * realm's policy, every session of the account ends, and a confirmation is e-mailed. Never a
 * password in an e-mail. At most 3 requests an hour per address and 10 per IP.
 */
@Service
public class PasswordResetService {

    static final Duration VALIDITY = Duration.ofHours(1);
    static final int PER_ADDRESS_PER_HOUR = 3;
    static final int PER_IP_PER_HOUR = 10;

    private final PasswordResetRepository resets;
    private final KeycloakAccounts keycloak;
    private final PasswordPolicy policy;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final String portalUrl;
    private final RateLimits limits;

    public PasswordResetService(PasswordResetRepository resets, KeycloakAccounts keycloak, PasswordPolicy policy,
                                OutboxPublisher outbox, Clock clock, @Value("${portal.url}") String portalUrl,
                                RateLimits limits) {
        this.limits = limits;
        this.resets = resets;
        this.keycloak = keycloak;
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    @Transactional
    public void request(String typedEmail, String ip) {
        String email = typedEmail.strip().toLowerCase(Locale.ROOT);
        if (ip != null) {
            limits.acquire("reset-ip:" + ip, PER_IP_PER_HOUR, Duration.ofHours(1), "reset.too-many");
        }
        limits.acquire("reset-email:" + email, PER_ADDRESS_PER_HOUR, Duration.ofHours(1), "reset.too-many");
        Instant now = clock.instant();
        List<UserRepresentation> users = keycloak.enabledByEmail(email);
        if (users.size() != 1) {
            return;
        }
        UserRepresentation user = users.get(0);
        resets.retireAll(user.getId(), now);
        String token = SecureTokens.generate();
        Instant expiresAt = now.plus(VALIDITY);
        resets.save(new PasswordReset(user.getId(), email, ip, SecureTokens.hash(token), now, expiresAt));
        outbox.publish(new PasswordResetRequested(user.getUsername(), email, user.getFirstName(), user.getLastName(),
                portalUrl + "/mot-de-passe/" + token, expiresAt));
    }

    /** Sets the new password of a valid link; an unknown, used or expired link gets 410. */
    @Transactional
    public String complete(String token, String password, String confirmation) {
        Instant now = clock.instant();
        PasswordReset reset = resets.findByTokenHash(SecureTokens.hash(token)).filter(r -> r.usableAt(now))
                .orElseThrow(() -> new ApiProblem(HttpStatus.GONE, "lien-expire", "link.expired"));
        UserRepresentation user = keycloak.find(reset.getKeycloakUserId())
                .orElseThrow(() -> new ApiProblem(HttpStatus.GONE, "lien-expire", "link.expired"));
        policy.violation(password, user.getUsername(), user.getEmail()).ifPresent(key -> {
            throw ApiProblem.invalidField("password", key);
        });
        if (!password.equals(confirmation)) {
            throw ApiProblem.invalidField("passwordConfirmation", "registration.password.confirmation");
        }
        reset.use(now);
        resets.flush();
        if (!keycloak.resetPasswordAndLogout(user.getId(), password)) {
            throw ApiProblem.invalidField("password", "password.refused");
        }
        outbox.publish(new PasswordChanged(user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName()));
        return user.getUsername();
    }
}
