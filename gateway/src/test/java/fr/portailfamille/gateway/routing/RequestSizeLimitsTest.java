package fr.portailfamille.gateway.routing;

import com.sun.net.httpserver.HttpServer;
import fr.portailfamille.gateway.ServiceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 11: the gateway refuses bodies larger than their route allows (JSON 64 KB, uploads
 * 12 MB) with a French 413, declared or chunked, and the service never sees them.
 */
// No identity-service here: the CGU gate (cgu.CguGateTest) is off.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "portal.cgu-gate.enabled=false")
@ActiveProfiles("local")
class RequestSizeLimitsTest {

    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final AtomicLong LAST_SIZE = new AtomicLong(-1);
    private static final HttpServer BACKEND = backend();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpServer backend() {
        return ServiceStandIn.start(exchange -> {
            CALLS.incrementAndGet();
            LAST_SIZE.set(exchange.getRequestBody().readAllBytes().length);
            ServiceStandIn.answer(exchange, 200, "{}");
        });
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String backend = ServiceStandIn.url(BACKEND);
        registry.add("portal.services.messaging-url", () -> backend);
        registry.add("portal.services.billing-url", () -> backend);
        registry.add("portal.services.identity-url", () -> backend);
    }

    @AfterAll
    static void stop() {
        BACKEND.stop(0);
    }

    @BeforeEach
    void reset() {
        CALLS.set(0);
        LAST_SIZE.set(-1);
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).header("Authorization", "Bearer a.b.c")
                    .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int size) {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) 'a');
        return body;
    }

    private static void assertTooLarge(HttpResponse<String> response, String limit) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("La requête dépasse la taille autorisée (" + limit + " au plus).");
    }

    @Test
    void a_json_call_of_64_kb_passes_and_one_byte_more_is_refused_before_the_service() {
        HttpResponse<String> fits = post("/api/messaging/conversations", "application/json", bytes(64 * 1024), false);
        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(LAST_SIZE.get()).isEqualTo(64 * 1024);

        CALLS.set(0);
        assertTooLarge(post("/api/messaging/conversations", "application/json", bytes(64 * 1024 + 1), false), "64 Ko");
        assertThat(CALLS.get()).as("the service never saw it").isZero();
    }

    @Test
    void a_chunked_body_without_length_is_measured_too() {
        assertTooLarge(post("/api/messaging/conversations", "application/json", bytes(200 * 1024), true), "64 Ko");
        assertThat(CALLS.get()).isZero();

        HttpResponse<String> fits = post("/api/messaging/conversations", "application/json", bytes(10_000), true);
        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(LAST_SIZE.get()).as("passed on whole").isEqualTo(10_000);
    }

    @Test
    void uploads_and_batch_imports_may_reach_12_mb() {
        String multipart = "multipart/form-data; boundary=xyz";
        assertThat(post("/api/messaging/conversations/1/attachments", multipart, bytes(5 * 1024 * 1024), false).statusCode())
                .isEqualTo(200);
        assertTooLarge(post("/api/messaging/conversations/1/attachments", multipart, bytes(12 * 1024 * 1024 + 1), false), "12 Mo");
        assertThat(post("/api/billing/imports", "application/json", bytes(4 * 1024 * 1024), false).statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_cgu_an_administrator_publishes_may_be_longer_than_a_form() {
        assertThat(post("/api/identity/cgu", "application/json", bytes(300 * 1024), false).statusCode()).isEqualTo(200);
        assertTooLarge(post("/api/identity/registrations", "application/json", bytes(300 * 1024), false), "64 Ko");
    }
}
