package fr.portailfamille.billing.payment.systempay;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionIdGeneratorTest {

    /** The counter the database will keep: one per shop and UTC day. */
    static final class InMemoryDailySequence implements DailySequence {
        private final Map<String, Long> counters = new HashMap<>();

        @Override
        public long next(String siteId, LocalDate utcDay) {
            return counters.merge(siteId + "/" + utcDay, 1L, Long::sum);
        }
    }

    private final InMemoryDailySequence sequence = new InMemoryDailySequence();

    private TransactionIdGenerator at(String instant) {
        return new TransactionIdGenerator(Clock.fixed(Instant.parse(instant), ZoneId.of("Europe/Paris")), sequence);
    }

    @Test
    void ids_are_six_digits_counted_per_shop_and_utc_day() {
        TransactionIdGenerator generator = at("2026-10-31T10:15:30.789Z");

        assertThat(generator.next("12345678").transId()).isEqualTo("000001");
        assertThat(generator.next("12345678").transId()).isEqualTo("000002");
        assertThat(generator.next("87654321").transId()).isEqualTo("000001");
        TransactionIdGenerator.TransactionReference third = generator.next("12345678");
        assertThat(third.transId()).isEqualTo("000003").matches("\\d{6}");
        assertThat(third.transDate()).isEqualTo(Instant.parse("2026-10-31T10:15:30Z"));
    }

    @Test
    void the_day_is_the_utc_day_not_the_paris_day() {
        // 00:30 in Paris on 1 November is still 31 October in UTC: the same day's counter goes on.
        assertThat(at("2026-10-31T23:59:59Z").next("12345678").transId()).isEqualTo("000001");
        TransactionIdGenerator.TransactionReference parisNextDay = at("2026-10-31T23:30:00Z").next("12345678");
        assertThat(parisNextDay.transId()).isEqualTo("000002");
        assertThat(SystempayForms.TRANS_DATE.format(parisNextDay.transDate())).isEqualTo("20261031233000");
        // Midnight UTC starts a new day.
        assertThat(at("2026-11-01T00:00:00Z").next("12345678").transId()).isEqualTo("000001");
        assertThat(LocalDate.ofInstant(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC)).isEqualTo("2026-11-01");
    }

    @Test
    void an_abandoned_attempt_burns_its_id_and_the_day_has_an_end() {
        TransactionIdGenerator generator = at("2026-10-31T10:00:00Z");
        generator.next("12345678"); // abandoned at the bank: never given again
        assertThat(generator.next("12345678").transId()).isEqualTo("000002");

        assertThat(TransactionIdGenerator.transId(999_999)).isEqualTo("999999");
        assertThatThrownBy(() -> TransactionIdGenerator.transId(1_000_000)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TransactionIdGenerator.transId(0)).isInstanceOf(IllegalStateException.class);
    }
}
