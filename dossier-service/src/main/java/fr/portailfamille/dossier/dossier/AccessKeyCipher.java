package fr.portailfamille.dossier.dossier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Keeps a dossier's access key readable for the invoices billing-service prints (ADR 004), beside
 * the BCrypt hash that registration checks: AES-256-GCM, a random 96-bit nonce per key, the dossier
 * number as associated data (a ciphertext copied to another dossier does not decrypt). Stored as
 * nonce followed by ciphertext and its 128-bit tag.
 *
 * <p>The JDK's {@code javax.crypto} and no library: AES-GCM is a standard JCE algorithm of every
 * Java 17 runtime, and one key, one algorithm and one nonce rule are all this needs.
 */
@Component
@EnableConfigurationProperties(AccessKeyEncryptionProperties.class)
public class AccessKeyCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public AccessKeyCipher(AccessKeyEncryptionProperties properties) {
        byte[] raw = properties.keyBytes();
        this.key = new SecretKeySpec(raw, "AES");
        Arrays.fill(raw, (byte) 0);
    }

    /** The access key of dossier {@code number}, encrypted under a fresh nonce. */
    public byte[] encrypt(String number, String accessKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(number.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(accessKey.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The access key back, for dossier {@code number} only.
     *
     * @throws IllegalArgumentException when the ciphertext was changed, belongs to another dossier or
     *                                  was made under another key
     */
    public String decrypt(String number, byte[] stored) {
        if (stored == null || stored.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("Not an access key ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(number.getBytes(StandardCharsets.UTF_8));
            byte[] clear = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("The access key of dossier " + number
                    + " does not decrypt: changed, moved from another dossier or made under another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
