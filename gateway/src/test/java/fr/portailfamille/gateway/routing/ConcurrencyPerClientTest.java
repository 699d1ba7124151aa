package fr.portailfamille.gateway.routing;

import com.sun.net.httpserver.HttpServer;
import fr.portailfamille.gateway.ServiceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, item 2: one client's burst is cut at the gateway, for that client only (429 with
 * Retry-After beyond its calls in flight), while another client goes through.
 */
// No identity-service here: the CGU gate (cgu.CguGateTest) is off.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.gateway.per-client.max-concurrent=5", "portal.cgu-gate.enabled=false"})
@ActiveProfiles("local")
class ConcurrencyPerClientTest {

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final AtomicInteger HELD = new AtomicInteger();
    private static final HttpServer BACKEND = backend();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool()).build();

    private static HttpServer backend() {
        return ServiceStandIn.start(exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/held")) {
                HELD.incrementAndGet();
                try {
                    RELEASE.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ServiceStandIn.answer(exchange, 200, "{\"service\":\"reached\"}");
        });
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.services.messaging-url", () -> ServiceStandIn.url(BACKEND));
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        BACKEND.stop(0);
    }

    private CompletableFuture<HttpResponse<String>> get(String path, String token) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_clients_calls_beyond_its_share_get_429_at_once_and_another_client_goes_through() {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(get("/api/messaging/held", "family-a"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> HELD.get() == 5
                && burst.stream().filter(CompletableFuture::isDone).count() == 3);

        List<HttpResponse<String>> refused = burst.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
        assertThat(refused).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.body()).contains("urn:portail-famille:problem:trop-de-requetes",
                    "Trop de requêtes à la fois : réessayez dans un instant.");
        });
        assertThat(get("/api/messaging/free", "family-b").join().statusCode()).as("another client").isEqualTo(200);

        RELEASE.countDown();
        assertThat(burst.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200)).hasSize(5);
        assertThat(HELD.get()).as("the refused ones never reached the service").isEqualTo(5);
        assertThat(get("/api/messaging/free", "family-a").join().statusCode()).as("its share is back").isEqualTo(200);
    }

    @Test
    void anonymous_calls_are_not_counted_per_client() {
        List<CompletableFuture<HttpResponse<String>>> anonymous = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            anonymous.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messaging/free"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(anonymous.stream().map(CompletableFuture::join)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    }
}
