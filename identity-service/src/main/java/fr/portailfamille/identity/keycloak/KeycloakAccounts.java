package fr.portailfamille.identity.keycloak;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Family accounts in Keycloak, through Keycloak's admin client with identity-service's service
 * account. Every failure to reach Keycloak becomes {@link KeycloakUnavailableException}.
 */
@Component
@EnableConfigurationProperties(KeycloakProperties.class)
public class KeycloakAccounts {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);
    public static final String FAMILY_ROLE = "famille";
    /** The realm role of the services' agents (their services in the multi-valued attribute {@code services}). */
    public static final String AGENT_ROLE = "agent";
    private static final int PAGE = 100;

    private final Keycloak keycloak;
    private final String realm;
    private final String serverUrl;

    private final String passwordCheckClientId;
    private final String passwordCheckClientSecret;

    public KeycloakAccounts(KeycloakProperties properties) {
        this.passwordCheckClientId = properties.passwordCheckClientId();
        this.passwordCheckClientSecret = properties.passwordCheckClientSecret();
        this.realm = properties.realm();
        this.serverUrl = properties.url();
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.url())
                .realm(properties.realm())
                .grantType("client_credentials")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .build();
    }

    /** The new account, or why Keycloak refused it. */
    public sealed interface Creation permits Created, UsernameTaken, EmailTaken, PasswordRefused {
    }

    public record Created(String userId) implements Creation {
    }

    public record UsernameTaken() implements Creation {
    }

    /** The realm keeps e-mails unique: another account already has this one. */
    public record EmailTaken() implements Creation {
    }

    /** Keycloak's password policy refused the password (its message key, e.g. invalidPasswordMinLengthMessage). */
    public record PasswordRefused(String reason) implements Creation {
    }

    public record NewFamily(String username, String email, String firstName, String lastName, String dossier,
                            String password) {
    }

    /**
     * Creates a disabled account with the famille role and its dossier. If a step after the user's
     * creation fails, the user is deleted again: no half-created account stays behind.
     */
    public Creation createDisabledFamily(NewFamily family) {
        return call("create user", () -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(family.username());
            user.setEmail(family.email());
            user.setFirstName(family.firstName());
            user.setLastName(family.lastName());
            user.setEnabled(false);
            user.setEmailVerified(false);
            user.setAttributes(Map.of("dossier", List.of(family.dossier())));
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(family.password());
            password.setTemporary(false);
            user.setCredentials(List.of(password));
            String userId;
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    String body = response.readEntity(String.class);
                    return body != null && body.contains("email") ? new EmailTaken() : new UsernameTaken();
                }
                if (response.getStatus() == 400) {
                    String body = response.readEntity(String.class);
                    log.info("Keycloak refused a new account: {}", body);
                    return new PasswordRefused(body);
                }
                userId = CreatedResponseUtil.getCreatedId(response);
            }
            try {
                // Read through the user's available roles: reading the realm's roles would need
                // view-realm, which this service account does not have (least privilege).
                var mappings = realm().users().get(userId).roles().realmLevel();
                RoleRepresentation role = mappings.listAvailable().stream()
                        .filter(r -> FAMILY_ROLE.equals(r.getName())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("realm role " + FAMILY_ROLE + " missing"));
                mappings.add(List.of(role));
            } catch (RuntimeException e) {
                delete(userId);
                throw e;
            }
            return new Created(userId);
        });
    }

    public boolean usernameTaken(String username) {
        return call("search user", () -> !realm().users().searchByUsername(username, true).isEmpty());
    }

    public Optional<UserRepresentation> find(String userId) {
        return call("read user", () -> {
            try {
                return Optional.of(realm().users().get(userId).toRepresentation());
            } catch (jakarta.ws.rs.NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** The link was opened: the account can log in, its e-mail is proven. */
    public void enable(String userId) {
        call("enable user", () -> {
            UserRepresentation user = realm().users().get(userId).toRepresentation();
            user.setEnabled(true);
            user.setEmailVerified(true);
            realm().users().get(userId).update(user);
            return null;
        });
    }

    /** The enabled accounts already linked to a dossier (attribute {@code dossier}). */
    public List<UserRepresentation> enabledOfDossier(String dossier) {
        return call("search by dossier", () -> realm().users().searchByAttributes("dossier:" + dossier, true).stream()
                .filter(user -> Boolean.TRUE.equals(user.isEnabled()))
                .filter(user -> user.getAttributes() != null
                        && user.getAttributes().getOrDefault("dossier", List.of()).contains(dossier))
                .toList());
    }

    /**
     * The enabled users holding the realm role {@code agent} (directly or through a composite role or a
     * group) whose multi-valued attribute {@code services} holds this code: Keycloak's attribute search
     * ({@code q=services:<code>}, which matches any one of the values), every page of it, then checked
     * again here (value exact, enabled, role), as Keycloak's search is not the place for the rule.
     */
    public List<UserRepresentation> enabledAgentsOf(String service) {
        return call("search agents", () -> {
            List<UserRepresentation> found = new ArrayList<>();
            for (int first = 0; ; first += PAGE) {
                List<UserRepresentation> page = realm().users()
                        .searchByAttributes(first, PAGE, true, true, false, "services:" + service);
                found.addAll(page);
                if (page.size() < PAGE) {
                    break;
                }
            }
            return found.stream()
                    .filter(user -> Boolean.TRUE.equals(user.isEnabled()))
                    .filter(user -> user.getAttributes() != null
                            && user.getAttributes().getOrDefault("services", List.of()).contains(service))
                    .filter(user -> realm().users().get(user.getId()).roles().realmLevel().listEffective().stream()
                            .anyMatch(role -> AGENT_ROLE.equals(role.getName())))
                    .toList();
        });
    }

    /** The enabled accounts with this exact e-mail (Keycloak keeps e-mails unique in this realm). */
    public List<UserRepresentation> enabledByEmail(String email) {
        return call("search by e-mail", () -> realm().users().searchByEmail(email, true).stream()
                .filter(user -> Boolean.TRUE.equals(user.isEnabled())).toList());
    }

    /**
     * Sets a new password (Keycloak applies the realm's policy: false if refused) and ends every
     * session of the account.
     */
    public boolean resetPasswordAndLogout(String userId, String password) {
        return call("reset password", () -> {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            try {
                realm().users().get(userId).resetPassword(credential);
            } catch (jakarta.ws.rs.BadRequestException e) {
                log.info("Keycloak refused a new password: {}", e.getResponse().readEntity(String.class));
                return false;
            }
            realm().users().get(userId).logout();
            return true;
        });
    }

    /**
     * Whether the password is the account's: a password grant of the realm's confidential client
     * {@code portal-password-check}, which can do nothing else (a wrong one counts for Keycloak's
     * brute-force detection, as on the login page).
     */
    public boolean passwordMatches(String username, String password) {
        try {
            Keycloak probe = KeycloakBuilder.builder().serverUrl(serverUrl).realm(realm).grantType("password")
                    .clientId(passwordCheckClientId).clientSecret(passwordCheckClientSecret)
                    .username(username).password(password).build();
            try (probe) {
                probe.tokenManager().getAccessTokenString();
                return true;
            }
        } catch (jakarta.ws.rs.NotAuthorizedException | jakarta.ws.rs.BadRequestException e) {
            return false;
        } catch (ProcessingException e) {
            throw new KeycloakUnavailableException("Keycloak unreachable (password check)", e);
        }
    }

    /** Sets a proven new e-mail; false when another account already has it (Keycloak's 409). */
    public boolean changeEmail(String userId, String email) {
        return call("change e-mail", () -> {
            UserRepresentation user = realm().users().get(userId).toRepresentation();
            user.setEmail(email);
            user.setEmailVerified(true);
            try {
                realm().users().get(userId).update(user);
                return true;
            } catch (jakarta.ws.rs.ClientErrorException e) {
                if (e.getResponse().getStatus() == 409) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Deletes an account for good (the family asked it). Its sessions are ended first: that is what
     * makes Keycloak send the back-channel logout that ends the gateway's sessions (issue 13, item 9).
     */
    public void deleteForGood(String userId) {
        call("delete user", () -> {
            try {
                realm().users().get(userId).logout();
            } catch (jakarta.ws.rs.NotFoundException alreadyGone) {
                return null;
            }
            try (Response response = realm().users().delete(userId)) {
                if (response.getStatus() >= 300 && response.getStatus() != 404) {
                    throw new WebApplicationException(response.getStatus());
                }
            }
            return null;
        });
    }

    /** Removes an account created in a step that then failed (compensation). */
    public void delete(String userId) {
        try (Response ignored = realm().users().delete(userId)) {
            log.info("Keycloak user {} deleted (compensation)", userId);
        } catch (RuntimeException e) {
            log.error("Keycloak user {} could not be deleted after a failed registration: delete it by hand", userId, e);
        }
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    /** The access token of identity-service's service account (for calls to other services). */
    public String serviceAccessToken() {
        return call("service token", () -> keycloak.tokenManager().getAccessTokenString());
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException e) {
            throw new KeycloakUnavailableException("Keycloak unreachable (" + what + ")", e);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() < 500 && e.getResponse().getStatus() != 401
                    && e.getResponse().getStatus() != 403) {
                throw e;
            }
            throw new KeycloakUnavailableException("Keycloak failed (" + what + "): " + e.getMessage(), e);
        }
    }
}
