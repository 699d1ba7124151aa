package fr.portailfamille.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a backend that stands in for a service (a plain HTTP server that records
 * what reaches it), another that is down, and one that is too slow.
 */
// Profile local: sessions in memory, no Redis to run (what is tested here does not depend on them).
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"portal.services.timeout=2s",
        "portal.services.long-running-paths=/api/messaging/slow-import", "portal.services.long-running-timeout=15s",
        // No identity-service here: the CGU gate (cgu.CguGateTest) would answer 503 to every bearer call.
        "portal.cgu-gate.enabled=false"})
class GatewayTest {

    private static final AtomicReference<HttpExchange> LAST = new AtomicReference<>();
    private static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();
    private static final HttpServer BACKEND = backend();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                LAST.set(exchange);
                LAST_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
                if (exchange.getRequestURI().getPath().contains("/slow")) {
                    sleep(4000);
                } else if (exchange.getRequestURI().getPath().contains("/busy")) {
                    sleep(300);
                }
                byte[] body = "{\"service\":\"reached\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(100));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        registry.add("portal.services.dossier-url", () -> backend);
        registry.add("portal.services.messaging-url", () -> backend);
        registry.add("portal.services.billing-url", () -> "http://127.0.0.1:" + deadPort());
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.stop(0);
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_api_call_reaches_its_service_with_path_and_token_unchanged() {
        HttpResponse<String> response = get("/api/dossier/dossiers/6000?x=1", "Authorization", "Bearer abc.def.ghi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("reached");
        assertThat(LAST.get().getRequestURI().toString()).isEqualTo("/api/dossier/dossiers/6000?x=1");
        assertThat(LAST_AUTHORIZATION.get()).isEqualTo("Bearer abc.def.ghi");
    }

    @Test
    void every_answer_carries_the_security_headers() {
        HttpResponse<String> response = get("/api/dossier/dossiers/6000");

        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("« Payer » posts a form to the bank's page (here the local simulator), and nowhere else")
                .containsPattern("form-action 'self' \\S+ http://localhost:8090;");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void hsts_is_sent_when_the_request_came_over_https() {
        HttpResponse<String> response = get("/api/dossier/dossiers/6000", "X-Forwarded-Proto", "https");

        assertThat(response.headers().firstValue("Strict-Transport-Security").orElseThrow())
                .contains("max-age=31536000", "includeSubDomains");
    }

    @Test
    void internal_and_actuator_paths_of_services_are_unreachable() {
        LAST.set(null);
        for (String path : new String[] {"/internal/dossiers/6000/verify", "/api/dossier/internal/x",
                "/actuator/env", "/api/dossier/actuator/env", "/INTERNAL/x"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path)
                    .startsWith("application/problem+json");
        }
        HttpResponse<String> traversal = get("/api/dossier/%2e%2e/%2e%2e/internal/x");
        assertThat(traversal.statusCode()).isIn(400, 404);
        assertThat(LAST.get()).as("nothing reached the service").isNull();
    }

    @Test
    void the_web_app_is_served_at_the_root_and_for_its_own_routes() {
        for (String path : new String[] {"/", "/mon-dossier", "/facturation/factures"}) {
            HttpResponse<String> page = get(path, "Accept", "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<div id=\"root\">", "lang=\"fr\"");
            assertThat(page.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-cache");
        }
        HttpResponse<String> absent = get("/assets/absent.js");
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(absent.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
        String asset = page("/").body().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        HttpResponse<String> script = get(asset);
        assertThat(script.statusCode()).as(asset).isEqualTo(200);
        assertThat(script.headers().firstValue("Cache-Control").orElse(""))
                .as("hashed assets are kept a year").isEqualTo("public, max-age=31536000, immutable");
    }

    private HttpResponse<String> page(String path) {
        return get(path, "Accept", "text/html");
    }

    @Test
    void the_portal_names_come_from_configuration() {
        HttpResponse<String> response = get("/api/portal");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"portalName\":\"Portail Famille\"",
                "\"authorityName\":\"Communauté de communes Roussillon Conflent\"");
    }

    @Test
    void the_gateway_health_probes_are_open() {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void a_service_that_is_down_gets_503_problem_in_french() {
        HttpResponse<String> response = get("/api/billing/invoices", "Authorization", "Bearer abc");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("urn:portail-famille:problem:service-indisponible")
                .contains("Le service « facturation » est momentanément indisponible");
    }

    @Test
    void a_service_too_slow_is_cut_at_the_timeout_with_503() {
        // The backend answers 200 after 4 s; the gateway gives up after 2 s (portal.services.timeout).
        HttpResponse<String> response = get("/api/messaging/slow");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("« messagerie »");
    }

    @Test
    void a_long_running_path_gets_its_longer_timeout_and_the_rest_of_its_service_keeps_the_short_one() {
        // Both answer after 4 s: the import-like path is given 15 s, any other path of the service 2 s.
        HttpResponse<String> longRunning = get("/api/messaging/slow-import");
        HttpResponse<String> ordinary = get("/api/messaging/slow");

        assertThat(longRunning.statusCode()).as(longRunning.body()).isEqualTo(200);
        assertThat(longRunning.body()).contains("reached");
        assertThat(ordinary.statusCode()).isEqualTo(503);
    }

    @Test
    void many_people_at_once_on_one_service_all_get_their_answer() throws Exception {
        // More than Resilience4j's default bulkhead (25 calls at once), each call well within the timeout.
        int people = 60;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(people);
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < people; i++) {
                answers.add(pool.submit(() -> {
                    gate.await();
                    return get("/api/dossier/busy").statusCode();
                }));
            }
            gate.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).as("no 503 fallback when many call at once").containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
