package fr.portailfamille.identity.password;

import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The realm's password policy ({@code length(12) and maxLength(128) and notUsername and notEmail
 * and passwordBlacklist(common-passwords.txt)} in deploy/keycloak), checked before Keycloak sees the
 * password (registration step 1, a new password in « Mon compte » or after « mot de passe oublié »)
 * so the family reads the reason in French. Keycloak checks it again when it sets the password;
 * {@code PasswordPolicyConsistencyTest} keeps this class and the realm file in step, and the
 * blacklist is the realm's own file, copied onto the classpath by the build (see the pom).
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    /** The realm's {@code passwordBlacklist(...)} file, under {@code deploy/keycloak/password-blacklists}. */
    static final String BLACKLIST_FILE = "common-passwords.txt";

    private final Set<String> blacklist;

    public PasswordPolicy() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/password-blacklists/" + BLACKLIST_FILE)) {
            if (in == null) {
                throw new IllegalStateException("password blacklist missing from the classpath");
            }
            blacklist = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message key of the first rule the password breaks, if any. */
    public Optional<String> violation(String password, String username, String email) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.username");
        }
        if (email != null && !email.isBlank() && lower.contains(email.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.email");
        }
        if (blacklist.contains(lower)) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }
}
