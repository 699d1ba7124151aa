package fr.portailfamille.billing.directdebit.consent;

import fr.portailfamille.platform.text.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-time code that stands for the family's signature of a mandate (or of a change of bank
 * details): six digits drawn by {@link SecureRandom}, e-mailed to the account's address, good for
 * {@link #VALIDITY} and {@link #MAX_TRIES} tries; after that a new code is needed. Only its hash is
 * kept, salted with what it signs ({@code purpose}: the mandate's id and the text version shown), so
 * that a code read from the database could not sign anything, and a code for one mandate cannot sign
 * another. Six digits are few: the tries, not the hash, are what protects them.
 *
 * @param hash      SHA-256 of purpose and code
 * @param expiresAt when the code stops working
 * @param triesLeft how many wrong codes may still be typed
 */
public record ConsentCode(String hash, Instant expiresAt, int triesLeft) {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_TRIES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new code for {@code purpose}: the code to e-mail (never stored) and what is stored. */
    public record Issued(String code, ConsentCode stored) {

        @Override
        public String toString() {
            return "Issued[code=******, stored=" + stored + "]";
        }
    }

    /** What typing a code gave. */
    public enum Outcome {
        /** The right code in time: the consent is given. */
        SIGNED,
        /** A wrong code: {@code triesLeft} went down by one. */
        WRONG,
        /** Too late, or no try left: a new code is needed. */
        NEW_CODE_NEEDED
    }

    /** The outcome and the code as it now stands (one try fewer after a wrong code). */
    public record Attempt(Outcome outcome, ConsentCode after) {
    }

    public static Issued issue(String purpose, Instant now) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        return new Issued(code, new ConsentCode(hash(purpose, code), now.plus(VALIDITY), MAX_TRIES));
    }

    /** Checks {@code typed} (spaces forgiven: « 123 456 ») against the stored code at {@code now}. */
    public Attempt check(String purpose, String typed, Instant now) {
        if (triesLeft <= 0 || !now.isBefore(expiresAt)) {
            return new Attempt(Outcome.NEW_CODE_NEEDED, this);
        }
        String entered = typed == null ? "" : typed.replaceAll("\\s", "");
        boolean right = entered.matches("[0-9]{6}") && MessageDigest.isEqual(
                hash(purpose, entered).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        if (right) {
            return new Attempt(Outcome.SIGNED, new ConsentCode(hash, now, 0));
        }
        ConsentCode after = new ConsentCode(hash, expiresAt, triesLeft - 1);
        return new Attempt(after.triesLeft == 0 ? Outcome.NEW_CODE_NEEDED : Outcome.WRONG, after);
    }

    private static String hash(String purpose, String code) {
        return Sha256.hex((purpose + '\u0000' + code).getBytes(StandardCharsets.UTF_8));
    }
}
