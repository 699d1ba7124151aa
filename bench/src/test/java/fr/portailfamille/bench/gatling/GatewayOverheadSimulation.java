package fr.portailfamille.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.portailfamille.bench.KeycloakAdmin;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalSession;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Issue 15, scenario 1: what the gateway costs. The same family API, {@code GET /api/dossier/dossiers/6000}
 * (what « Mon dossier » asks), read by the demo family {@code claire.durand} two ways at the same open-model
 * rate, side by side in one run: <b>direct</b>, straight to dossier-service ({@code bench.dossierService},
 * :8082) with the bearer token the gateway would relay (client {@code portal-gateway}, obtained as
 * {@code bench/run burst} obtains it: {@link KeycloakAdmin#gatewayToken}, renewed every 4 minutes), and
 * <b>gateway</b>, through the gateway ({@code bench.portal}, :8080) with the session cookie of a login on
 * Keycloak's page (token relay on, CGU gate, circuit breaker: everything a family's call goes through). Each
 * virtual user sends one request; both sides share a connection pool each (kept alive, as a browser's), so
 * connection setup is not measured.
 * <p>
 * The rate rises in steps ({@code bench.levels} levels of {@code bench.level} seconds, from
 * {@code bench.rate} requests/s per side, {@code bench.step} more at each level): at the end, per level, each
 * side's successful answers per second and p50/p95/p99, and the gateway's throughput as a share of the
 * direct one's with the p50 and p99 it adds. Targets: the gateway keeps ≥ 80 % of the direct throughput, and
 * adds ≤ 5 ms to p99 at half the saturation rate (the level before which the direct side stops keeping up
 * is the saturation). Every answer must be 200 with the dossier asked (Gatling's assertion: no failed
 * request); a refusal is a failure here, see {@link SaturationSimulation} for shedding.
 */
public class GatewayOverheadSimulation extends Simulation {

    private static final String DOSSIER = BenchSettings.DEMO_DOSSIER;
    private static final String PATH = "/api/dossier/dossiers/" + DOSSIER;
    private static final int LEVELS = BenchSettings.number("levels", 6);
    private static final Duration LEVEL = BenchSettings.seconds("level", 30);
    private static final int RATE = BenchSettings.number("rate", 25);
    private static final int STEP = BenchSettings.number("step", 25);

    private final Tally tally = new Tally(LEVEL);
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bearer-token-renewal");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String bearerToken;
    private volatile String sessionCookie;

    private final HttpProtocolBuilder direct = http.baseUrl(BenchSettings.DOSSIER_SERVICE)
            .acceptHeader("application/json, application/problem+json").shareConnections();
    private final HttpProtocolBuilder gateway = http.baseUrl(BenchSettings.PORTAL)
            .acceptHeader("application/json, application/problem+json").shareConnections();

    private final ScenarioBuilder directReads = scenario("direct")
            .exec(session -> session.set("token", bearerToken))
            .exec(http("direct: GET /api/dossier/dossiers/{n}").get(PATH).header("Authorization", "Bearer #{token}")
                    .check(responseTimeInMillis().saveAs("millis"), status().is(200), jsonPath("$.number").is(DOSSIER)))
            .exec(session -> record("direct", session));

    private final ScenarioBuilder gatewayReads = scenario("gateway")
            .exec(session -> session.set("sessionCookie", sessionCookie))
            .exec(Browser.sessionCookie())
            .exec(http("gateway: GET /api/dossier/dossiers/{n}").get(PATH)
                    .check(responseTimeInMillis().saveAs("millis"), status().is(200), jsonPath("$.number").is(DOSSIER)))
            .exec(session -> record("gateway", session));

    {
        setUp(directReads.injectOpen(steps()).protocols(direct), gatewayReads.injectOpen(steps()).protocols(gateway))
                .assertions(global().failedRequests().count().is(0L));
    }

    private static OpenInjectionStep steps() {
        return incrementUsersPerSec(STEP).times(LEVELS).eachLevelLasting(LEVEL).startingFrom(RATE);
    }

    private Session record(String side, Session session) {
        tally.record(side, session.isFailed() ? "KO" : Tally.OK, session.contains("millis") ? session.getInt("millis") : 0,
                System.currentTimeMillis());
        return session;
    }

    @Override
    public void before() {
        KeycloakAdmin keycloak = new KeycloakAdmin(BenchSettings.KEYCLOAK);
        keycloak.clearLoginFailures(BenchSettings.DEMO_FAMILY);
        PortalSession session = PortalSession.login(BenchSettings.PORTAL, BenchSettings.DEMO_FAMILY, BenchSettings.DEMO_PASSWORD);
        ApiClient.Response account = session.get("/api/identity/me/account");
        if (account.status() == 200 && account.json().path("mustAcceptCgu").asBoolean(false)) {
            session.acceptCurrentCgu();
        }
        sessionCookie = session.cookie("PORTAIL_SESSION");
        if (sessionCookie == null) {
            throw new IllegalStateException("No PORTAIL_SESSION cookie after the login of " + BenchSettings.DEMO_FAMILY);
        }
        bearerToken = token(keycloak);
        renewal.scheduleAtFixedRate(() -> bearerToken = token(keycloak), 4, 4, TimeUnit.MINUTES);
        // One call each way, one by one, before the load: a wrong setup stops here, not in the report.
        ApiClient.Response throughGateway = session.get(PATH);
        ApiClient.Response straight = new ApiClient(BenchSettings.DOSSIER_SERVICE).get(PATH, bearerToken);
        if (throughGateway.status() != 200 || straight.status() != 200) {
            throw new IllegalStateException("Dossier " + DOSSIER + ": through the gateway " + throughGateway
                    + ", direct " + straight);
        }
    }

    private static String token(KeycloakAdmin keycloak) {
        return keycloak.gatewayToken(BenchSettings.DEMO_FAMILY, BenchSettings.DEMO_PASSWORD, BenchSettings.GATEWAY_SECRET);
    }

    @Override
    public void after() {
        renewal.shutdownNow();
        System.out.println();
        System.out.println("Gateway overhead, GET " + PATH + ", per level of " + LEVEL.toSeconds() + " s (from "
                + RATE + " requests/s per side, +" + STEP + " each level):");
        tally.rows("direct").forEach(row -> System.out.println("  " + row));
        tally.rows("gateway").forEach(row -> System.out.println("  " + row));
        tally.compare("direct", "gateway").forEach(row -> System.out.println("  " + row));
        System.out.println("  all levels: direct " + tally.latencies("direct") + "; gateway " + tally.latencies("gateway")
                + "; not ok: direct " + tally.notOk("direct") + ", gateway " + tally.notOk("gateway"));
    }
}
