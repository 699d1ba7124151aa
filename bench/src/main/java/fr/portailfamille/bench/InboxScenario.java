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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import fr.portailfamille.testsupport.PortalSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11's « inbox listing p99 with 10,000 conversations in a service and 200 concurrent readers ».
 * Service Jeunesse holds the bench's 10,000 conversations ({@link MessagingSeed}); 200 agent sessions
 * (200 logins of {@code agent.jeunesse} on Keycloak's page through the gateway, each its own session
 * cookie) each read the first page of the inbox as the web app asks it
 * ({@code GET /api/messaging/agent/conversations?service=jeunesse&box=…&page=0&size=20}), alternately
 * « Tous » (ALL) and « Non attribués » (UNASSIGNED), {@code reads} times back to back, all released
 * together at a start gate after one warm-up round (not measured). Each answer must be 200 with 20
 * items, a total of at least 10,000 for « Tous », only unassigned ones in « Non attribués ».
 */
final class InboxScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] BOXES = {"ALL", "UNASSIGNED"};
    private static final int PAGE_SIZE = 20;

    /** The gateway's client secret in the local stack (gateway/src/main/resources/application.yml). */
    static final String GATEWAY_SECRET = "local-gateway-secret";

    private final Bench.Options options;
    private String base;

    InboxScenario(Bench.Options options) {
        this.options = options;
    }

    Bench.Outcome run() {
        int readers = options.readers();
        int reads = options.reads();
        int wanted = options.conversations();
        new KeycloakAdmin(options.keycloakUrl()).clearLoginFailures(Portal.AGENT);
        PortalSession agent = PortalSession.login(options.portalUrl(), Portal.AGENT, Portal.AGENT_PASSWORD);
        MessagingSeed.Seeded seeded = new MessagingSeed(options).ensure(agent);
        if (seeded.added() > 0) {
            System.out.printf(Locale.ROOT, "Seeded %d conversations in %.1f s (%d bench conversations now)%n",
                    seeded.added(), seeded.seconds(), seeded.copies());
        }

        List<String> cookies;
        String base;
        String path;
        if (options.direct()) {
            // Straight to messaging-service as the gateway calls it: the agent's bearer token (one for every reader).
            String token = new KeycloakAdmin(options.keycloakUrl()).gatewayToken(Portal.AGENT, Portal.AGENT_PASSWORD,
                    GATEWAY_SECRET);
            cookies = java.util.Collections.nCopies(readers, "Bearer " + token);
            base = options.messagingUrl();
            path = "messaging-service directly (" + base + ", the agent's bearer token)";
        } else {
            System.out.println("Logging in " + readers + " agent sessions (" + Portal.AGENT + ") through the gateway...");
            cookies = sessions(readers);
            base = options.portalUrl();
            path = "the gateway (" + readers + " agent sessions)";
        }
        this.base = base;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        System.out.println("Warm-up: each session reads both boxes once (not measured)...");
        Round warmup = round(http, cookies, 2, null);
        warmup.errors().forEach((what, count) -> System.out.println("  warm-up: " + count + " × " + what));
        long[] totals = warmup.totals();
        if (options.settleSeconds() > 0) {
            Machine.settle(0.15, Duration.ofSeconds(Math.min(120, options.settleSeconds())));
        }
        // Connections may have been closed while the machine settled: open them again, not measured.
        round(http, cookies, 1, null);

        System.out.println(readers + " readers × " + reads + " reads of the first page at once...");
        Map<String, Latencies> byBox = new TreeMap<>();
        for (String box : BOXES) {
            byBox.put(box, new Latencies());
        }
        ProcessCpu cpu = new ProcessCpu(options.localData(), 55432);
        Map<String, Long> cpuBefore = cpu.snapshot();
        Round measured = round(http, cookies, reads, byBox);
        Map<String, Long> cpuAfter = cpu.snapshot();
        double seconds = measured.seconds();
        int requests = readers * reads;
        measured.errors().forEach((what, count) -> System.out.println("  " + count + " × " + what));
        int errors = measured.errorCount() + warmup.errorCount();
        String figures = String.format(Locale.ROOT,
                "%d bench conversations in service %s (%s) — inbox totals « Tous » %d, « Non attribués » %d; "
                        + "%d concurrent readers through %s, each reading the first page (%d) %d times back to back, "
                        + "alternately « Tous » and « Non attribués », all released together after a warm-up round: "
                        + "%d reads, %d errors%s; throughput %.0f reads/s (all answered in %.1f s); from send to answer %s; "
                        + "« Tous » p99 %.1f ms, « Non attribués » p99 %.1f ms; %s",
                seeded.copies(), MessagingSeed.SERVICE,
                seeded.added() > 0 ? String.format(Locale.ROOT, "%d added by SQL copies of 4 model conversations made "
                        + "through the API, in %.1f s", seeded.added(), seeded.seconds())
                        : "seeded earlier by SQL copies of 4 model conversations made through the API",
                totals[0], totals[1], readers, path, PAGE_SIZE, reads, requests, errors, errorKinds(warmup, measured), requests / seconds, seconds,
                measured.all().summary(), byBox.get("ALL").percentileMs(99), byBox.get("UNASSIGNED").percentileMs(99),
                ProcessCpu.split(cpuBefore, cpuAfter, seconds, Runtime.getRuntime().availableProcessors()));
        return new Bench.Outcome("messaging: inbox listing, " + readers + " concurrent readers"
                + (options.direct() ? " (direct)" : ""), figures,
                "no target given; p99 recorded", null, errors);
    }

    /**
     * {@code count} agent sessions, logged in one after the other (simultaneous logins of one account trip
     * the realm's brute-force detection, which then locks it for a minute); their session cookies.
     */
    private List<String> sessions(int count) {
        KeycloakAdmin keycloak = new KeycloakAdmin(options.keycloakUrl());
        keycloak.clearLoginFailures(Portal.AGENT);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PortalSession session;
            try {
                session = PortalSession.login(options.portalUrl(), Portal.AGENT, Portal.AGENT_PASSWORD);
            } catch (IllegalStateException e) {
                System.out.println("Login " + (i + 1) + " refused (" + e.getMessage().lines().findFirst().orElse("")
                        + "), once more after clearing the account's login failures");
                keycloak.clearLoginFailures(Portal.AGENT);
                Gates.pause(1000);
                session = PortalSession.login(options.portalUrl(), Portal.AGENT, Portal.AGENT_PASSWORD);
            }
            values.add("PORTAIL_SESSION=" + session.cookie("PORTAIL_SESSION"));
        }
        return values;
    }

    /** « (warm-up: 363 × HTTP 503 …; measured: …) », or nothing when there was no error. */
    private static String errorKinds(Round warmup, Round measured) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Round> round : Map.of("warm-up", warmup, "measured", measured).entrySet()) {
            round.getValue().errors().forEach((what, count) -> parts.add(round.getKey() + ": " + count + " × "
                    + (what.length() > 110 ? what.substring(0, 110) + "…" : what)));
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    /** What one round gave: latencies, errors by kind, the last totals seen per box, wall time. */
    private record Round(Latencies all, Map<String, Integer> errors, long[] totals, double seconds) {

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Every session reads {@code reads} times back to back, alternating boxes (even sessions start with
     * « Tous », odd ones with « Non attribués »), all released together; latencies recorded by box when
     * {@code byBox} is given.
     */
    private Round round(HttpClient http, List<String> cookies, int reads, Map<String, Latencies> byBox) {
        int readers = cookies.size();
        Latencies all = new Latencies();
        Map<String, Integer> errors = new TreeMap<>();
        long[] totals = new long[BOXES.length];
        long[] lastEnd = new long[1];
        CountDownLatch ready = new CountDownLatch(readers);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(readers);
        for (int r = 0; r < readers; r++) {
            int reader = r;
            threads.submit(() -> {
                ready.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < reads; i++) {
                    int box = (reader + i) % BOXES.length;
                    long start = System.nanoTime();
                    String error;
                    long total = -1;
                    try {
                        String credential = cookies.get(reader);
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base
                                        + "/api/messaging/agent/conversations?service=" + MessagingSeed.SERVICE + "&box="
                                        + BOXES[box] + "&page=0&size=" + PAGE_SIZE))
                                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                                .header(credential.startsWith("Bearer ") ? "Authorization" : "Cookie", credential)
                                .GET().build(), HttpResponse.BodyHandlers.ofString());
                        long end = System.nanoTime();
                        all.record(end - start);
                        if (byBox != null) {
                            byBox.get(BOXES[box]).record(end - start);
                        }
                        synchronized (lastEnd) {
                            lastEnd[0] = Math.max(lastEnd[0], end);
                        }
                        error = check(answer, BOXES[box]);
                        if (error == null) {
                            total = JSON.readTree(answer.body()).get("total").asLong();
                        }
                    } catch (IOException e) {
                        error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (RuntimeException e) {
                        error = e.toString();
                    }
                    synchronized (errors) {
                        if (error != null) {
                            errors.merge(error, 1, Integer::sum);
                        } else {
                            totals[box] = total;
                        }
                    }
                }
            });
        }
        Gates.await(ready);
        Gates.pause(200);
        long begin = System.nanoTime();
        gate.countDown();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Reads still unanswered after 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Round(all, errors, totals, (lastEnd[0] - begin) / 1e9);
    }

    /** Null when the page is right: 200, a full first page, « Tous » ≥ the bench's conversations, unassigned ones only. */
    private String check(HttpResponse<String> answer, String box) {
        if (answer.statusCode() != 200) {
            String body = answer.body() == null ? "" : answer.body().strip();
            return "HTTP " + answer.statusCode() + " « " + (body.length() > 200 ? body.substring(0, 200) + "…" : body) + " »";
        }
        JsonNode page = JSON.readTree(answer.body());
        JsonNode items = page.get("items");
        if (items == null || items.size() != PAGE_SIZE) {
            return box + ": " + (items == null ? "no items" : items.size() + " items") + " instead of " + PAGE_SIZE;
        }
        if (box.equals("ALL") && page.get("total").asLong() < options.conversations()) {
            return "ALL: total " + page.get("total").asLong() + " < " + options.conversations();
        }
        if (box.equals("UNASSIGNED")) {
            for (JsonNode item : items) {
                if (item.hasNonNull("assignedTo")) {
                    return "UNASSIGNED: an assigned conversation listed";
                }
            }
        }
        return null;
    }
}
