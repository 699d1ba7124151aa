package fr.portailfamille.billing.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adapters of the banks, and the one the authority uses for new payments
 * ({@code portal.billing.payment.provider}). The others stay reachable for payments they opened
 * (a late notification after the authority changed bank), when they are configured.
 */
@Component
public class PaymentProviders {

    private static final Logger log = LoggerFactory.getLogger(PaymentProviders.class);

    private final Map<Provider, PaymentProvider> byName = new EnumMap<>(Provider.class);
    private final Provider active;

    public PaymentProviders(List<PaymentProvider> adapters,
                            @Value("${portal.billing.payment.provider:SYSTEMPAY}") Provider active) {
        for (PaymentProvider adapter : adapters) {
            if (adapter.configured()) {
                byName.put(adapter.provider(), adapter);
            }
        }
        if (!byName.containsKey(active)) {
            throw new IllegalStateException("portal.billing.payment.provider is " + active
                    + " but its settings (portal.billing.payment." + active.name().toLowerCase(java.util.Locale.ROOT)
                    + ".*) are incomplete");
        }
        this.active = active;
        log.info("Online payments through {} (configured: {})", active, byName.keySet());
    }

    /** The adapter new payments go through. */
    public PaymentProvider active() {
        return byName.get(active);
    }

    /** The adapter of {@code provider}, if configured. */
    public Optional<PaymentProvider> of(Provider provider) {
        return Optional.ofNullable(byName.get(provider));
    }
}
