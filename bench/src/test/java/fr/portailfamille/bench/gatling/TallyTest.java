package fr.portailfamille.bench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void sortsAnswersBySeriesSlotAndKind() {
        Tally tally = new Tally(Duration.ofSeconds(10));
        tally.record("gateway", Tally.OK, 12, 1_000);
        tally.record("gateway", "503 service-surcharge", 3, 4_000);
        tally.record("gateway", Tally.OK, 20, 12_500);
        tally.record("gateway", "KO", 60_000, 13_000);

        assertEquals(2, tally.count("gateway", Tally.OK));
        assertEquals(2, tally.notOk("gateway"));
        assertEquals(List.of(
                "gateway 0–10 s: 1 503 service-surcharge, 1 ok; 0.1 ok/s, p50 12 ms, p95 12 ms, p99 12 ms, max 12 ms",
                "gateway 10–20 s: 1 KO, 1 ok; 0.1 ok/s, p50 20 ms, p95 20 ms, p99 20 ms, max 20 ms"),
                tally.rows("gateway"));
    }

    @Test
    void comparesTwoSeriesSlotBySlot() {
        Tally tally = new Tally(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            tally.record("direct", Tally.OK, 2, 100 * i);
        }
        for (int i = 0; i < 8; i++) {
            tally.record("gateway", Tally.OK, 5, 100 * i);
        }
        tally.record("direct", Tally.OK, 2, 1_500);

        assertEquals(List.of("0–1 s: gateway/direct throughput 80.0 % (8.0 vs 10.0 ok/s), p50 +3 ms, p99 +3 ms"),
                tally.compare("direct", "gateway"));
        assertEquals("p50 5 ms, p95 5 ms, p99 5 ms, max 5 ms", tally.latencies("gateway"));
    }
}
