package fr.portailfamille.dossier.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Base64;

/**
 * The AES-256 key that keeps dossiers' access keys readable for billing-service's invoices
 * ({@code portal.dossier.access-key-encryption-key}: 32 bytes in Base64). application.yml gives a
 * development key; every other environment sets {@code PORTAL_DOSSIER_ACCESS_KEY_ENCRYPTION_KEY}
 * from a secret. Anything else than 32 bytes in Base64 stops the service at start, saying so.
 */
@ConfigurationProperties("portal.dossier")
public record AccessKeyEncryptionProperties(String accessKeyEncryptionKey) {

    static final int KEY_BYTES = 32;

    public AccessKeyEncryptionProperties {
        keyBytes(accessKeyEncryptionKey);
    }

    /** The raw key; fails with the reason when the value is missing, not Base64 or not 32 bytes. */
    byte[] keyBytes() {
        return keyBytes(accessKeyEncryptionKey);
    }

    private static byte[] keyBytes(String base64) {
        String hint = " (portal.dossier.access-key-encryption-key, environment variable "
                + "PORTAL_DOSSIER_ACCESS_KEY_ENCRYPTION_KEY): give 32 random bytes in Base64, e.g. `openssl rand -base64 32`";
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("The access key encryption key is missing" + hint);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The access key encryption key is not Base64" + hint);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The access key encryption key is " + key.length
                    + " bytes long, AES-256 needs " + KEY_BYTES + hint);
        }
        return key;
    }

    @Override
    public String toString() {
        return "AccessKeyEncryptionProperties[accessKeyEncryptionKey=(hidden)]";
    }
}
