package fr.portailfamille.banksimulator.systempay;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts the notification (IPN) to the shop, server to server, form-encoded. The first call happens
 * before the buyer is sent back to the shop; when the shop does not answer with one of the statuses the
 * platform counts as delivered, the call is retried after each configured delay (the real platform: up
 * to 4 more times, every 15 minutes), with {@code vads_url_check_src=RETRY}. Every attempt is logged.
 */
@Component
public class NotificationSender {

    /** What the platform documents as a delivered notification. */
    static final Set<Integer> DELIVERED = Set.of(200, 201, 202, 203, 204, 205, 206, 301, 302, 303, 307, 308);

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final TransactionResults results;
    private final SystempayProperties properties;
    private final Clock clock;

    public NotificationSender(HttpClient http, ScheduledExecutorService scheduler, TransactionResults results,
                              SystempayProperties properties, Clock clock) {
        this.http = http;
        this.scheduler = scheduler;
        this.results = results;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends the notification of a closed session; the first attempt is made in the calling thread. */
    public void send(PaymentSession session, URI url, SortedMap<String, String> fields) {
        attempt(session, url, fields, 1);
    }

    private void attempt(PaymentSession session, URI url, SortedMap<String, String> fields, int number) {
        List<Duration> delays = properties.notification().retryDelays();
        int total = delays.size() + 1;
        PaymentRequest request = session.request();
        SortedMap<String, String> signed = results.signed(fields, number == 1 ? "PAY" : "RETRY", request.ctxMode());
        Instant at = clock.instant();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url)
                    .timeout(properties.notification().timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(formEncoded(signed)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        boolean delivered = status != null && DELIVERED.contains(status);
        session.recordAttempt(new NotificationAttempt(number, at, status, delivered, error));
        String outcome = status != null ? "answered HTTP " + status : "got no answer (" + error + ")";
        if (delivered) {
            log.info("IPN attempt {}/{} for transaction {} (order {}, {}) to {} {}: delivered",
                    number, total, request.transId(), request.orderId(), signed.get("vads_trans_status"), url, outcome);
        } else if (number < total) {
            Duration delay = delays.get(number - 1);
            log.warn("IPN attempt {}/{} for transaction {} (order {}, {}) to {} {}: next attempt in {}",
                    number, total, request.transId(), request.orderId(), signed.get("vads_trans_status"), url, outcome, delay);
            try {
                scheduler.schedule(() -> attempt(session, url, fields, number + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                log.warn("The simulator is stopping: no more IPN attempts for transaction {}", request.transId());
            }
        } else {
            log.error("IPN attempt {}/{} for transaction {} (order {}, {}) to {} {}: giving up, the shop was never notified",
                    number, total, request.transId(), request.orderId(), signed.get("vads_trans_status"), url, outcome);
        }
    }

    static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
