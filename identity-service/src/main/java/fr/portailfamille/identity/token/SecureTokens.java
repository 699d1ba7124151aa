package fr.portailfamille.identity.token;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets sent by e-mail or held by a browser (single-use links, registration drafts' ids): 256
 * random bits, base64url (43 characters). A link's token is stored only as its SHA-256
 * ({@code platform.text.Sha256}): a stolen database gives no usable link. SHA-256 without salt is
 * enough there because the secret itself is random and long, unlike a password.
 */
public final class SecureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
