package fr.portailfamille.dossier.contactdetails;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.Optional;

/** Phone numbers parsed as French by default and stored in E.164 (« +33612345678 »). */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    public static Optional<String> toE164(String typed) {
        try {
            var number = UTIL.parse(typed, "FR");
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** E.164 for storage; null for none. Call after validation ({@link PhoneNumber}). */
    public static String normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return toE164(typed).orElseThrow(() -> new IllegalArgumentException("invalid phone number"));
    }
}
