package fr.portailfamille.banksimulator.systempay;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The platform's rule on {@code vads_trans_id}: unique per shop within one UTC day (from 00:00:00 to
 * 23:59:59 UTC, the day of {@code vads_trans_date}), case ignored. An id is burnt as soon as its form
 * is accepted, whatever happens to the payment afterwards. Kept in memory: a restart forgets.
 */
@Component
public class TransactionIdRegistry {

    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    public TransactionIdRegistry(Clock clock) {
        this.clock = clock;
    }

    /** True when the id was free that day (and is now taken), false when it was already used. */
    public boolean claim(String siteId, LocalDate utcDay, String transId) {
        forgetBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(2));
        return used.add(key(siteId, utcDay, transId));
    }

    private void forgetBefore(LocalDate day) {
        used.removeIf(key -> LocalDate.parse(key.substring(0, 10)).isBefore(day));
    }

    private static String key(String siteId, LocalDate day, String transId) {
        return day + "|" + siteId + "|" + transId.toUpperCase(Locale.ROOT);
    }
}
