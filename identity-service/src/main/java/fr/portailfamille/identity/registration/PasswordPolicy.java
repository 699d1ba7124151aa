package fr.portailfamille.identity.registration;

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
 * and passwordBlacklist(common-passwords.txt)} in deploy/keycloak), checked at step 1 so the family
 * reads the reason in French before any account exists. Keycloak checks it again when the account
 * is created; {@code PasswordPolicyConsistencyTest} keeps the two in step.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> blacklist;

    public PasswordPolicy() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/password-blacklists/common-passwords.txt")) {
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
