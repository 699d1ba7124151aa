package fr.portailfamille.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import fr.portailfamille.bench.GatlingRecord;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * Issue 15, scenario 3: <b>logins per second until Keycloak saturates</b>. Each virtual user is a fresh
 * browser logging in as a family does (Keycloak's page through the gateway, form posted, redirects followed
 * to the portal's home, then {@code /api/me} answering that family), with one of the {@code bench.families}
 * bench accounts (default 200, made in {@link #before()} where missing) in turn: an account comes back only
 * after all the others, so one account is never logged in twice at once (the realm's brute-force detection
 * counts that as failures) unless a login takes longer than {@code families / rate} seconds.
 * <p>
 * The rate rises in steps: {@code bench.levels} (8) levels of {@code bench.level} s (30), from
 * {@code bench.rate} logins/s (4), {@code bench.step} (4) more each level. At the end, per level: logins
 * completed per second, the failed ones, and the whole login's p50/p95/p99 (from the first request to
 * {@code /api/me}); saturation is the level where completed logins/s stop following the rate (or failures
 * start). To compare with the figure per vCPU of Keycloak's own sizing guide (« Concepts for sizing CPU and
 * memory resources », for password logins; check the figure for the Keycloak version in use), on this
 * machine's cores, shared with the gateway and the services. No target of the portal's own. Failures are
 * figures here, not a failed run.
 */
public class LoginRateSimulation extends Simulation {

    private static final int FAMILIES = BenchSettings.number("families", 200);
    private static final int LEVELS = BenchSettings.number("levels", 8);
    private static final Duration LEVEL = BenchSettings.seconds("level", 30);
    private static final int RATE = BenchSettings.number("rate", 4);
    private static final int STEP = BenchSettings.number("step", 4);

    private final Tally tally = new Tally(LEVEL);
    private GatlingRecord record;
    private final List<Map<String, Object>> accounts = BenchFamilies.named(FAMILIES).stream()
            .map(BenchFamilies.Family::attributes).toList();
    private final AtomicLong next = new AtomicLong();
    private final Iterator<Map<String, Object>> inTurn =
            Stream.generate(() -> accounts.get((int) (next.getAndIncrement() % accounts.size()))).iterator();

    private final ScenarioBuilder logins = scenario("logins")
            .feed(inTurn)
            .exec(session -> session.set("loginStart", System.currentTimeMillis()))
            .exec(Browser.logIn())
            .exec(http("login 3: GET /api/me").get("/api/me").check(status().is(200),
                    jsonPath("$.username").isEL("#{username}")))
            .exec(this::record);

    {
        setUp(logins.injectOpen(incrementUsersPerSec(STEP).times(LEVELS).eachLevelLasting(LEVEL).startingFrom(RATE)))
                .protocols(Browser.protocol());
    }

    private Session record(Session session) {
        long now = System.currentTimeMillis();
        tally.record("login", session.isFailed() ? "KO" : Tally.OK, now - session.getLong("loginStart"), now);
        return session;
    }

    @Override
    public void before() {
        BenchFamilies.ensure(FAMILIES);
        record = GatlingRecord.start("gatling: login rate");
    }

    @Override
    public void after() {
        System.out.println();
        System.out.println("Login rate, per level of " + LEVEL.toSeconds() + " s (from " + RATE + " logins/s, +" + STEP
                + " each level; a whole login from the first request to /api/me):");
        tally.rows("login").forEach(row -> System.out.println("  " + row));
        System.out.println("  all levels: " + tally.count("login", Tally.OK) + " logins, " + tally.notOk("login")
                + " failed; " + tally.latencies("login"));
        if (record == null) {
            return;
        }
        List<String> levels = new ArrayList<>();
        double best = 0;
        for (Tally.Level level : tally.levels("login")) {
            double done = level.ok() / (double) LEVEL.toSeconds();
            best = Math.max(best, done);
            levels.add(String.format(Locale.ROOT, "%d/s offered: %.1f/s done, %d failed, p50 %d p99 %d ms",
                    RATE + STEP * level.slot(), done, level.answers() - level.ok(), level.p50(), level.p99()));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        // Keycloak's sizing guide (« Concepts for sizing CPU and memory resources », 26.x): 1 vCPU for each 15
        // password-based logins per second, Keycloak alone on its vCPUs.
        record.finish(String.format(Locale.ROOT, "whole logins (gateway → Keycloak's page → form posted → home → /api/me), "
                        + "open model from %d/s, +%d every %d s, %d accounts in turn: %s; best %.1f logins/s on %d cores shared "
                        + "with the whole stack, i.e. %.1f per core; Keycloak's sizing guide: 15 password logins/s per vCPU "
                        + "for Keycloak alone (%d on %d cores)", RATE, STEP, LEVEL.toSeconds(), FAMILIES, String.join("; ", levels),
                best, cores, best / cores, 15 * cores, cores), "no target given; compared with Keycloak's sizing guide",
                null, 0);
    }
}
