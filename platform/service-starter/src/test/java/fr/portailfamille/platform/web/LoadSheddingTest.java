package fr.portailfamille.platform.web;

import fr.portailfamille.platform.problem.ProblemWriter;
import fr.portailfamille.platform.problem.Problems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, item 2: a burst gets the excess shed at once (503 with Retry-After, in French), the requests
 * in progress and a bounded queue are served, probes always answer.
 */
class LoadSheddingTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(2);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    private static ProblemWriter problems() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("portal-platform-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setDefaultLocale(Locale.FRENCH);
        messages.setFallbackToSystemLocale(false);
        return new ProblemWriter(new Problems(messages), JsonMapper.builder().build());
    }

    /** A request whose work lasts until the test releases it. */
    private MockHttpServletResponse call(LoadShedding shedding, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        shedding.doFilter(new MockHttpServletRequest("GET", path), response, (request, answer) -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((MockHttpServletResponse) answer).setStatus(200);
        });
        return response;
    }

    @Test
    void beyond_the_places_and_the_queue_the_excess_gets_503_at_once_and_the_rest_is_served() throws Exception {
        LoadShedding shedding = new LoadShedding(2, 1, Duration.ofSeconds(30), problems());
        List<Future<MockHttpServletResponse>> served = new ArrayList<>();
        served.add(threads.submit(() -> call(shedding, "/api/dossier/dossiers/6000")));
        served.add(threads.submit(() -> call(shedding, "/api/dossier/dossiers/6000")));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        served.add(threads.submit(() -> call(shedding, "/api/dossier/dossiers/6000")));
        await().atMost(Duration.ofSeconds(10)).until(() -> shedding.waiting() == 1);

        MockHttpServletResponse shed = call(shedding, "/api/dossier/dossiers/6001");

        assertThat(shed.getStatus()).isEqualTo(503);
        assertThat(shed.getHeader("Retry-After")).isEqualTo("30");
        assertThat(shed.getContentType()).startsWith("application/problem+json");
        assertThat(shed.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("urn:portail-famille:problem:service-surcharge",
                        "Le service est très sollicité en ce moment : réessayez dans quelques secondes.");

        release.countDown();
        for (Future<MockHttpServletResponse> response : served) {
            assertThat(response.get(10, TimeUnit.SECONDS).getStatus()).as("in progress or queued: served").isEqualTo(200);
        }
    }

    @Test
    void a_queued_request_that_gets_no_place_within_the_wait_is_shed() throws Exception {
        LoadShedding shedding = new LoadShedding(1, 10, Duration.ofMillis(100), problems());
        threads.submit(() -> call(shedding, "/api/billing/invoices"));
        await().atMost(Duration.ofSeconds(10)).until(() -> entered.getCount() == 1);

        MockHttpServletResponse waited = call(shedding, "/api/billing/invoices");

        assertThat(waited.getStatus()).isEqualTo(503);
        assertThat(waited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(shedding.waiting()).isZero();
    }

    @Test
    void health_probes_are_never_shed() throws Exception {
        LoadShedding shedding = new LoadShedding(1, 0, Duration.ofMillis(50), problems());
        threads.submit(() -> call(shedding, "/api/billing/invoices"));
        await().atMost(Duration.ofSeconds(10)).until(() -> entered.getCount() == 1);

        MockHttpServletResponse probe = new MockHttpServletResponse();
        shedding.doFilter(new MockHttpServletRequest("GET", "/actuator/health/liveness"), probe,
                (request, response) -> ((MockHttpServletResponse) response).setStatus(200));

        assertThat(probe.getStatus()).isEqualTo(200);
        assertThat(call(shedding, "/api/billing/invoices").getStatus()).isEqualTo(503);
    }
}
