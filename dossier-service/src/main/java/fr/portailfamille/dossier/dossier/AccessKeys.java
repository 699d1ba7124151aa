package fr.portailfamille.dossier.dossier;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * The access key printed beside the dossier number on invoices: a 4-digit number alone can be
 * guessed, 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L) give 40 bits. Shown
 * once to the agent who creates the dossier (or issues a new key), then stored as a BCrypt hash for
 * registration and encrypted for invoices ({@link AccessKeyCipher}).
 */
@Component
public class AccessKeys {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);

    public String generate() {
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    public String hash(String key) {
        return bcrypt.encode(normalise(key));
    }

    public boolean matches(String key, String hash) {
        return key != null && hash != null && bcrypt.matches(normalise(key), hash);
    }

    /** As typed from the invoice: spaces and dashes ignored, case ignored. */
    static String normalise(String key) {
        return key.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
