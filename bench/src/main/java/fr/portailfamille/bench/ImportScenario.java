package fr.portailfamille.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10's « import of 10,000 invoices with their PDFs »: 100 bench dossiers (8000–8099, created the
 * first time), then ONE JSON batch of 10,000 invoices with new numbers ({@code B<yyMMddHHmmss>-00001}…),
 * each with the seed's two lines, posted by the agent through the gateway as the web app's import does
 * (or straight to billing-service with {@code --direct}), timed from the request to the answer: 201 with
 * {@code created} = 10,000 is the only success. The CPU each part of the local stack used meanwhile is
 * printed with it.
 */
final class ImportScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int FIRST_DOSSIER = 8000;

    private final Bench.Options options;

    ImportScenario(Bench.Options options) {
        this.options = options;
    }

    Bench.Outcome run() {
        int count = options.invoices();
        int dossiers = options.dossiers();
        System.out.println("Setting up: dossiers " + FIRST_DOSSIER + "–" + (FIRST_DOSSIER + dossiers - 1) + "...");
        PortalSession agent = PortalSession.login(options.portalUrl(), Portal.AGENT, Portal.AGENT_PASSWORD);
        for (int i = 0; i < dossiers; i++) {
            int number = FIRST_DOSSIER + i;
            Portal.ensureDossier(agent, String.valueOf(number), "BENCH-" + number, "bench." + number + "@example.test");
        }
        String prefix = "B" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String batch = Portal.batch(prefix, count, FIRST_DOSSIER, dossiers, today.toString(), today.plusDays(30).toString());
        double megabytes = batch.getBytes(StandardCharsets.UTF_8).length / 1e6;
        String token = options.direct()
                ? new KeycloakAdmin(options.keycloakUrl()).gatewayToken(Portal.AGENT, Portal.AGENT_PASSWORD,
                        InboxScenario.GATEWAY_SECRET) : null;
        String path = options.direct() ? "billing-service directly (bearer token)" : "the gateway (agent's session)";

        System.out.printf(Locale.ROOT, "Importing %d invoices (%s-00001…, %.1f MB of JSON) through %s...%n",
                count, prefix, megabytes, path);
        ProcessCpu cpu = new ProcessCpu(options.localData(), 55432);
        Map<String, Long> cpuBefore = cpu.snapshot();
        long begin = System.nanoTime();
        HttpResponse<String> answer = options.direct()
                ? Portal.postBearer(options.billingUrl() + "/api/billing/imports", token, batch, Duration.ofMinutes(10))
                : Portal.postLong(agent, options.portalUrl(), "/api/billing/imports", batch, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - begin) / 1e9;
        Map<String, Long> cpuAfter = cpu.snapshot();
        String cpuSplit = ProcessCpu.split(cpuBefore, cpuAfter, seconds, Runtime.getRuntime().availableProcessors());

        int created = -1;
        if (answer.statusCode() == 201 || answer.statusCode() == 200) {
            created = JSON.readTree(answer.body()).get("created").asInt();
        }
        int errors = answer.statusCode() == 201 && created == count ? 0 : 1;
        if (errors > 0) {
            String body = answer.body();
            System.out.printf(Locale.ROOT, "Import answered HTTP %d after %.1f s: %s%n", answer.statusCode(), seconds,
                    body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
            if (!options.direct() && (answer.statusCode() == 503 || answer.statusCode() == 504)) {
                System.out.println("The gateway gave up: its timeout for /api/billing/imports is shorter than the import "
                        + "(portal.services.timeout, 10 s by default). Run with --direct to measure billing-service alone.");
            }
        } else {
            checkPdf(agent, prefix);
        }
        String figures = String.format(Locale.ROOT,
                "%d invoices (%d lines, %d dossiers, %.1f MB of JSON) with their PDFs, one batch through %s: HTTP %d, "
                        + "created %d, %.1f s (%.0f invoices/s); %s",
                count, count * 2, dossiers, megabytes, path, answer.statusCode(), created, seconds, count / seconds, cpuSplit);
        return new Bench.Outcome("billing: import of " + count + " invoices with PDFs", figures,
                "≤ 60 s on 2 cores", errors == 0 && seconds <= 60, errors);
    }

    /** One of the batch's invoices has its PDF (a warning otherwise: the import's answer is what is measured). */
    private void checkPdf(PortalSession agent, String prefix) {
        ApiClient.Response list = agent.get("/api/billing/dossiers/" + FIRST_DOSSIER + "/invoices?page=0&size=100");
        if (list.status() != 200) {
            System.out.println("Warning: dossier " + FIRST_DOSSIER + "'s invoices: " + list);
            return;
        }
        for (JsonNode item : list.json().get("items")) {
            if (item.get("number").asString().startsWith(prefix + "-")) {
                HttpResponse<String> pdf = agent.raw(HttpRequest.newBuilder(URI.create(options.portalUrl()
                        + "/api/billing/invoices/" + item.get("id").asString() + "/pdf")));
                String type = pdf.headers().firstValue("Content-Type").orElse("");
                System.out.println("PDF of " + item.get("number").asString() + ": HTTP " + pdf.statusCode() + " " + type
                        + ", " + pdf.body().length() + " characters");
                return;
            }
        }
        System.out.println("Warning: none of this batch's invoices in the first page of dossier " + FIRST_DOSSIER);
    }
}
