package fr.portailfamille.billing.payment.systempay;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Gives each payment attempt its {@code vads_trans_id}: 6 digits (as the provider's examples show;
 * digits also make the id's case-insensitivity moot), unique for the shop during the UTC day, from a
 * {@link DailySequence}: the day's first attempt is {@code 000001}. The id and its {@code vads_trans_date}
 * come from the same reading of the clock, so both fall on the same UTC day even at midnight.
 */
public final class TransactionIdGenerator {

    /** Six digits allow 999,999 attempts a day and a shop. */
    public static final long MAX_PER_DAY = 999_999;

    private final Clock clock;
    private final DailySequence sequence;

    public TransactionIdGenerator(Clock clock, DailySequence sequence) {
        this.clock = clock;
        this.sequence = sequence;
    }

    /** A new id and its date for {@code siteId}. */
    public TransactionReference next(String siteId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate utcDay = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new TransactionReference(transId(sequence.next(siteId, utcDay)), now);
    }

    /** The day's {@code n}-th id: 1 is {@code 000001}. */
    static String transId(long n) {
        if (n < 1 || n > MAX_PER_DAY) {
            throw new IllegalStateException("No vads_trans_id left for the day: attempt " + n);
        }
        return String.format("%06d", n);
    }

    /** A {@code vads_trans_id} and the {@code vads_trans_date} to send with it. */
    public record TransactionReference(String transId, Instant transDate) {
    }
}
