package fr.portailfamille.bench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GatewayOverheadVerdictTest {

    private static final List<Tally.Level> DIRECT = List.of(
            new Tally.Level(0, 1200, 1200, 3, 8), new Tally.Level(1, 2400, 2400, 3, 9), new Tally.Level(2, 3600, 3600, 4, 30));

    @Test
    void judgesTheP99AddedAtTheHighestLevelAtOrBelowHalfTheSaturation() {
        List<Tally.Level> gateway = List.of(
                new Tally.Level(0, 1200, 1200, 5, 12), new Tally.Level(1, 2400, 2400, 6, 13), new Tally.Level(2, 3600, 3600, 9, 90));

        // Levels of 30 s at 40, 80, 120 requests/s per side; saturation near 170/s per side: half is 85, so 80/s.
        GatewayOverheadSimulation.Verdict verdict = GatewayOverheadSimulation.verdict(DIRECT, gateway, 40, 40, 30, 170);

        assertTrue(verdict.met(), verdict.summary());
        assertTrue(verdict.summary().contains("at 80/s per side (half of it or below) the gateway adds 4 ms to p99"),
                verdict.summary());
        assertEquals("120/s: direct 120 ok/s p50 4 p99 30 ms, gateway 120 ok/s p50 9 p99 90 ms (p99 +60 ms)",
                verdict.levels().get(2));
    }

    @Test
    void isNotMetWhenTheGatewayAddsMoreThanFiveMillisecondsThere() {
        List<Tally.Level> gateway = List.of(
                new Tally.Level(0, 1200, 1200, 5, 12), new Tally.Level(1, 2400, 2400, 6, 15), new Tally.Level(2, 3600, 3600, 9, 90));

        GatewayOverheadSimulation.Verdict verdict = GatewayOverheadSimulation.verdict(DIRECT, gateway, 40, 40, 30, 300);

        assertFalse(verdict.met(), verdict.summary());
        assertTrue(verdict.summary().contains("at 120/s per side (half of it or below) the gateway adds 60 ms"),
                verdict.summary());
    }
}
