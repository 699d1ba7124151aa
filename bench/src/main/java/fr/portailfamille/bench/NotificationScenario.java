package fr.portailfamille.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalSession;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10's « notification handling throughput and p99 with 200 concurrent notifications on distinct
 * payments ». The bench family (dossier 8100, its own Keycloak account) gets 220 invoices by import and
 * starts one payment per invoice through the gateway, as the web app does; for each payment the bank's
 * AUTHORISED notification is built and signed as bank-simulator builds it. 20 of them are sent one by
 * one first (warm-up, not measured), then the other 200 all at once — 200 threads held at a start gate,
 * on connections opened beforehand — straight to billing-service's {@code /bank/systempay/notifications},
 * as the bank calls it. Each answer must be a 200 « OK… » (billing-service acknowledges a notification once
 * it is checked and stored, and settles it just after: ADR 004 « Acknowledge, then settle »), and every
 * payment must then read PAID; the time until the last one does is recorded beside the answers' latencies.
 */
final class NotificationScenario {

    static final String DOSSIER = "8100";
    static final String FAMILY = "bench.paiement.8100";
    static final String FAMILY_PASSWORD = "Bench-Paiement-8100-Local";
    static final String EMAIL = "bench.paiement.8100@example.test";

    private record Started(String paymentId, Map<String, String> form) {
    }

    private final Bench.Options options;

    NotificationScenario(Bench.Options options) {
        this.options = options;
    }

    Bench.Outcome run() {
        int burst = options.notifications();
        int warmup = options.warmup();
        int total = burst + warmup;

        System.out.println("Setting up: dossier " + DOSSIER + ", account " + FAMILY + ", " + total + " invoices, "
                + total + " payments through the gateway...");
        PortalSession agent = PortalSession.login(options.portalUrl(), Portal.AGENT, Portal.AGENT_PASSWORD);
        Portal.ensureDossier(agent, DOSSIER, "BENCH-PAIEMENT", EMAIL);
        new KeycloakAdmin(options.keycloakUrl()).ensureFamily(FAMILY, FAMILY_PASSWORD, DOSSIER, EMAIL);

        String prefix = "N" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ApiClient.Response imported = agent.post("/api/billing/imports",
                Portal.batch(prefix, total, Integer.parseInt(DOSSIER), 1, today.toString(), today.plusDays(30).toString()));
        if (imported.status() != 201 || imported.json().get("created").asInt() != total) {
            throw new IllegalStateException("Import of the payments' invoices: " + imported);
        }

        PortalSession family = PortalSession.login(options.portalUrl(), FAMILY, FAMILY_PASSWORD);
        family.acceptCurrentCgu();
        List<String> invoiceIds = invoiceIds(family, prefix, total);
        List<Started> payments = new ArrayList<>();
        for (String invoiceId : invoiceIds) {
            ApiClient.Response started = family.post("/api/billing/payments", "{\"invoiceIds\":[\"" + invoiceId + "\"]}");
            if (started.status() != 201) {
                throw new IllegalStateException("Payment of invoice " + invoiceId + " not started: " + started);
            }
            JsonNode json = started.json();
            Map<String, String> form = new LinkedHashMap<>();
            json.get("form").get("fields").properties().forEach(f -> form.put(f.getKey(), f.getValue().asString()));
            payments.add(new Started(json.get("id").asString(), form));
        }
        List<String> bodies = payments.stream()
                .map(p -> Systempay.formEncoded(Systempay.authorised(p.form(), Systempay.TEST_KEY))).toList();

        HttpClient bank = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI notifications = URI.create(options.billingUrl() + "/bank/systempay/notifications");
        int warmupErrors = 0;
        for (int i = 0; i < warmup; i++) {
            Answer answer = notify(bank, notifications, bodies.get(i));
            if (!answer.ok()) {
                warmupErrors++;
                System.out.println("Warm-up notification refused: " + answer);
            }
        }
        if (options.settleSeconds() > 0) {
            // The setup's 220 invoices and payments send mails and events: let them pass first.
            Machine.settle(0.15, Duration.ofSeconds(Math.min(120, options.settleSeconds())));
        }
        Gates.openConnections(bank, URI.create(options.billingUrl() + "/actuator/health/liveness"), burst);

        System.out.println("Sending " + burst + " notifications at once to " + notifications + "...");
        Latencies latencies = new Latencies();
        Latencies fromGate = new Latencies();
        long[] gateOpened = new long[1];
        Answer[] answers = new Answer[burst];
        long[] ends = new long[burst];
        CountDownLatch ready = new CountDownLatch(burst);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(burst);
        for (int i = 0; i < burst; i++) {
            int index = i;
            String body = bodies.get(warmup + i);
            senders.submit(() -> {
                ready.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long start = System.nanoTime();
                answers[index] = notify(bank, notifications, body);
                ends[index] = System.nanoTime();
                latencies.record(ends[index] - start);
                fromGate.record(ends[index] - gateOpened[0]);
            });
        }
        Gates.await(ready);
        Gates.pause(200);
        ProcessCpu cpu = new ProcessCpu(options.localData(), 55432);
        Map<String, Long> cpuBefore = cpu.snapshot();
        long begin = System.nanoTime();
        gateOpened[0] = begin;
        gate.countDown();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Notifications still unanswered after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long end = 0;
        for (long e : ends) {
            end = Math.max(end, e);
        }
        double seconds = (end - begin) / 1e9;
        // Settled just after the answers: wait (at most a minute) until every payment reads PAID.
        int paidNow = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            paidNow = paidCount(family, payments);
            if (paidNow == payments.size()) {
                break;
            }
            Gates.pause(100);
        }
        double settledSeconds = (System.nanoTime() - begin) / 1e9;
        Map<String, Long> cpuAfter = cpu.snapshot();

        Map<String, Integer> refused = new HashMap<>();
        int errors = 0;
        for (Answer answer : answers) {
            if (answer == null || !answer.ok()) {
                errors++;
                refused.merge(answer == null ? "no answer" : answer.toString(), 1, Integer::sum);
            }
        }
        refused.forEach((what, count) -> System.out.println("  " + count + " × " + what));

        AtomicInteger paid = new AtomicInteger(paidNow);
        int notPaid = total - paid.get();
        String figures = String.format(Locale.ROOT,
                "%d notifications at once on distinct payments (after %d sent one by one, not measured), straight to "
                        + "billing-service on open connections: %d errors, %d/%d payments PAID (the last %.2f s after the "
                        + "start gate: acknowledged, then settled); throughput %.0f notifications/s "
                        + "(all answered in %.2f s); from send to answer %s; from the start gate to the answer (adds "
                        + "the client's own wait for a core) p50 %.1f ms, p99 %.1f ms; %s",
                burst, warmup, errors + warmupErrors, paid.get(), total, settledSeconds, burst / seconds, seconds,
                latencies.summary(), fromGate.percentileMs(50), fromGate.percentileMs(99),
                ProcessCpu.split(cpuBefore, cpuAfter, settledSeconds, Runtime.getRuntime().availableProcessors()));
        boolean met = latencies.percentileMs(99) <= 200 && errors + warmupErrors + notPaid == 0;
        return new Bench.Outcome("billing: 200 concurrent notifications", figures, "p99 ≤ 200 ms", met,
                errors + warmupErrors + notPaid);
    }

    /** How many of {@code payments} read PAID. */
    private static int paidCount(PortalSession family, List<Started> payments) {
        int paid = 0;
        for (Started payment : payments) {
            ApiClient.Response state = family.get("/api/billing/payments/" + payment.paymentId());
            if (state.status() == 200 && "PAID".equals(state.json().get("status").asString())) {
                paid++;
            }
        }
        return paid;
    }

    /** The ids of this run's invoices in the family's payable list, in number order. */
    private static List<String> invoiceIds(PortalSession family, String prefix, int expected) {
        Map<String, String> byNumber = new HashMap<>();
        for (int page = 0; byNumber.size() < expected; page++) {
            ApiClient.Response answer = family.get("/api/billing/invoices?view=payable&page=" + page + "&size=100");
            if (answer.status() != 200) {
                throw new IllegalStateException("The family's invoices: " + answer);
            }
            JsonNode items = answer.json().get("items");
            if (items.isEmpty()) {
                throw new IllegalStateException("Only " + byNumber.size() + " of this run's " + expected
                        + " invoices are payable for " + FAMILY);
            }
            items.forEach(item -> {
                String number = item.get("number").asString();
                if (number.startsWith(prefix + "-")) {
                    byNumber.put(number, item.get("id").asString());
                }
            });
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            ids.add(byNumber.get(Portal.number(prefix, i)));
        }
        return ids;
    }

    private record Answer(int status, String body, String error) {

        boolean ok() {
            return status == 200 && body != null && body.startsWith("OK");
        }

        @Override
        public String toString() {
            return error != null ? error : "HTTP " + status + " « " + body.strip() + " »";
        }
    }

    private static Answer notify(HttpClient bank, URI url, String body) {
        try {
            HttpResponse<String> answer = bank.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body(), null);
        } catch (IOException e) {
            return new Answer(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }
}
