package fr.portailfamille.billing.directdebit.collection;

import fr.portailfamille.billing.directdebit.mandate.Mandates;
import fr.portailfamille.billing.invoice.InvoiceDebits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Once a day (06:00, Paris): the invoices of files collected {@code settle-after-days} ago and not
 * rejected become « Payée » by direct debit; active mandates unused for {@code lapse-after-months} (36)
 * lapse and their families are told. Each step is its own transaction; a run that fails is done again
 * the next day (both steps only look at what is due).
 */
@Component
public class DirectDebitJobs {

    private static final Logger log = LoggerFactory.getLogger(DirectDebitJobs.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final InvoiceDebits invoices;
    private final Mandates mandates;
    private final CollectedDebitRepository debits;
    private final DirectDebitProperties properties;
    private final Clock clock;

    DirectDebitJobs(InvoiceDebits invoices, Mandates mandates, CollectedDebitRepository debits,
                    DirectDebitProperties properties, Clock clock) {
        this.invoices = invoices;
        this.mandates = mandates;
        this.debits = debits;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${portal.billing.direct-debit.daily-run:0 0 6 * * *}", zone = "Europe/Paris")
    void daily() {
        runFor(LocalDate.now(clock.withZone(PARIS)));
    }

    /** What the daily run does on {@code today}: how many invoices were settled and mandates lapsed. */
    public record Run(int settled, int lapsed) {
    }

    public Run runFor(LocalDate today) {
        int settled = invoices.settleCollected(today.minusDays(properties.settleAfterDays()), clock.instant());
        int lapsed = 0;
        for (Object[] row : debits.unusedSince(today.minusMonths(properties.lapseAfterMonths()))) {
            UUID id = (UUID) row[0];
            LocalDate last = row[1] == null ? null
                    : row[1] instanceof Date date ? date.toLocalDate() : (LocalDate) row[1];
            if (mandates.lapse(id, last)) {
                lapsed++;
            }
        }
        if (settled > 0 || lapsed > 0) {
            log.info("Direct debit, daily run of {}: {} invoices paid by direct debit, {} mandates lapsed", today,
                    settled, lapsed);
        }
        return new Run(settled, lapsed);
    }
}
