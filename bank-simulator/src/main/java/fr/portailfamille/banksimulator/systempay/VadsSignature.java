package fr.portailfamille.banksimulator.systempay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment form's signature: every field whose name starts with {@code vads_} (empty ones too),
 * sorted by name, values joined with {@code +}, then {@code +} and the key; HMAC-SHA-256 keyed with the
 * key and Base64-encoded, or SHA-1 in lower-case hexadecimal. The same rule signs the shop's form and the
 * platform's notification and return.
 */
public final class VadsSignature {

    public static final String FIELD_PREFIX = "vads_";

    private VadsSignature() {
    }

    public static String compute(Map<String, String> fields, String key, SignatureAlgorithm algorithm) {
        String message = signedString(fields, key);
        try {
            return switch (algorithm) {
                case HMAC_SHA_256 -> {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    yield Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
                }
                case SHA_1 -> HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-1").digest(message.getBytes(StandardCharsets.UTF_8)));
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + algorithm, e);
        }
    }

    /** Compares in constant time; a SHA-1 signature is accepted in upper case too. */
    public static boolean matches(Map<String, String> fields, String key, SignatureAlgorithm algorithm, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        String expected = compute(fields, key, algorithm);
        String received = algorithm == SignatureAlgorithm.SHA_1 ? signature.toLowerCase(Locale.ROOT) : signature;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
    }

    private static String signedString(Map<String, String> fields, String key) {
        StringJoiner joined = new StringJoiner("+");
        new TreeMap<>(fields).forEach((name, value) -> {
            if (name.startsWith(FIELD_PREFIX)) {
                joined.add(value == null ? "" : value);
            }
        });
        joined.add(key);
        return joined.toString();
    }
}
