package fr.portailfamille.bench;

import java.io.IOException;
import java.net.URI;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * AUTHORISED notification is built and signed as bank-simulator builds it. 20 of them ({@code --warmup}) are
 * sent one by one first (warm-up, not measured), then the other 200 all at once — 200 threads held at a start
 * gate, on connections opened beforehand ({@link BankConnection}) — straight to billing-service's
 * {@code /bank/systempay/notifications}, as the bank calls it. Each answer must be a 200 « OK… » (billing-service acknowledges a notification once
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

        URI notifications = URI.create(options.billingUrl() + "/bank/systempay/notifications");
        int warmupErrors = 0;
        BankConnection one = null;
        try {
            for (int i = 0; i < warmup; i++) {
                if (one == null || !one.reusable()) {
                    close(one);
                    one = new BankConnection(notifications);
                }
                Answer answer = one.notify(bodies.get(i));
                if (!answer.ok()) {
                    warmupErrors++;
                    System.out.println("Warm-up notification refused: " + answer);
                }
            }
        } finally {
            close(one);
        }
        if (options.settleSeconds() > 0) {
            // The setup's invoices and payments send mails and events: let them pass first.
            Machine.settle(0.15, Duration.ofSeconds(Math.min(120, options.settleSeconds())));
        }
        List<BankConnection> connections = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            connections.add(new BankConnection(notifications));
        }

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
                answers[index] = connections.get(index).notify(body);
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
        Map<String, Long> cpuAnswered = cpu.snapshot();
        long lastAnswerMillis = System.currentTimeMillis();
        System.out.println("Start gate at " + Instant.ofEpochMilli(lastAnswerMillis - (System.nanoTime() - begin) / 1_000_000)
                + ", last answer by " + Instant.ofEpochMilli(lastAnswerMillis) + " (to match other recordings)");
        connections.forEach(NotificationScenario::close);
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
                        + "the client's own wait for a core) p50 %.1f ms, p99 %.1f ms; %s; %s",
                burst, warmup, errors + warmupErrors, paid.get(), total, settledSeconds, burst / seconds, seconds,
                latencies.summary(), fromGate.percentileMs(50), fromGate.percentileMs(99),
                perNotification(cpuBefore, cpuAnswered, burst, seconds, Runtime.getRuntime().availableProcessors()),
                ProcessCpu.split(cpuBefore, cpuAfter, settledSeconds, Runtime.getRuntime().availableProcessors()));
        boolean met = latencies.percentileMs(99) <= 200 && errors + warmupErrors + notPaid == 0;
        return new Bench.Outcome("billing: 200 concurrent notifications", figures, "p99 ≤ 200 ms", met,
                errors + warmupErrors + notPaid);
    }

    /**
     * « until the last answer, CPU per notification: billing-service 3.1 ms, … = 5.0 ms on 2 cores, i.e. at
     * most 400 notifications/s, the burst drained in 0.50 s at best »: the CPU each part used from the start
     * gate to the last answer (ticks of 10 ms, so ±{@code 10 / burst} ms a part) divided by the burst, and what
     * that CPU alone allows (Little's law: with all of them in flight, p99 is about the time to drain them).
     */
    static String perNotification(Map<String, Long> before, Map<String, Long> after, int burst, double seconds,
                                  int cores) {
        if (after.isEmpty()) {
            return "CPU per notification unavailable (no /proc)";
        }
        Map<String, Double> milliseconds = new LinkedHashMap<>();
        after.forEach((part, ticks) -> {
            long used = ticks - before.getOrDefault(part, 0L);
            if (!part.startsWith("(") && used > 0) {
                milliseconds.put(part, used * 10.0 / burst);
            }
        });
        double total = milliseconds.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder parts = new StringBuilder();
        milliseconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> parts.append(parts.isEmpty() ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.2f ms", e.getKey(), e.getValue())));
        double bound = total > 0 ? cores * 1000 / total : Double.POSITIVE_INFINITY;
        return String.format(Locale.ROOT, "from the start gate to the last answer (%.2f s), CPU per notification "
                        + "(ticks of 10 ms): %s = %.2f ms on %d cores, i.e. at most %.0f notifications/s, the burst "
                        + "drained in %.0f ms at best", seconds, parts, total, cores, bound, burst / bound * 1000);
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

    private static void close(BankConnection connection) {
        if (connection != null) {
            connection.close();
        }
    }

    /**
     * One connection to billing-service, opened before it is used, speaking just the HTTP/1.1 a bank's
     * notification needs: the request written in one go (form-encoded body, {@code Content-Length}), the
     * answer read to its last byte ({@code Content-Length} or chunked). Not {@code java.net.http.HttpClient}:
     * with 200 requests at once on 2 cores, its executor hand-offs and threads cost the client about 2 ms of
     * CPU per request (measured: CPU per notification, bench client), which the same cores then lack to
     * answer; a bank's server is not on the machine being measured.
     */
    private static final class BankConnection {

        private final Socket socket;
        private final BufferedInputStream in;
        private final OutputStream out;
        private final byte[] head;
        private boolean reusable = true;

        BankConnection(URI url) {
            try {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 10_000);
                socket.setSoTimeout(60_000);
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
            } catch (IOException e) {
                throw new IllegalStateException("Could not connect to " + url, e);
            }
            head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        boolean reusable() {
            return reusable;
        }

        Answer notify(String body) {
            try {
                byte[] content = body.getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + content.length + 32);
                request.write(head);
                request.write(("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(content);
                out.write(request.toByteArray());
                out.flush();
                String status = line();
                String[] parts = status.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                    reusable = false;
                    return new Answer(0, null, "not an HTTP answer: " + status);
                }
                int code = Integer.parseInt(parts[1]);
                long length = -1;
                boolean chunked = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String name = header.substring(0, Math.max(0, header.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
                    String value = header.substring(header.indexOf(':') + 1).strip();
                    switch (name) {
                        case "content-length" -> length = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        case "connection" -> reusable &= !value.equalsIgnoreCase("close");
                        default -> { }
                    }
                }
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                if (chunked) {
                    for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                         size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                        answer.write(in.readNBytes((int) size));
                        line();
                    }
                    for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                        // trailers: none expected
                    }
                } else if (length >= 0) {
                    byte[] bytes = in.readNBytes((int) length);
                    if (bytes.length < length) {
                        throw new EOFException("answer cut after " + bytes.length + " of " + length + " bytes");
                    }
                    answer.write(bytes);
                } else {
                    answer.write(in.readAllBytes());
                    reusable = false;
                }
                return new Answer(code, answer.toString(StandardCharsets.UTF_8), null);
            } catch (IOException | RuntimeException e) {
                reusable = false;
                return new Answer(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        /** One header line without its CRLF. */
        private String line() throws IOException {
            StringBuilder text = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed by billing-service");
                }
                if (c != '\r') {
                    text.append((char) c);
                }
            }
            return text.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing after the measurement: nothing to do
            }
        }
    }
}
