package fr.portailfamille.billing.payment.systempay;

import java.util.Optional;

/** {@code vads_ctx_mode}: each mode has its own key. */
public enum SystempayMode {
    TEST,
    PRODUCTION;

    /** The mode named exactly as the protocol writes it, or empty. */
    public static Optional<SystempayMode> parse(String value) {
        for (SystempayMode mode : values()) {
            if (mode.name().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
