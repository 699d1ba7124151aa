package fr.portailfamille.billing.payment;

import fr.portailfamille.billing.payment.payfip.PayfipStub;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.RunningService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * billing-service's payment API tests (annotated {@code @PortalServiceTest}): the running service on
 * real PostgreSQL and Kafka, family and agent tokens, and invoices « À payer » written straight into
 * the invoice table (how they were imported is the invoice package's business), each test on dossiers
 * of its own.
 */
public abstract class PaymentApiSupport extends RunningService {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected BankNotificationWorker notificationWorker;

    /**
     * PayFiP's SOAP service is {@link PayfipStub#shared()} in every billing test context: the expiry
     * check of each cached context runs in the background, and must get the same answers as the test
     * that expired a PayFiP payment, never an unreachable bank.
     */
    @DynamicPropertySource
    static void payfipStub(DynamicPropertyRegistry registry) {
        registry.add("portal.billing.payment.payfip.service-url", () -> PayfipStub.shared().url().toString());
    }

    /** A dossier number no other test uses. */
    protected static String newDossier() {
        return "P" + RUN + SEQUENCE.incrementAndGet();
    }

    /** An invoice « À payer » of {@code dossier}, of {@code total} euros. */
    protected UUID invoice(String dossier, String total) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into invoice (id, number, dossier_number, period, issue_date, due_date, total, status,
                                             family_name, email, content_sha256, version, created_at, created_by,
                                             updated_at, updated_by)
                        values (:id, :number, :dossier, 'Septembre 2026', :issue, :due, :total, 'TO_PAY',
                                'Famille DURAND', :email, :sha, 0, :now, 'test', :now, 'test')""")
                .param("id", id)
                .param("number", "PAY-" + RUN + "-" + SEQUENCE.incrementAndGet())
                .param("dossier", dossier)
                .param("issue", LocalDate.of(2026, 10, 5))
                .param("due", LocalDate.of(2026, 10, 31))
                .param("total", new BigDecimal(total))
                .param("email", "durand." + dossier.toLowerCase() + "@example.test")
                .param("sha", "0".repeat(64))
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    protected String invoiceStatus(UUID id) {
        return jdbc.sql("select status from invoice where id = ?").param(id).query(String.class).single();
    }

    protected String family(String dossier) {
        return keycloak.family(dossier);
    }

    protected String agent() {
        return keycloak.agent("facturation");
    }

    protected ApiClient.Response pay(String dossier, UUID... invoiceIds) {
        String ids = java.util.Arrays.stream(invoiceIds).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return api().post("/api/billing/payments", family(dossier), "{\"invoiceIds\":[" + ids + "]}");
    }

    /** Starts a payment that must be accepted; its JSON. */
    protected JsonNode started(String dossier, UUID... invoiceIds) {
        ApiClient.Response response = pay(dossier, invoiceIds);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    protected JsonNode payment(String dossier, String paymentId) {
        ApiClient.Response response = api().get("/api/billing/payments/" + paymentId, family(dossier));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** A bank's server posting a form to billing-service, without token. */
    protected ApiClient.Response postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api().send(api().request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Waits until every notification kept so far about that payment is settled (ADR 004: the bank is
     * answered once its notification is kept; the worker settles it just after).
     */
    protected void awaitSettled(String paymentId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsWaiting(paymentId) == 0);
    }

    /** Notifications about that payment kept and not settled yet. */
    protected long notificationsWaiting(String paymentId) {
        return jdbc.sql("select count(*) from bank_notification where payment_id = ? and result = 'RECEIVED'")
                .param(UUID.fromString(paymentId)).query(Long.class).single();
    }

    /** Notifications about that payment with that result. */
    protected long notificationsWith(String paymentId, String result) {
        return jdbc.sql("select count(*) from bank_notification where payment_id = ? and result = ?")
                .param(UUID.fromString(paymentId)).param(result).query(Long.class).single();
    }

    /** Outbox events of that type about that payment. */
    protected long outboxEvents(String eventName, String paymentId) {
        return jdbc.sql("select count(*) from outbox_event where event_type = :type and payload like :id")
                .param("type", "fr.portailfamille.billing." + eventName)
                .param("id", "%" + paymentId + "%")
                .query(Long.class).single();
    }

    protected String outboxPayload(String eventName, String paymentId) {
        return jdbc.sql("select payload from outbox_event where event_type = :type and payload like :id")
                .param("type", "fr.portailfamille.billing." + eventName)
                .param("id", "%" + paymentId + "%")
                .query(String.class).single();
    }

    /** Makes a payment look left past its window. */
    protected void expire(String paymentId) {
        jdbc.sql("update payment set expires_at = :past where id = :id")
                .param("past", Timestamp.from(Instant.now().minusSeconds(60)))
                .param("id", UUID.fromString(paymentId))
                .update();
    }
}
