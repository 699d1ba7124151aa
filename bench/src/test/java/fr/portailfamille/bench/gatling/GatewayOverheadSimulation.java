package fr.portailfamille.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.portailfamille.bench.GatlingRecord;
import fr.portailfamille.bench.KeycloakAdmin;
import fr.portailfamille.testsupport.ApiClient;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Issue 15, scenario 1: what the gateway costs. The same family API, {@code GET /api/dossier/dossiers/{n}}
 * (what « Mon dossier » asks), read by {@code bench.sessions} (20) bench families in turn, each its own dossier
 * ({@link BenchFamilies}: one family alone at hundreds of requests per second would meet the gateway's limit of
 * calls at once per client, 429), two ways at the same open-model rate, side by side in one run: <b>direct</b>,
 * straight to dossier-service ({@code bench.dossierService}, :8082) with the bearer token the gateway would relay
 * (client {@code portal-gateway}, obtained as {@code bench/run burst} obtains it: {@link KeycloakAdmin#gatewayToken},
 * renewed every 4 minutes), and <b>gateway</b>, through the gateway ({@code bench.portal}, :8080) with the
 * session cookie of a login on Keycloak's page (token relay on, CGU gate, circuit breaker: everything a
 * family's call goes through). Each
 * virtual user sends one request; both sides share a connection pool each (kept alive, as a browser's), so
 * connection setup is not measured.
 * <p>
 * Two phases in one run. <b>Alone</b>, one path after the other: {@code bench.connections} (20) connections
 * without think time (closed model) for {@code bench.closed} seconds (60) each: each path's capacity, and the
 * gateway's throughput as a share of the direct one's (as the first measure with wrk, 20 connections).
 * Then <b>side by side</b> at the same open-model rate, rising in steps ({@code bench.levels} (6) levels of
 * {@code bench.level} s (30), from {@code bench.rate} (40) requests/s per side, {@code bench.step} (40) more
 * each level): per level each side's answers per second, p50/p99, and the p99 the gateway adds. Targets: the
 * gateway keeps ≥ 80 % of the direct throughput, and adds ≤ 5 ms to p99 at half the saturation rate (see
 * {@link #verdict}). Every answer must be 200 with the dossier asked, or a refusal with {@code Retry-After}
 * (429/503: counted apart as shed, see {@link SaturationSimulation}); anything else is an error.
 */
public class GatewayOverheadSimulation extends Simulation {

    private static final String PATH = "/api/dossier/dossiers/#{dossier}";
    private static final int SESSIONS = BenchSettings.number("sessions", 20);
    private static final int LEVELS = BenchSettings.number("levels", 6);
    private static final Duration LEVEL = BenchSettings.seconds("level", 30);
    private static final int RATE = BenchSettings.number("rate", 40);
    private static final int STEP = BenchSettings.number("step", 40);
    private static final int CONNECTIONS = BenchSettings.number("connections", 20);
    private static final Duration CLOSED = BenchSettings.seconds("closed", 60);

    private final Tally tally = new Tally(LEVEL);
    private final Tally closedTally = new Tally(Duration.ofDays(1));
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bearer-token-renewal");
        thread.setDaemon(true);
        return thread;
    });
    /** Per bench family in turn: username, dossier, sessionCookie, and token (renewed every 4 minutes). */
    private volatile List<Map<String, Object>> families = List.of();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicLong nextDirect = new AtomicLong();
    private final AtomicLong nextGateway = new AtomicLong();
    private GatlingRecord record;

    private final HttpProtocolBuilder direct = http.baseUrl(BenchSettings.DOSSIER_SERVICE)
            .acceptHeader("application/json, application/problem+json").shareConnections();
    private final HttpProtocolBuilder gateway = http.baseUrl(BenchSettings.PORTAL)
            .acceptHeader("application/json, application/problem+json").shareConnections();

    {
        // Alone, one after the other: each path's capacity (closed model, no think time); then side by side, open.
        setUp(directReads("direct, alone", closedTally).injectClosed(constantConcurrentUsers(CONNECTIONS).during(CLOSED))
                .protocols(direct)
                .andThen(gatewayReads("gateway, alone", closedTally)
                        .injectClosed(constantConcurrentUsers(CONNECTIONS).during(CLOSED)).protocols(gateway)
                        .andThen(directReads("direct", tally).injectOpen(steps()).protocols(direct),
                                gatewayReads("gateway", tally).injectOpen(steps()).protocols(gateway))))
                .assertions(global().failedRequests().count().is(0L));
    }

    private ScenarioBuilder directReads(String name, Tally into) {
        return scenario(name)
                .feed(inTurn(nextDirect))
                .exec(session -> session.set("token", tokens.get(session.getString("username"))))
                .exec(http("direct: GET /api/dossier/dossiers/{n}").get(PATH).header("Authorization", "Bearer #{token}")
                        .check(checks()).checkIf((response, session) -> response.status().code() == 200)
                        .then(jsonPath("$.number").isEL("#{dossier}")))
                .exec(session -> record(into, "direct", session));
    }

    private ScenarioBuilder gatewayReads(String name, Tally into) {
        return scenario(name)
                .feed(inTurn(nextGateway))
                .exec(Browser.sessionCookie())
                .exec(http("gateway: GET /api/dossier/dossiers/{n}").get(PATH).check(checks())
                        .checkIf((response, session) -> response.status().code() == 200)
                        .then(jsonPath("$.number").isEL("#{dossier}")))
                .exec(session -> record(into, "gateway", session));
    }

    /**
     * 200 with the dossier asked; or a refusal with {@code Retry-After} (429: too many calls at once for one
     * family, 503: shed), counted apart (« shed »), not as an error: above saturation the gateway sheds by design.
     */
    private static CheckBuilder[] checks() {
        return new CheckBuilder[] {responseTimeInMillis().saveAs("millis"), status().saveAs("status"),
                status().in(200, 429, 503)};
    }

    /** The families one after the other, each side its own turn. */
    private Iterator<Map<String, Object>> inTurn(AtomicLong next) {
        return Stream.generate(() -> families.get((int) (next.getAndIncrement() % families.size()))).iterator();
    }

    private static OpenInjectionStep steps() {
        return incrementUsersPerSec(STEP).times(LEVELS).eachLevelLasting(LEVEL).startingFrom(RATE);
    }

    private Session record(Tally into, String side, Session session) {
        String kind = session.isFailed() ? "KO" : session.getInt("status") == 200 ? Tally.OK : "shed";
        into.record(side, kind, session.contains("millis") ? session.getInt("millis") : 0,
                System.currentTimeMillis());
        return session;
    }

    @Override
    public void before() {
        KeycloakAdmin keycloak = new KeycloakAdmin(BenchSettings.KEYCLOAK);
        List<BenchFamilies.LoggedIn> loggedIn = BenchFamilies.logIn(BenchFamilies.ensure(SESSIONS));
        renewTokens(keycloak, loggedIn);
        renewal.scheduleAtFixedRate(() -> renewTokens(keycloak, loggedIn), 4, 4, TimeUnit.MINUTES);
        families = loggedIn.stream().map(BenchFamilies.LoggedIn::attributes).toList();
        // One call each way, one by one, before the load: a wrong setup stops here, not in the report.
        BenchFamilies.LoggedIn first = loggedIn.get(0);
        String path = "/api/dossier/dossiers/" + first.family().dossier();
        ApiClient portal = new ApiClient(BenchSettings.PORTAL);
        ApiClient.Response throughGateway = portal.send(portal.request(path, null)
                .header("Cookie", "PORTAIL_SESSION=" + first.sessionCookie()).GET());
        ApiClient.Response straight = new ApiClient(BenchSettings.DOSSIER_SERVICE).get(path,
                tokens.get(first.family().username()));
        if (throughGateway.status() != 200 || straight.status() != 200) {
            throw new IllegalStateException("Dossier " + first.family().dossier() + ": through the gateway " + throughGateway
                    + ", direct " + straight);
        }
        record = GatlingRecord.start("gatling: gateway overhead");
    }

    private void renewTokens(KeycloakAdmin keycloak, List<BenchFamilies.LoggedIn> loggedIn) {
        for (BenchFamilies.LoggedIn family : loggedIn) {
            tokens.put(family.family().username(), keycloak.gatewayToken(family.family().username(),
                    family.family().password(), BenchSettings.GATEWAY_SECRET));
        }
    }

    @Override
    public void after() {
        renewal.shutdownNow();
        System.out.println();
        System.out.println("Gateway overhead, GET /api/dossier/dossiers/{n} (" + SESSIONS + " families in turn):");
        System.out.println("  alone, one after the other, " + CONNECTIONS + " connections for " + CLOSED.toSeconds() + " s each:");
        closedTally.rows("direct").forEach(row -> System.out.println("    " + row));
        closedTally.rows("gateway").forEach(row -> System.out.println("    " + row));
        System.out.println("  open, per level of " + LEVEL.toSeconds() + " s (from " + RATE + " requests/s per side, +" + STEP
                + " each level):");
        tally.rows("direct").forEach(row -> System.out.println("    " + row));
        tally.rows("gateway").forEach(row -> System.out.println("    " + row));
        tally.compare("direct", "gateway").forEach(row -> System.out.println("    " + row));
        if (record == null) {
            return;
        }
        int direct = closedTally.count("direct", Tally.OK);
        int gateway = closedTally.count("gateway", Tally.OK);
        double kept = direct == 0 ? 0 : gateway / (double) direct;
        // Side by side at the same rate R, each request of the pair costs what each path costs alone: the machine
        // saturates near R = 1 / (1 / direct + 1 / gateway), their capacities measured alone.
        double saturation = direct == 0 || gateway == 0 ? 0
                : 1 / (CLOSED.toSeconds() / (double) direct + CLOSED.toSeconds() / (double) gateway);
        Verdict verdict = verdict(tally.levels("direct"), tally.levels("gateway"), RATE, STEP, LEVEL.toSeconds(), saturation);
        int errors = closedTally.count("direct", "KO") + closedTally.count("gateway", "KO") + tally.count("direct", "KO")
                + tally.count("gateway", "KO");
        int shed = closedTally.count("direct", "shed") + closedTally.count("gateway", "shed") + tally.count("direct", "shed")
                + tally.count("gateway", "shed");
        record.finish(String.format(Locale.ROOT, "GET /api/dossier/dossiers/{n}, %d bench families in turn reading their own, "
                        + "direct (bearer token) and through the gateway (session, token relay). Alone, one after the other, "
                        + "%d connections without think time for %d s each: direct %.0f ok/s (%s), gateway %.0f ok/s (%s): the gateway keeps %.0f %% "
                        + "of the direct throughput. Then side by side, open model, from %d/s per side, +%d every %d s: %s; %s; %d shed (429/503 with "
                        + "Retry-After)", SESSIONS, CONNECTIONS, CLOSED.toSeconds(), direct / (double) CLOSED.toSeconds(),
                closedTally.latencies("direct"), gateway / (double) CLOSED.toSeconds(), closedTally.latencies("gateway"),
                100 * kept, RATE, STEP, LEVEL.toSeconds(), String.join("; ", verdict.levels()), verdict.summary(), shed),
                "gateway ≥ 80 % of the direct throughput, p99 added ≤ 5 ms at half the saturation rate",
                kept >= 0.80 && verdict.met(), errors);
    }

    /**
     * The open levels side by side and the latency target at half the saturation rate: the highest level at or
     * below {@code saturation / 2} (requests/s per side; the first level when none is), and whether the gateway
     * added ≤ 5 ms to the direct side's p99 there.
     */
    static Verdict verdict(List<Tally.Level> direct, List<Tally.Level> gateway, int rate, int step, long levelSeconds,
                           double saturation) {
        List<String> rows = new ArrayList<>();
        int levels = Math.min(direct.size(), gateway.size());
        int half = -1;
        for (int i = 0; i < levels; i++) {
            Tally.Level d = direct.get(i);
            Tally.Level g = gateway.get(i);
            int offered = rate + step * d.slot();
            if (half < 0 || offered <= saturation / 2) {
                half = i;
            }
            rows.add(String.format(Locale.ROOT, "%d/s: direct %.0f ok/s p50 %d p99 %d ms, gateway %.0f ok/s p50 %d p99 %d ms "
                    + "(p99 %+d ms)", offered, d.ok() / (double) levelSeconds, d.p50(), d.p99(), g.ok() / (double) levelSeconds,
                    g.p50(), g.p99(), g.p99() - d.p99()));
        }
        long added = half < 0 ? Long.MAX_VALUE : gateway.get(half).p99() - direct.get(half).p99();
        int halfRate = half < 0 ? 0 : rate + step * direct.get(half).slot();
        String summary = String.format(Locale.ROOT, "side by side the machine saturates near %.0f/s per side (from the "
                        + "capacities alone); at %d/s per side (half of it or below) the gateway adds %d ms to p99",
                saturation, halfRate, added);
        return new Verdict(rows, summary, added <= 5);
    }

    record Verdict(List<String> levels, String summary, boolean met) {
    }
}
