package fr.portailfamille.identity.me;

import fr.portailfamille.events.identity.AccountDeleted;
import fr.portailfamille.events.identity.PasswordChanged;
import fr.portailfamille.identity.account.AccountRepository;
import fr.portailfamille.identity.cgu.CguAcceptance;
import fr.portailfamille.identity.cgu.CguService;
import fr.portailfamille.identity.keycloak.KeycloakAccounts;
import fr.portailfamille.identity.link.LinkPurpose;
import fr.portailfamille.identity.link.SingleUseLinks;
import fr.portailfamille.identity.password.PasswordPolicy;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * « Mon compte »: what the family's account is, the CGU it accepted (and the new version to accept
 * at login), changing the password (the current one required; every session ends) and deleting
 * the account (the dossier stays).
 */
@Service
public class MyAccountService {

    private final KeycloakAccounts keycloak;
    private final CguService cgu;
    private final SingleUseLinks links;
    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final OutboxPublisher outbox;

    public MyAccountService(KeycloakAccounts keycloak, CguService cgu, SingleUseLinks links,
                            AccountRepository accounts, PasswordPolicy policy, OutboxPublisher outbox) {
        this.keycloak = keycloak;
        this.cgu = cgu;
        this.links = links;
        this.accounts = accounts;
        this.policy = policy;
        this.outbox = outbox;
    }

    public record AccountView(String username, String email, String firstName, String lastName, String dossier,
                              String cguVersionAccepted, java.time.Instant cguAcceptedAt, String currentCguVersion,
                              boolean mustAcceptCgu) {
    }

    @Transactional(readOnly = true)
    public AccountView view(PortalPrincipal me) {
        UserRepresentation user = user(me);
        Optional<CguAcceptance> accepted = cgu.lastAccepted(me.subject());
        String current = cgu.current().getVersion();
        boolean mustAccept = cgu.mustAccept(me.subject());
        return new AccountView(user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                me.dossier().orElse(null), accepted.map(CguAcceptance::getVersion).orElse(null),
                accepted.map(CguAcceptance::getAcceptedAt).orElse(null), current, mustAccept);
    }

    /** The CGU gate's question: a family (not staff) that has not accepted the version in force must first. */
    public CguService.GateAnswer cguGate(PortalPrincipal me) {
        return cgu.gate(me.subject(), me.hasRole(PortalPrincipal.FAMILY) && !me.isStaff());
    }

    @Transactional
    public AccountView acceptCgu(PortalPrincipal me, String version, String ip) {
        cgu.accept(me.subject(), version, ip);
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
        links.retirePending(user.getId(), LinkPurpose.EMAIL_CHANGE, LinkPurpose.PASSWORD_RESET);
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
        cgu.forget(me.subject());
        links.forget(me.subject());
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
