package fr.portailfamille.identity.me;

import fr.portailfamille.events.identity.AccountDeleted;
import fr.portailfamille.events.identity.PasswordChanged;
import fr.portailfamille.identity.account.AccountRepository;
import fr.portailfamille.identity.cgu.CguAcceptance;
import fr.portailfamille.identity.cgu.CguAcceptanceRepository;
import fr.portailfamille.identity.cgu.CguController;
import fr.portailfamille.identity.keycloak.KeycloakAccounts;
import fr.portailfamille.identity.registration.PasswordPolicy;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * « Mon compte »: what the family's account is, the CGU it accepted (and the new version to accept
 * at login), changing the password (the current one required; every session ends) and deleting
 * the account (the dossier stays).
 */
@Service
public class MyAccountService {

    private final KeycloakAccounts keycloak;
    private final CguController cgu;
    private final CguAcceptanceRepository acceptances;
    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final OutboxPublisher outbox;
    private final Clock clock;

    public MyAccountService(KeycloakAccounts keycloak, CguController cgu, CguAcceptanceRepository acceptances,
                            AccountRepository accounts, PasswordPolicy policy, OutboxPublisher outbox, Clock clock) {
        this.keycloak = keycloak;
        this.cgu = cgu;
        this.acceptances = acceptances;
        this.accounts = accounts;
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record AccountView(String username, String email, String firstName, String lastName, String dossier,
                              String cguVersionAccepted, java.time.Instant cguAcceptedAt, String currentCguVersion,
                              boolean mustAcceptCgu) {
    }

    @Transactional(readOnly = true)
    public AccountView view(PortalPrincipal me) {
        UserRepresentation user = user(me);
        Optional<CguAcceptance> accepted = acceptances.findFirstByKeycloakUserIdOrderByAcceptedAtDesc(me.subject());
        String current = cgu.current().getVersion();
        boolean mustAccept = !acceptances.existsByKeycloakUserIdAndVersion(me.subject(), current);
        return new AccountView(user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                me.dossier().orElse(null), accepted.map(CguAcceptance::getVersion).orElse(null),
                accepted.map(CguAcceptance::getAcceptedAt).orElse(null), current, mustAccept);
    }

    @Transactional
    public AccountView acceptCgu(PortalPrincipal me, String version, String ip) {
        if (!cgu.current().getVersion().equals(version)) {
            throw ApiProblem.conflict("cgu-perimees", "registration.cgu.outdated");
        }
        if (!acceptances.existsByKeycloakUserIdAndVersion(me.subject(), version)) {
            acceptances.saveAndFlush(new CguAcceptance(me.subject(), version, clock.instant(), ip));
        }
        return view(me);
    }

    @Transactional
    public void changePassword(PortalPrincipal me, String current, String next, String confirmation) {
        UserRepresentation user = user(me);
        if (!keycloak.passwordMatches(user.getUsername(), current)) {
            throw ApiProblem.invalidField("currentPassword", "account.current-password");
        }
        policy.violation(next, user.getUsername(), user.getEmail()).ifPresent(key -> {
            throw ApiProblem.invalidField("newPassword", key);
        });
        if (!next.equals(confirmation)) {
            throw ApiProblem.invalidField("newPasswordConfirmation", "registration.password.confirmation");
        }
        if (!keycloak.resetPasswordAndLogout(user.getId(), next)) {
            throw ApiProblem.invalidField("newPassword", "password.refused");
        }
        outbox.publish(new PasswordChanged(user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName()));
    }

    /** Only a family deletes its own account; agents' accounts are the authority's to manage. */
    @Transactional
    public void delete(PortalPrincipal me, String current) {
        if (!me.hasRole(PortalPrincipal.FAMILY) || me.isStaff()) {
            throw ApiProblem.forbidden("acces-refuse", "account.none");
        }
        UserRepresentation user = user(me);
        if (!keycloak.passwordMatches(user.getUsername(), current)) {
            throw ApiProblem.invalidField("currentPassword", "account.current-password");
        }
        accounts.deleteByKeycloakUserId(me.subject());
        acceptances.deleteByKeycloakUserId(me.subject());
        outbox.publish(new AccountDeleted(user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                me.dossier().orElse(null)));
        accounts.flush();
        keycloak.deleteForGood(user.getId());
    }

    private UserRepresentation user(PortalPrincipal me) {
        return keycloak.find(me.subject())
                .orElseThrow(() -> ApiProblem.notFound("compte-introuvable", "account.none"));
    }
}
