package fr.portailfamille.identity.ratelimit;

import fr.portailfamille.platform.web.ClientAddress;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 10: a limit holds when the requests arrive all at once. 50 registrations started at
 * the same moment from one address, against the limit of 20 an hour per address: exactly 20 drafts,
 * 30 « trop de demandes », none lost to an error (before: each request counted the others' hits
 * before they were recorded, and waited for a second connection of a pool its peers held).
 */
@PortalServiceTest
class RateLimitBurstApiTest {

    private static final int AT_ONCE = 50;
    private static final int LIMIT = 20;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient.Response start(ApiClient api, String ip, int n) {
        String email = "rafale" + n + "." + System.nanoTime() + "@example.test";
        return api.send(api.request("/api/identity/registrations", null)
                .header("Content-Type", "application/json").header(ClientAddress.HEADER, ip)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"civility":"MADAME","lastName":"DURAND","firstName":"Claire","email":"%s",
                         "password":"Vacances-Prades-2026","passwordConfirmation":"Vacances-Prades-2026"}"""
                        .formatted(email))));
    }

    @Test
    void fifty_registrations_at_once_from_one_address_get_exactly_the_twenty_allowed() throws Exception {
        ApiClient api = ApiClient.local(port);
        String ip = "192.0.2." + (1 + System.nanoTime() % 250);
        jdbc.sql("delete from rate_limit_hit where bucket = :b").param("b", "registration-ip:" + ip).update();
        CountDownLatch ready = new CountDownLatch(AT_ONCE);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int i = 0; i < AT_ONCE; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return start(api, ip, n).status();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            Map<Integer, Long> byStatus = statuses.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(byStatus).as("status → number of answers").containsOnlyKeys(201, 429);
            assertThat(byStatus.get(201)).isEqualTo(LIMIT);
            assertThat(byStatus.get(429)).isEqualTo(AT_ONCE - LIMIT);
            assertThat(jdbc.sql("select count(*) from rate_limit_hit where bucket = :b")
                    .param("b", "registration-ip:" + ip).query(Long.class).single()).isEqualTo(LIMIT);
        } finally {
            pool.shutdownNow();
        }
    }
}
