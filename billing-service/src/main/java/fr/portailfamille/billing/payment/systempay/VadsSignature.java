package fr.portailfamille.billing.payment.systempay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the « formulaire de paiement » protocol, the same both ways (our form, the bank's
 * notification): take every field whose name starts with {@code vads_}, empty ones included, sort
 * them by name, join their values with {@code +}, add {@code +} and the key, then sign that text in
 * UTF-8 — HMAC-SHA-256 keyed with the key, in Base64, or SHA-1 in lowercase hex for older shops.
 * Other fields (the {@code signature} itself, a submit button) are not signed.
 */
public final class VadsSignature {

    static final String PREFIX = "vads_";

    private VadsSignature() {
    }

    /** The signature of {@code fields} with {@code key}. */
    public static String sign(Map<String, String> fields, String key, SignatureAlgorithm algorithm) {
        byte[] text = signedText(fields, key).getBytes(StandardCharsets.UTF_8);
        try {
            return switch (algorithm) {
                case HMAC_SHA_256 -> {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    yield Base64.getEncoder().encodeToString(mac.doFinal(text));
                }
                case SHA_1 -> HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text));
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM lacks " + algorithm, e);
        }
    }

    /**
     * Whether {@code received} is the signature of {@code fields}, compared in constant time
     * ({@link MessageDigest#isEqual}) so that the time taken tells nothing about the right value.
     */
    public static boolean matches(Map<String, String> fields, String key, SignatureAlgorithm algorithm,
                                  String received) {
        if (received == null || key == null) {
            return false;
        }
        String candidate = algorithm == SignatureAlgorithm.SHA_1 ? received.toLowerCase(Locale.ROOT) : received;
        return MessageDigest.isEqual(sign(fields, key, algorithm).getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The text that is signed. It ends with the key: never log it. */
    static String signedText(Map<String, String> fields, String key) {
        Objects.requireNonNull(key, "key");
        StringJoiner text = new StringJoiner("+");
        new TreeMap<>(fields).forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                text.add(value == null ? "" : value);
            }
        });
        text.add(key);
        return text.toString();
    }
}
