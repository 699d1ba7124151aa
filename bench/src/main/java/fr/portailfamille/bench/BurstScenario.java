package fr.portailfamille.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's item 2: « under load the gateway turns everyone away ». Through the gateway, 200 connections
 * at once ({@code --connections}) each read one family's dossier ({@code GET /api/dossier/dossiers/8100},
 * what « Mon dossier » asks) {@code --requests} times back to back, with that family's bearer token
 * (client {@code portal-gateway}, as the gateway relays it); meanwhile another family (the demo's
 * {@code claire.durand}, dossier 6000) reads its own dossier every 100 ms ({@code --interval}), each call
 * on its own and not waiting for the previous one, from the start gate until the burst's last answer.
 * Every answer is sorted: 200, 503 {@code service-surcharge} (the service shed it: the excess of the
 * burst), 503 {@code service-indisponible} with the route's « dossier famille » (the gateway's fallback:
 * the route's circuit breaker is open, or the call failed or was cut at the route's timeout), 429,
 * anything else. Target: only the excess is shed — every call of the other family answered 200 and no
 * fallback at all.
 */
final class BurstScenario {

    static final String DOSSIER = NotificationScenario.DOSSIER;
    static final String OTHER_FAMILY = "claire.durand";
    static final String OTHER_PASSWORD = "Famille-Durand-6000";
    static final String OTHER_DOSSIER = "6000";

    static final String SHED = "urn:portail-famille:problem:service-surcharge";
    static final String FALLBACK = "urn:portail-famille:problem:service-indisponible";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The kinds of answer, in the order they are printed. */
    enum Kind { OK, SHED, FALLBACK, TOO_MANY, OTHER }

    private final Bench.Options options;

    BurstScenario(Bench.Options options) {
        this.options = options;
    }

    /** Answers of one side (the burst, or the other family): counts by kind, other kinds spelt out, latencies of the 200s. */
    private static final class Tally {
        final Map<Kind, Integer> counts = new TreeMap<>();
        final Map<String, Integer> others = new TreeMap<>();
        final Latencies ok = new Latencies();
        int withoutRetryAfter;
        int wrongDossier;
        long firstFallback = -1;
        long lastFallback = -1;

        synchronized void add(Kind kind, String other, long nanos, long sinceGate, boolean retryAfter, boolean rightDossier) {
            counts.merge(kind, 1, Integer::sum);
            switch (kind) {
                case OK -> {
                    ok.record(nanos);
                    if (!rightDossier) {
                        wrongDossier++;
                    }
                }
                case SHED, FALLBACK, TOO_MANY -> {
                    if (!retryAfter) {
                        withoutRetryAfter++;
                    }
                    if (kind == Kind.FALLBACK) {
                        firstFallback = firstFallback < 0 ? sinceGate : Math.min(firstFallback, sinceGate);
                        lastFallback = Math.max(lastFallback, sinceGate);
                    }
                }
                case OTHER -> others.merge(other, 1, Integer::sum);
            }
        }

        synchronized int count(Kind kind) {
            return counts.getOrDefault(kind, 0);
        }

        synchronized int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** « 3,120 × 200, 880 × 503 service-surcharge, 0 × 503 service-indisponible (fallback), 0 × 429, 0 other ». */
        synchronized String describe() {
            String text = String.format(Locale.ROOT, "%d × 200, %d × 503 service-surcharge (shed by the service), "
                            + "%d × 503 service-indisponible (the gateway's fallback)%s, %d × 429, %d other",
                    count(Kind.OK), count(Kind.SHED), count(Kind.FALLBACK),
                    firstFallback < 0 ? "" : String.format(Locale.ROOT, " from %.1f s to %.1f s after the gate",
                            firstFallback / 1e9, lastFallback / 1e9),
                    count(Kind.TOO_MANY), count(Kind.OTHER));
            if (!others.isEmpty()) {
                List<String> parts = new ArrayList<>();
                others.forEach((what, n) -> parts.add(n + " × " + (what.length() > 110 ? what.substring(0, 110) + "…" : what)));
                text += " (" + String.join("; ", parts) + ")";
            }
            if (withoutRetryAfter > 0) {
                text += ", " + withoutRetryAfter + " refusals without Retry-After";
            }
            if (wrongDossier > 0) {
                text += ", " + wrongDossier + " 200s with another dossier than asked";
            }
            return text;
        }
    }

    Bench.Outcome run() {
        int connections = options.connections();
        int requests = options.requests();
        long interval = options.intervalMillis();

        System.out.println("Setting up: dossier " + DOSSIER + " and its account " + NotificationScenario.FAMILY
                + " (the burst), " + OTHER_FAMILY + " of dossier " + OTHER_DOSSIER + " (the other family)...");
        KeycloakAdmin keycloak = new KeycloakAdmin(options.keycloakUrl());
        keycloak.clearLoginFailures(Portal.AGENT);
        PortalSession agent = PortalSession.login(options.portalUrl(), Portal.AGENT, Portal.AGENT_PASSWORD);
        Portal.ensureDossier(agent, DOSSIER, "BENCH-PAIEMENT", NotificationScenario.EMAIL);
        keycloak.ensureFamily(NotificationScenario.FAMILY, NotificationScenario.FAMILY_PASSWORD, DOSSIER,
                NotificationScenario.EMAIL);
        String burstToken = keycloak.gatewayToken(NotificationScenario.FAMILY, NotificationScenario.FAMILY_PASSWORD,
                InboxScenario.GATEWAY_SECRET);
        String otherToken = keycloak.gatewayToken(OTHER_FAMILY, OTHER_PASSWORD, InboxScenario.GATEWAY_SECRET);
        ApiClient gateway = new ApiClient(options.portalUrl());
        acceptCgu(gateway, burstToken, NotificationScenario.FAMILY);
        acceptCgu(gateway, otherToken, OTHER_FAMILY);

        URI burstUri = URI.create(options.portalUrl() + "/api/dossier/dossiers/" + DOSSIER);
        URI otherUri = URI.create(options.portalUrl() + "/api/dossier/dossiers/" + OTHER_DOSSIER);
        HttpClient burstClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpClient otherClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        // Warm-up, not measured, one call after the other (no burst yet: a burst here could open a breaker).
        Tally warmup = new Tally();
        for (int i = 0; i < 20; i++) {
            call(burstClient, burstUri, burstToken, DOSSIER, warmup, 0);
            call(otherClient, otherUri, otherToken, OTHER_DOSSIER, warmup, 0);
        }
        if (warmup.count(Kind.OK) != warmup.total()) {
            throw new IllegalStateException("Warm-up: " + warmup.describe() + ": the dossiers are not read by their "
                    + "families, the burst would measure nothing");
        }
        if (options.settleSeconds() > 0) {
            Machine.settle(0.15, Duration.ofSeconds(Math.min(120, options.settleSeconds())));
        }
        // Fresh tokens (they live 5 minutes), each used once so that the CGU gate remembers it, then the connections.
        String burstBearer = keycloak.gatewayToken(NotificationScenario.FAMILY, NotificationScenario.FAMILY_PASSWORD,
                InboxScenario.GATEWAY_SECRET);
        String otherBearer = keycloak.gatewayToken(OTHER_FAMILY, OTHER_PASSWORD, InboxScenario.GATEWAY_SECRET);
        Tally fresh = new Tally();
        call(burstClient, burstUri, burstBearer, DOSSIER, fresh, 0);
        call(otherClient, otherUri, otherBearer, OTHER_DOSSIER, fresh, 0);
        if (fresh.count(Kind.OK) != 2) {
            throw new IllegalStateException("After settling: " + fresh.describe());
        }
        Gates.openConnections(burstClient, URI.create(options.portalUrl() + "/actuator/health"), connections);

        System.out.println(connections + " connections × " + requests + " reads of dossier " + DOSSIER + " at once, and "
                + OTHER_FAMILY + " reading dossier " + OTHER_DOSSIER + " every " + interval + " ms meanwhile...");
        Tally burst = new Tally();
        Tally other = new Tally();
        AtomicLong lastEnd = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch burstDone = new CountDownLatch(connections);
        long[] gateOpened = new long[1];
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            threads.submit(() -> {
                ready.countDown();
                try {
                    gate.await();
                    for (int i = 0; i < requests; i++) {
                        long end = call(burstClient, burstUri, burstBearer, DOSSIER, burst, gateOpened[0]);
                        lastEnd.accumulateAndGet(end, Math::max);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    burstDone.countDown();
                }
            });
        }
        Gates.await(ready);
        Gates.pause(200);
        ProcessCpu cpu = new ProcessCpu(options.localData(), 55432);
        Map<String, Long> cpuBefore = cpu.snapshot();
        long begin = System.nanoTime();
        gateOpened[0] = begin;
        gate.countDown();
        // The other family: one call every interval, each on its own (a slow one does not delay the next).
        List<CompletableFuture<Void>> otherCalls = new ArrayList<>();
        ExecutorService otherThreads = Executors.newCachedThreadPool();
        for (long next = begin; burstDone.getCount() > 0; next += interval * 1_000_000L) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Gates.pause(wait / 1_000_000L);
            }
            if (burstDone.getCount() == 0) {
                break;
            }
            otherCalls.add(CompletableFuture.runAsync(
                    () -> call(otherClient, otherUri, otherBearer, OTHER_DOSSIER, other, begin), otherThreads));
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Reads still unanswered after 10 minutes");
            }
            CompletableFuture.allOf(otherCalls.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The other family's calls: " + e, e);
        }
        otherThreads.shutdown();
        double seconds = (lastEnd.get() - begin) / 1e9;
        Map<String, Long> cpuAfter = cpu.snapshot();

        int total = connections * requests;
        System.out.println("  burst: " + burst.describe());
        System.out.println("  " + OTHER_FAMILY + ": " + other.describe());
        String figures = String.format(Locale.ROOT,
                "%d connections at once through the gateway, each reading dossier %s (GET /api/dossier/dossiers/%s, the "
                        + "family's bearer token) %d times back to back: %d calls in %.1f s (%.0f answers/s): %s; the 200s "
                        + "from send to answer %s. Meanwhile %s read dossier %s every %d ms: %d calls, %s; its 200s %s; %s",
                connections, DOSSIER, DOSSIER, requests, total, seconds, total / seconds, burst.describe(),
                burst.ok.summary(), OTHER_FAMILY, OTHER_DOSSIER, interval, other.total(), other.describe(),
                other.ok.summary(),
                ProcessCpu.split(cpuBefore, cpuAfter, seconds, Runtime.getRuntime().availableProcessors()));
        if (options.settleSeconds() != 600) {
            // Said in the row: a shorter wait leaves more of other people's work on the cores.
            figures += String.format(Locale.ROOT, " (--settle=%d: waited at most %d s for the machine to settle)",
                    options.settleSeconds(), options.settleSeconds());
        }
        boolean met = other.total() > 0 && other.count(Kind.OK) == other.total()
                && burst.count(Kind.FALLBACK) + other.count(Kind.FALLBACK) == 0;
        // A 200 with another dossier than asked would be a wrong answer; everything else is a figure of the target.
        int errors = burst.wrongDossier + other.wrongDossier;
        return new Bench.Outcome("gateway: burst of " + connections + " connections on one family's dossier", figures,
                "the excess only is shed: the other family's calls all answered 200 and no breaker fallback "
                        + "(service-indisponible)", met, errors);
    }

    /**
     * Accepts the CGU in force for that account when the gateway's CGU gate would refuse it (issue 13,
     * item 10: a bench account never accepted any); nothing when the portal has no such gate.
     */
    private static void acceptCgu(ApiClient gateway, String token, String username) {
        ApiClient.Response gate = gateway.get("/api/identity/me/cgu", token);
        if (gate.status() != 200) {
            return;
        }
        JsonNode answer = gate.json();
        if (answer.path("mustAccept").asBoolean(false)) {
            String version = answer.get("currentVersion").asString();
            ApiClient.Response accepted = gateway.put("/api/identity/me/cgu", token,
                    "{\"version\":\"" + version + "\",\"accepted\":true}");
            if (accepted.status() != 200) {
                throw new IllegalStateException("CGU " + version + " not accepted for " + username + ": " + accepted);
            }
            System.out.println("Accepted the CGU " + version + " for " + username);
        }
    }

    /** One read, sorted into {@code tally}; returns when it ended (nanoTime). */
    private static long call(HttpClient http, URI uri, String token, String dossier, Tally tally, long gate) {
        long start = System.nanoTime();
        Kind kind;
        String other = null;
        boolean retryAfter = false;
        boolean rightDossier = false;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, application/problem+json")
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            retryAfter = answer.headers().firstValue("Retry-After").isPresent();
            String body = answer.body() == null ? "" : answer.body().strip();
            String type = type(body);
            if (answer.statusCode() == 200) {
                kind = Kind.OK;
                rightDossier = dossier.equals(JSON.readTree(body).path("number").asString(""));
            } else if (answer.statusCode() == 503 && SHED.equals(type)) {
                kind = Kind.SHED;
            } else if (answer.statusCode() == 503 && FALLBACK.equals(type) && body.contains("dossier famille")) {
                kind = Kind.FALLBACK;
            } else if (answer.statusCode() == 429) {
                kind = Kind.TOO_MANY;
            } else {
                kind = Kind.OTHER;
                other = "HTTP " + answer.statusCode() + " « " + (body.length() > 160 ? body.substring(0, 160) + "…" : body) + " »";
            }
        } catch (IOException e) {
            kind = Kind.OTHER;
            other = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kind = Kind.OTHER;
            other = "interrupted";
        } catch (RuntimeException e) {
            kind = Kind.OTHER;
            other = e.toString();
        }
        long end = System.nanoTime();
        tally.add(kind, other, end - start, end - gate, retryAfter, rightDossier);
        return end;
    }

    /** The problem's {@code type}, or null when the body is no JSON object with one. */
    private static String type(String body) {
        if (!body.startsWith("{")) {
            return null;
        }
        try {
            JsonNode type = JSON.readTree(body).get("type");
            return type == null ? null : type.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
