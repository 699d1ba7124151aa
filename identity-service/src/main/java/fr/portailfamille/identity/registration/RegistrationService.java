package fr.portailfamille.identity.registration;

import fr.portailfamille.identity.account.Account;
import fr.portailfamille.identity.account.AccountRepository;
import fr.portailfamille.identity.account.ActivationService;
import fr.portailfamille.identity.cgu.CguService;
import fr.portailfamille.identity.dossier.DossierReferences;
import fr.portailfamille.identity.keycloak.KeycloakAccounts;
import fr.portailfamille.identity.password.PasswordPolicy;
import fr.portailfamille.identity.ratelimit.RateLimits;
import fr.portailfamille.identity.token.SecureTokens;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The registration wizard. Each step is saved in the draft (7 days); « valider » creates the
 * Keycloak account (disabled, role famille, attribute dossier) then, in one transaction, the
 * account record, the activation link and its event. If that transaction fails the Keycloak account
 * is deleted again, so neither side is left half-created.
 */
@Service
public class RegistrationService {

    static final Duration DRAFT_LIFETIME = Duration.ofDays(7);
    static final int REGISTRATIONS_PER_IP_PER_HOUR = 20;
    static final int REFERENCE_CHECKS_PER_IP_PER_HOUR = 20;
    static final int REGISTRATIONS_PER_EMAIL_PER_HOUR = 5;
    static final int RESENDS_PER_IP_PER_HOUR = 10;
    static final int DRAFT_PASSWORD_TRIES_PER_HOUR = 5;
    private static final DateTimeFormatter PARIS_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final RegistrationRepository drafts;
    private final PasswordPolicy passwordPolicy;
    private final DraftPasswords passwords;
    private final DossierReferences references;
    private final CguService cgu;
    private final KeycloakAccounts keycloak;
    private final AccountRepository accounts;
    private final ActivationService activations;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RateLimits limits;

    public RegistrationService(RegistrationRepository drafts, PasswordPolicy passwordPolicy, DraftPasswords passwords,
                               DossierReferences references, CguService cgu, KeycloakAccounts keycloak,
                               AccountRepository accounts, ActivationService activations,
                               TransactionTemplate transaction, Clock clock, RateLimits limits) {
        this.limits = limits;
        this.drafts = drafts;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.references = references;
        this.cgu = cgu;
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.activations = activations;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Transactional
    public Registration start(PersonalDetails personal, String ip) {
        limits.acquire("registration-ip:" + ip, REGISTRATIONS_PER_IP_PER_HOUR, Duration.ofHours(1),
                "registration.too-many");
        limits.acquire("registration-email:" + personal.email().strip().toLowerCase(Locale.ROOT),
                REGISTRATIONS_PER_EMAIL_PER_HOUR, Duration.ofHours(1), "registration.too-many");
        Instant now = clock.instant();
        Registration draft = new Registration(SecureTokens.generate(), now, now.plus(DRAFT_LIFETIME));
        apply(draft, personal, true, now);
        return drafts.save(draft);
    }

    @Transactional(readOnly = true)
    public Registration draft(String id) {
        return drafts.findById(id).filter(d -> !d.expiredAt(clock.instant()))
                .orElseThrow(() -> ApiProblem.notFound("inscription-introuvable", "registration.not-found"));
    }

    /**
     * Step 1 again. Once the dossier reference is checked, the draft stands for that dossier: a new
     * e-mail (where the activation link goes) or identifiant needs the draft's password typed again,
     * so that whoever only holds the draft's id (a shared computer, a link in a browser history) cannot
     * take the dossier's account for an address of theirs. Tries are limited per draft.
     */
    @Transactional
    public Registration personal(String id, PersonalDetails personal) {
        Registration draft = open(id);
        if (draft.getDossierNumber() != null && changesWhoItIsFor(draft, personal)) {
            requireDraftPassword(draft, personal.currentPassword());
        }
        apply(draft, personal, false, clock.instant());
        return draft;
    }

    private static boolean changesWhoItIsFor(Registration draft, PersonalDetails personal) {
        String email = personal.email().strip().toLowerCase(Locale.ROOT);
        String typedUsername = Texts.blankToNull(personal.username());
        String username = typedUsername == null ? email : typedUsername.toLowerCase(Locale.ROOT);
        return !email.equals(draft.getEmail()) || !username.equals(draft.getUsername());
    }

    private void requireDraftPassword(Registration draft, String typed) {
        if (typed == null || typed.isEmpty()) {
            throw ApiProblem.invalidField("currentPassword", "registration.password.again");
        }
        limits.acquire("draft-password:" + draft.getId(), DRAFT_PASSWORD_TRIES_PER_HOUR, Duration.ofHours(1),
                "registration.password.too-many");
        byte[] expected = passwords.decrypt(draft.getPasswordEncrypted()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, typed.getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.invalidField("currentPassword", "account.current-password");
        }
    }

    @Transactional
    public Registration dossier(String id, PrintedReference reference, String ip) {
        Registration draft = open(id);
        limits.acquire("dossier-check-ip:" + ip, REFERENCE_CHECKS_PER_IP_PER_HOUR, Duration.ofHours(1),
                "registration.dossier.too-many");
        String familyName = reference.familyName().strip();
        DossierReferences.Result result = references.verify(reference.dossierNumber(),
                reference.accessKey().strip(), familyName);
        if (result instanceof DossierReferences.NoMatch) {
            throw ApiProblem.badRequest("references-incorrectes", "registration.dossier.no-match");
        }
        if (result instanceof DossierReferences.Locked locked) {
            throw new ApiProblem(HttpStatus.LOCKED, "liaison-bloquee", "registration.dossier.locked",
                    PARIS_TIME.format(locked.until()));
        }
        if (result instanceof DossierReferences.Unavailable) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-indisponible",
                    "registration.dossier.unavailable");
        }
        draft.dossier(reference.dossierNumber(), familyName, clock.instant());
        return draft;
    }

    @Transactional
    public Registration acceptCgu(String id, String version, String ip) {
        Registration draft = open(id);
        if (draft.getStep() == Registration.Step.DOSSIER) {
            throw ApiProblem.conflict("etape-manquante", "registration.order");
        }
        cgu.requireCurrent(version);
        draft.acceptCgu(version, ip, clock.instant());
        return draft;
    }

    /** « valider »: see the class comment for what happens and in which order. */
    public Registration submit(String id) {
        Registration draft = open(id);
        if (draft.getStep() != Registration.Step.REVIEW) {
            throw ApiProblem.conflict("etape-manquante", "registration.order");
        }
        cgu.requireCurrent(draft.getCguVersion());
        if (keycloak.usernameTaken(draft.getUsername())) {
            throw ApiProblem.onField(HttpStatus.CONFLICT, "username", "registration.username.taken");
        }
        KeycloakAccounts.Creation creation = keycloak.createDisabledFamily(new KeycloakAccounts.NewFamily(
                draft.getUsername(), draft.getEmail(), draft.getFirstName(), draft.getLastName(),
                draft.getDossierNumber(), passwords.decrypt(draft.getPasswordEncrypted())));
        if (creation instanceof KeycloakAccounts.UsernameTaken) {
            throw ApiProblem.onField(HttpStatus.CONFLICT, "username", "registration.username.taken");
        }
        if (creation instanceof KeycloakAccounts.EmailTaken) {
            throw ApiProblem.onField(HttpStatus.CONFLICT, "email", "registration.email.taken");
        }
        if (creation instanceof KeycloakAccounts.PasswordRefused) {
            throw ApiProblem.invalidField("password", "password.refused");
        }
        String userId = ((KeycloakAccounts.Created) creation).userId();
        try {
            return transaction.execute(status -> {
                Instant now = clock.instant();
                Registration current = open(id);
                Account account = accounts.saveAndFlush(new Account(userId, current.getUsername(), current.getEmail(),
                        current.getFirstName(), current.getLastName(), current.getDossierNumber(),
                        current.getCguVersion(), current.getCguAcceptedAt(), current.getCguAcceptedIp(), now));
                current.submitted(account.getId(), now);
                cgu.recordAcceptance(userId, current.getCguVersion(), current.getCguAcceptedAt(),
                        current.getCguAcceptedIp());
                activations.sendLink(account);
                return current;
            });
        } catch (RuntimeException e) {
            keycloak.delete(userId);
            throw e;
        }
    }

    @Transactional
    public void resend(String id, String ip) {
        limits.acquire("resend-ip:" + ip, RESENDS_PER_IP_PER_HOUR, Duration.ofHours(1), "activation.too-many-ip");
        Registration draft = draft(id);
        if (draft.getStep() != Registration.Step.SUBMITTED || draft.getAccountId() == null) {
            throw ApiProblem.conflict("etape-manquante", "registration.order");
        }
        activations.resend(draft.getAccountId());
    }

    /** Drafts older than 7 days go, with the encrypted password they may hold. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @Transactional
    public void forgetExpiredDrafts() {
        drafts.deleteExpired(clock.instant());
    }

    private Registration open(String id) {
        Registration draft = draft(id);
        if (draft.getStep() == Registration.Step.SUBMITTED) {
            throw ApiProblem.conflict("inscription-envoyee", "registration.submitted");
        }
        return draft;
    }

    private void apply(Registration draft, PersonalDetails personal, boolean passwordRequired, Instant now) {
        String email = personal.email().strip().toLowerCase(Locale.ROOT);
        String typedUsername = Texts.blankToNull(personal.username());
        String username = typedUsername == null ? email : typedUsername.toLowerCase(Locale.ROOT);
        String password = personal.password();
        boolean passwordGiven = password != null && !password.isEmpty();
        if (passwordRequired && !passwordGiven) {
            throw ApiProblem.invalidField("password", "registration.password.required");
        }
        String encrypted = null;
        if (passwordGiven) {
            passwordPolicy.violation(password, username, email).ifPresent(key -> {
                throw ApiProblem.invalidField("password", key);
            });
            if (!password.equals(personal.passwordConfirmation())) {
                throw ApiProblem.invalidField("passwordConfirmation", "registration.password.confirmation");
            }
            encrypted = passwords.encrypt(password);
        }
        draft.personal(personal.civility(), personal.lastName().strip(), personal.firstName().strip(), email,
                Texts.blankToNull(personal.phone()), username, encrypted, now);
    }
}
