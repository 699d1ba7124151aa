package fr.portailfamille.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import fr.portailfamille.bench.GatlingRecord;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * Issue 15, scenario 4: <b>saturation</b>. Families' reads of their own dossier,
 * {@code GET /api/dossier/dossiers/{n}} through the gateway with logged-in sessions ({@code bench.sessions}
 * bench families, 20 by default, logged in on Keycloak's page in {@link #before()}, one after the other), in an
 * open model rising past what the machine serves, then dropping: from {@code bench.low} requests/s (20) up to
 * {@code bench.peak} (1200) over {@code bench.rise} s (120), held {@code bench.hold} s (30), then back to
 * {@code bench.low} for {@code bench.recover} s (60). Connections are shared and kept alive (one pool).
 * <p>
 * Each answer is sorted: 200 with the dossier asked ({@code ok}); refused with {@code Retry-After} — 429, or
 * 503 with its problem type ({@code service-surcharge}: the service shed it; {@code service-indisponible}:
 * the gateway's fallback) — counted apart, by kind; anything else (another status, a refusal without
 * {@code Retry-After}, a 200 with another dossier, a timeout) fails Gatling's checks. The assertion « no
 * failed request » is the target's « only shed requests fail »; the table printed at the end (per
 * {@code bench.slot} seconds, 5) shows where refusals start (the knee, with the rate offered then), that
 * the other families' reads are still served meanwhile, and how many seconds after the drop the refusals
 * stop. Targets: no request failed for a family under the knee; above it only shed requests fail, with
 * {@code Retry-After}; back to normal within seconds once the load drops.
 */
public class SaturationSimulation extends Simulation {

    private static final int SESSIONS = BenchSettings.number("sessions", 20);
    private static final int LOW = BenchSettings.number("low", 20);
    private static final int PEAK = BenchSettings.number("peak", 1200);
    private static final Duration RISE = BenchSettings.seconds("rise", 120);
    private static final Duration HOLD = BenchSettings.seconds("hold", 30);
    private static final Duration RECOVER = BenchSettings.seconds("recover", 60);
    private static final Duration SLOT = BenchSettings.seconds("slot", 5);

    private final Tally tally = new Tally(SLOT);
    private GatlingRecord record;
    private volatile List<Map<String, Object>> sessions = List.of();
    private final AtomicLong next = new AtomicLong();
    private final Iterator<Map<String, Object>> inTurn =
            Stream.generate(() -> sessions.get((int) (next.getAndIncrement() % sessions.size()))).iterator();

    private final ScenarioBuilder reads = scenario("families' reads")
            .feed(inTurn)
            .exec(Browser.sessionCookie())
            .exec(http("gateway: GET /api/dossier/dossiers/{n}").get("/api/dossier/dossiers/#{dossier}")
                    .check(responseTimeInMillis().saveAs("millis"),
                            status().saveAs("status"),
                            status().in(200, 429, 503),
                            regex("\"type\"\\s*:\\s*\"([^\"]+)\"").optional().saveAs("problem"))
                    .checkIf((response, session) -> response.status().code() != 200)
                    .then(header("Retry-After").exists())
                    .checkIf((response, session) -> response.status().code() == 200)
                    .then(jsonPath("$.number").isEL("#{dossier}")))
            .exec(this::record);

    {
        setUp(reads.injectOpen(
                rampUsersPerSec(LOW).to(PEAK).during(RISE),
                constantUsersPerSec(PEAK).during(HOLD),
                constantUsersPerSec(LOW).during(RECOVER)))
                .protocols(Browser.protocol().shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    private Session record(Session session) {
        String kind;
        if (session.isFailed()) {
            kind = "failed" + (session.contains("status") ? " (HTTP " + session.getInt("status") + ")" : "");
        } else if (session.getInt("status") == 200) {
            kind = Tally.OK;
        } else {
            kind = session.getInt("status") + (session.contains("problem") ? " " + problem(session.getString("problem")) : "")
                    + " with Retry-After";
        }
        tally.record("reads", kind, session.contains("millis") ? session.getInt("millis") : 0, System.currentTimeMillis());
        return session;
    }

    /** The last segment of a problem's type ({@code …/service-surcharge}). */
    private static String problem(String type) {
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Override
    public void before() {
        sessions = BenchFamilies.logIn(BenchFamilies.ensure(SESSIONS)).stream()
                .map(BenchFamilies.LoggedIn::attributes).toList();
        record = GatlingRecord.start("gatling: saturation");
    }

    @Override
    public void after() {
        System.out.println();
        System.out.printf("Saturation, per %d s: the rate offered rises from %d to %d requests/s over %d s, stays %d s, "
                        + "then %d requests/s for %d s:%n", SLOT.toSeconds(), LOW, PEAK, RISE.toSeconds(), HOLD.toSeconds(),
                LOW, RECOVER.toSeconds());
        tally.rows("reads").forEach(row -> System.out.println("  " + row));
        System.out.println("  all: " + tally.count("reads", Tally.OK) + " ok, " + tally.notOk("reads")
                + " refused or failed; the ok " + tally.latencies("reads"));
        if (record == null) {
            return;
        }
        Knee knee = knee(tally.kinds("reads"));
        record.finish(String.format(Locale.ROOT, "families' reads of their dossier through the gateway (%d sessions), open "
                        + "model %d → %d requests/s over %d s, %d s at %d/s, then %d/s for %d s: %d ok, %d shed (429/503 with "
                        + "Retry-After: %s), %d failed; %s; the ok %s", SESSIONS, LOW, PEAK, RISE.toSeconds(), HOLD.toSeconds(),
                PEAK, LOW, RECOVER.toSeconds(), knee.ok(), knee.shed(), knee.shedKinds(), knee.failed(), knee.summary(),
                tally.latencies("reads")),
                "under the knee no failure, above it only shed requests (with Retry-After), back within 10 s of the drop",
                knee.failed() == 0 && knee.recoveredWithin() >= 0 && knee.recoveredWithin() <= 10, knee.failed());
    }

    /** The rate offered at the middle of that slot, as the injection profile above offers it. */
    static double offered(int slot, long slotSeconds, int low, int peak, long rise, long hold) {
        double t = (slot + 0.5) * slotSeconds;
        if (t < rise) {
            return low + (peak - low) * t / rise;
        }
        return t < rise + hold ? peak : low;
    }

    /**
     * Where refusals start (the knee: the first slot with a shed request, and the rate offered then, with the
     * best rate served before it), how many of each kind, and how many seconds after the load dropped the
     * refusals stopped (the first slot after the drop without any; -1 when they never did).
     */
    Knee knee(Map<Integer, Map<String, Integer>> kinds) {
        int ok = 0;
        int shed = 0;
        int failed = 0;
        Map<String, Integer> byKind = new java.util.TreeMap<>();
        int kneeSlot = -1;
        double bestBefore = 0;
        long drop = RISE.toSeconds() + HOLD.toSeconds();
        long recovered = -1;
        for (Map.Entry<Integer, Map<String, Integer>> entry : kinds.entrySet()) {
            int slot = entry.getKey();
            int refused = 0;
            for (Map.Entry<String, Integer> kind : entry.getValue().entrySet()) {
                if (kind.getKey().equals(Tally.OK)) {
                    ok += kind.getValue();
                } else if (kind.getKey().startsWith("failed")) {
                    failed += kind.getValue();
                    refused += kind.getValue();
                } else {
                    shed += kind.getValue();
                    refused += kind.getValue();
                    byKind.merge(kind.getKey(), kind.getValue(), Integer::sum);
                }
            }
            if (refused > 0 && kneeSlot < 0) {
                kneeSlot = slot;
            }
            if (kneeSlot < 0) {
                bestBefore = Math.max(bestBefore, entry.getValue().getOrDefault(Tally.OK, 0) / (double) SLOT.toSeconds());
            }
            long start = slot * SLOT.toSeconds();
            if (start >= drop && refused == 0 && recovered < 0) {
                recovered = start - drop;
            } else if (start >= drop && refused > 0) {
                recovered = -1;
            }
        }
        String summary = kneeSlot < 0 ? "no refusal: the knee is above " + PEAK + " requests/s"
                : String.format(Locale.ROOT, "knee at %.0f requests/s offered (%d–%d s; best served before it %.0f ok/s)",
                        offered(kneeSlot, SLOT.toSeconds(), LOW, PEAK, RISE.toSeconds(), HOLD.toSeconds()),
                        kneeSlot * SLOT.toSeconds(), (kneeSlot + 1) * SLOT.toSeconds(), bestBefore);
        summary += recovered < 0 ? "; refusals went on after the drop until the end" : kneeSlot < 0 ? ""
                : String.format(Locale.ROOT, "; no refusal from %d s after the drop (slots of %d s)", recovered, SLOT.toSeconds());
        return new Knee(ok, shed, failed, byKind.toString(), summary, kneeSlot < 0 ? 0 : recovered);
    }

    record Knee(int ok, int shed, int failed, String shedKinds, String summary, long recoveredWithin) {
    }
}
