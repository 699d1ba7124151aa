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
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 2: a burst on one service must not close its route for everyone. A service that
 * sheds the excess (503 with Retry-After, quickly) and a burst of calls cut at the timeout both leave
 * the route open: the next person's call reaches the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.services.timeout=2s")
@ActiveProfiles("local")
class CircuitBreakerUnderLoadTest {

    private static final HttpServer BACKEND = backend();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool()).build();

    private static HttpServer backend() {
        return ServiceStandIn.start(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/overloaded")) {
                exchange.getResponseHeaders().add("Retry-After", "3");
                ServiceStandIn.answer(exchange, 503,
                        "{\"type\":\"urn:portail-famille:problem:service-surcharge\",\"status\":503}");
                return;
            }
            if (path.endsWith("/slow")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ServiceStandIn.answer(exchange, 200, "{\"service\":\"reached\"}");
        });
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        // One route per test: each has its own breaker.
        registry.add("portal.services.dossier-url", () -> ServiceStandIn.url(BACKEND));
        registry.add("portal.services.messaging-url", () -> ServiceStandIn.url(BACKEND));
    }

    @AfterAll
    static void stop() {
        BACKEND.stop(0);
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<HttpResponse<String>> burst(String path, int calls) {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            pending.add(get(path));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void the_excess_a_service_sheds_reaches_people_as_it_is_and_the_route_stays_open() {
        List<HttpResponse<String>> shed = burst("/api/messaging/overloaded", 60);

        assertThat(shed).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(response.body()).contains("service-surcharge");
        });
        assertThat(get("/api/messaging/conversations").join().statusCode()).isEqualTo(200);
    }

    @Test
    void a_burst_of_calls_cut_at_the_timeout_does_not_close_the_route_for_the_next_person() {
        List<HttpResponse<String>> cut = burst("/api/dossier/slow", 20);

        assertThat(cut).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(503));
        HttpResponse<String> next = get("/api/dossier/dossiers/6002").join();
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(next.body()).contains("reached");
    }
}
