package fr.portailfamille.gateway.cgu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens whose holder accepted the CGU in force, each for a short while, by the SHA-256 of
 * the token (never the token itself). Bounded: when full, the expired entries go, and if none had
 * expired, all of them (each family is then asked once more).
 */
final class AcceptedTokens {

    private final Map<String, Instant> until = new ConcurrentHashMap<>();
    private final Duration remember;
    private final int max;
    private final Clock clock;

    AcceptedTokens(Duration remember, int max, Clock clock) {
        this.remember = remember;
        this.max = max;
        this.clock = clock;
    }

    boolean accepted(String token) {
        Instant end = until.get(hash(token));
        return end != null && clock.instant().isBefore(end);
    }

    void remember(String token) {
        Instant now = clock.instant();
        if (until.size() >= max) {
            until.values().removeIf(end -> !now.isBefore(end));
            if (until.size() >= max) {
                until.clear();
            }
        }
        until.put(hash(token), now.plus(remember));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
