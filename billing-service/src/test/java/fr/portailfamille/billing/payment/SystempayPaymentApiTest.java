package fr.portailfamille.billing.payment;

import fr.portailfamille.billing.payment.systempay.SignatureAlgorithm;
import fr.portailfamille.billing.payment.systempay.VadsSignature;
import fr.portailfamille.events.Topics;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying through Systempay, end to end on real PostgreSQL and Kafka: the signed form, then the
 * bank's notification built and signed as the platform does (VadsSignature with the shop's test key)
 * and posted to {@code /bank/systempay/notifications}.
 */
@PortalServiceTest
@ExtendWith(OutputCaptureExtension.class)
class SystempayPaymentApiTest extends PaymentApiSupport {

    static final String KEY = "simulator-test-key-0123456789";

    @Autowired
    PaymentExpiry expiry;

    /** The notification the platform posts for the form of {@code payment}, with {@code status}, signed. */
    static Map<String, String> notification(JsonNode payment, String status) {
        JsonNode form = payment.get("form").get("fields");
        Map<String, String> fields = new TreeMap<>();
        for (String name : List.of("vads_site_id", "vads_ctx_mode", "vads_trans_id", "vads_trans_date", "vads_amount",
                "vads_currency", "vads_order_id", "vads_cust_email", "vads_version", "vads_action_mode",
                "vads_page_action", "vads_payment_config", "vads_language")) {
            fields.put(name, form.get(name).asString());
        }
        fields.put("vads_trans_status", status);
        fields.put("vads_result", "AUTHORISED".equals(status) ? "00" : "05");
        fields.put("vads_trans_uuid", "0123456789abcdef0123456789abcdef");
        fields.put("vads_operation_type", "DEBIT");
        fields.put("vads_url_check_src", "PAY");
        fields.put("vads_effective_amount", form.get("vads_amount").asString());
        return signed(fields);
    }

    static Map<String, String> signed(Map<String, String> fields) {
        Map<String, String> copy = new TreeMap<>(fields);
        copy.remove("signature");
        copy.put("signature", VadsSignature.sign(copy, KEY, SignatureAlgorithm.HMAC_SHA_256));
        return copy;
    }

    private ApiClient.Response notify(Map<String, String> notification) {
        return postForm("/bank/systempay/notifications", notification);
    }

    private String status(String paymentId) {
        return jdbc.sql("select status from payment where id = ?").param(UUID.fromString(paymentId))
                .query(String.class).single();
    }

    @Test
    void a_payment_gives_the_signed_form_and_only_the_signed_notification_pays_it() {
        String dossier = newDossier();
        UUID first = invoice(dossier, "51.50");
        UUID second = invoice(dossier, "7.50");

        JsonNode payment = started(dossier, first, second);

        String id = payment.get("id").asString();
        assertThat(payment.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(payment.get("statusLabel").asString()).isEqualTo("Paiement en cours");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("59.00");
        assertThat(payment.get("provider").asString()).isEqualTo("SYSTEMPAY");
        assertThat(payment.get("invoices")).hasSize(2);
        assertThat(payment.get("invoices").get(0).get("id").asString()).isEqualTo(first.toString());
        assertThat(payment.get("invoices").get(0).get("period").asString()).isEqualTo("Septembre 2026");
        JsonNode form = payment.get("form");
        assertThat(form.get("action").asString()).isEqualTo("http://localhost:8090/vads-payment/");
        assertThat(form.get("method").asString()).isEqualTo("POST");
        JsonNode fields = form.get("fields");
        assertThat(fields.get("vads_site_id").asString()).isEqualTo("12345678");
        assertThat(fields.get("vads_amount").asString()).isEqualTo("5900");
        assertThat(fields.get("vads_currency").asString()).isEqualTo("978");
        assertThat(fields.get("vads_trans_id").asString()).matches("\\d{6}");
        assertThat(fields.get("vads_url_check").asString()).isEqualTo("http://localhost:8083/bank/systempay/notifications");
        assertThat(fields.get("vads_url_return").asString()).isEqualTo("http://localhost:8080/facturation/paiements/" + id);
        assertThat(fields.get("vads_cust_email").asString()).isEqualTo("durand." + dossier.toLowerCase() + "@example.test");
        Map<String, String> signedFields = new TreeMap<>();
        fields.properties().forEach(e -> signedFields.put(e.getKey(), e.getValue().asString()));
        assertThat(VadsSignature.matches(signedFields, KEY, SignatureAlgorithm.HMAC_SHA_256, fields.get("signature").asString()))
                .as("the form is signed with the shop's test key").isTrue();
        assertThat(invoiceStatus(first)).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(payment(dossier, id).get("status").asString()).as("the browser's return shows, never decides")
                .isEqualTo("IN_PROGRESS");

        ApiClient.Response answer = notify(notification(payment, "AUTHORISED"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("OK: reçue");
        awaitSettled(id);
        JsonNode paid = payment(dossier, id);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("statusLabel").asString()).isEqualTo("Paiement accepté");
        assertThat(paid.get("settledAt").isNull()).isFalse();
        assertThat(paid.get("reference").asString()).endsWith("-" + fields.get("vads_trans_id").asString());
        assertThat(paid.has("form") && !paid.get("form").isNull()).isFalse();
        assertThat(invoiceStatus(first)).isEqualTo("PAID");
        assertThat(invoiceStatus(second)).isEqualTo("PAID");
        assertThat(outboxEvents("PaymentSucceeded", id)).isEqualTo(1);
        assertThat(outboxPayload("PaymentSucceeded", id)).contains("\"amount\":59.00").contains(dossier)
                .contains(paid.get("reference").asString());
        assertThat(paid.get("dossierNumber").asString()).isEqualTo(dossier);
        assertThat(paid.get("providerLabel").asString()).isNotBlank();

        // « Consultez vos précédentes factures »: each paid invoice says how and when.
        JsonNode previous = api().get("/api/billing/invoices?view=previous&size=100", family(dossier)).json();
        JsonNode listed = previous.get("items").valueStream()
                .filter(i -> i.get("id").asString().equals(first.toString())).findFirst().orElseThrow();
        assertThat(listed.get("statusLabel").asString()).isEqualTo("Payée");
        assertThat(listed.at("/payment/method").asString()).isEqualTo("Carte bancaire en ligne");
        assertThat(listed.at("/payment/reference").asString()).isEqualTo(paid.get("reference").asString());
        assertThat(listed.at("/payment/paidAt").isNull()).isFalse();
        assertThat(listed.get("cancellation").isNull()).isTrue();
    }

    @Test
    void the_same_notification_100_times_even_at_once_pays_once_with_one_event() throws Exception {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        Map<String, String> notification = notification(payment, "AUTHORISED");

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return notify(notification).status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        awaitSettled(id);

        assertThat(status(id)).isEqualTo("PAID");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAID");
        assertThat(outboxEvents("PaymentSucceeded", id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from bank_notification where payment_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(100);
        assertThat(notificationsWith(id, "APPLIED")).as("kept 100 times, settled once").isEqualTo(1);
        assertThat(notificationsWith(id, "UNCHANGED")).isEqualTo(99);
        List<KafkaEvents.Received> onKafka = KafkaEvents.await(Topics.BILLING,
                r -> r.value().toString().contains(id) && r.value().toString().contains("PaymentSucceeded"), 1,
                Duration.ofSeconds(30));
        assertThat(onKafka).hasSize(1);
        assertThat(onKafka.get(0).key()).isEqualTo(dossier);
        Thread.sleep(1000);
        assertThat(KafkaEvents.read(Topics.BILLING).stream()
                .filter(r -> r.value().toString().contains(id) && r.value().toString().contains("PaymentSucceeded")))
                .hasSize(1);
    }

    @Test
    void forged_or_altered_notifications_get_400_change_nothing_and_are_security_events(CapturedOutput output) {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        Map<String, String> genuine = notification(payment, "AUTHORISED");

        Map<String, String> forged = new TreeMap<>(genuine);
        forged.put("signature", VadsSignature.sign(forged.entrySet().stream()
                .filter(e -> !e.getKey().equals("signature"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                "not-the-shop-key", SignatureAlgorithm.HMAC_SHA_256));
        Map<String, String> altered = new TreeMap<>(genuine);
        altered.put("vads_amount", "5149");
        Map<String, String> oneCentOff = new TreeMap<>(altered);
        oneCentOff.put("vads_effective_amount", "5149");
        Map<String, String> otherShop = new TreeMap<>(genuine);
        otherShop.put("vads_site_id", "87654321");
        Map<String, String> unknownTransaction = new TreeMap<>(genuine);
        unknownTransaction.put("vads_trans_id", "999999");
        Map<String, String> otherCurrency = new TreeMap<>(genuine);
        otherCurrency.put("vads_currency", "840");
        Map<String, String> unsigned = new TreeMap<>(genuine);
        unsigned.remove("signature");

        assertThat(notify(forged).status()).as("signed with another key").isEqualTo(400);
        assertThat(notify(altered).status()).as("amount changed after signing").isEqualTo(400);
        assertThat(notify(signed(oneCentOff)).status()).as("properly signed, one cent off").isEqualTo(400);
        assertThat(notify(signed(otherShop)).status()).as("another shop").isEqualTo(400);
        assertThat(notify(signed(unknownTransaction)).status()).as("unknown transaction").isEqualTo(400);
        assertThat(notify(signed(otherCurrency)).status()).as("not euros").isEqualTo(400);
        assertThat(notify(unsigned).status()).as("no signature").isEqualTo(400);

        notificationWorker.settleDue(java.time.Instant.now());
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(outboxEvents("PaymentSucceeded", id)).isZero();
        assertThat(outboxEvents("PaymentFailed", id)).isZero();
        assertThat(jdbc.sql("select count(*) from bank_notification where payment_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).as("none kept for settlement").isZero();
        assertThat(output.getAll()).contains("Notification bancaire refusée (SYSTEMPAY, depuis 127.0.0.1) : signature invalide")
                .contains("montant 5149 centimes au lieu de 5150").doesNotContain(KEY);

        assertThat(notify(genuine).status()).as("the genuine one still pays").isEqualTo(200);
        awaitSettled(id);
        assertThat(status(id)).isEqualTo("PAID");
    }

    @Test
    void a_late_abandoned_after_paid_never_reopens_the_payment() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();

        assertThat(notify(notification(payment, "CAPTURED")).status()).isEqualTo(200);
        ApiClient.Response late = notify(notification(payment, "ABANDONED"));

        assertThat(late.status()).isEqualTo(200);
        awaitSettled(id);
        assertThat(status(id)).isEqualTo("PAID");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAID");
        assertThat(outboxEvents("PaymentFailed", id)).isZero();
    }

    @Test
    void a_refused_payment_makes_its_invoices_payable_again_and_says_so() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();

        assertThat(notify(notification(payment, "REFUSED")).status()).isEqualTo(200);
        awaitSettled(id);

        JsonNode refused = payment(dossier, id);
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("statusLabel").asString()).isEqualTo("Paiement refusé");
        assertThat(refused.get("nextStep").asString()).contains("de nouveau à payer");
        assertThat(invoiceStatus(invoice)).isEqualTo("TO_PAY");
        assertThat(outboxEvents("PaymentFailed", id)).isEqualTo(1);
        assertThat(outboxPayload("PaymentFailed", id)).contains("\"outcome\":\"REFUSED\"")
                .contains("\"outcomeLabel\":\"Paiement refusé\"");
        JsonNode again = started(dossier, invoice);
        assertThat(again.get("form").get("fields").get("vads_trans_id").asString())
                .as("a new attempt, a new transaction id").isNotEqualTo(payment.get("form").get("fields")
                        .get("vads_trans_id").asString());
    }

    @Test
    void a_pending_status_or_a_refund_changes_nothing() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        Map<String, String> refund = new TreeMap<>(notification(payment, "CAPTURED"));
        refund.put("vads_operation_type", "CREDIT");

        assertThat(notify(notification(payment, "WAITING_AUTHORISATION")).status()).isEqualTo(200);
        assertThat(notify(signed(refund)).status()).isEqualTo(200);
        awaitSettled(id);

        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
    }

    @Test
    void the_statement_that_keeps_a_notification_compares_the_amount_only_of_a_decided_one() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        Map<String, String> waiting = new TreeMap<>(notification(payment, "WAITING_AUTHORISATION"));
        waiting.put("vads_amount", "100");
        Map<String, String> paid = new TreeMap<>(notification(payment, "AUTHORISED"));
        paid.put("vads_amount", "100");

        assertThat(notify(signed(waiting)).status()).as("not decided: kept, as PaymentSettlement.check keeps it")
                .isEqualTo(200);
        assertThat(notify(signed(paid)).status()).as("decided, another amount").isEqualTo(400);
        awaitSettled(id);

        assertThat(notificationsWith(id, "PENDING")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from bank_notification where payment_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).as("only the pending one kept for settlement").isEqualTo(1);
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
    }

    @Test
    void the_same_notification_posted_twice_at_once_is_acknowledged_twice_and_settled_once() throws Exception {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        Map<String, String> notification = notification(payment, "AUTHORISED");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return notify(notification);
                }));
            }
            start.countDown();
            for (Future<ApiClient.Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                assertThat(answer.get().body()).isEqualTo("OK: reçue");
            }
        } finally {
            pool.shutdownNow();
        }
        awaitSettled(id);

        assertThat(notificationsWith(id, "APPLIED")).isEqualTo(1);
        assertThat(notificationsWith(id, "UNCHANGED")).isEqualTo(1);
        assertThat(status(id)).isEqualTo("PAID");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAID");
        assertThat(outboxEvents("PaymentSucceeded", id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from bank_notification where payment_id = ? and settled_at is null")
                .param(UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    @Test
    void a_notification_with_a_bad_signature_is_refused_and_nothing_is_kept_for_settlement() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        Map<String, String> badSignature = new TreeMap<>(notification(payment, "AUTHORISED"));
        badSignature.put("signature", "AAAA" + badSignature.get("signature").substring(4));
        long waitingBefore = jdbc.sql("select count(*) from bank_notification where result = 'RECEIVED'")
                .query(Long.class).single();

        ApiClient.Response answer = notify(badSignature);
        notificationWorker.settleDue(java.time.Instant.now());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("KO: notification refusée");
        assertThat(jdbc.sql("select count(*) from bank_notification where payment_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).as("nothing kept about the payment").isZero();
        assertThat(jdbc.sql("select result from bank_notification where payload like :trans order by id")
                .param("trans", "%vads_trans_id=" + badSignature.get("vads_trans_id") + "%"
                        + "vads_trans_uuid%")
                .query(String.class).list()).as("only the audit of the refusal").containsOnly("REJECTED");
        assertThat(jdbc.sql("select count(*) from bank_notification where result = 'RECEIVED'").query(Long.class)
                .single()).as("nothing queued").isLessThanOrEqualTo(waitingBefore);
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(outboxEvents("PaymentSucceeded", id) + outboxEvents("PaymentFailed", id)).isZero();
    }

    @Test
    void another_familys_payment_or_invoice_is_not_found_and_nothing_changes() {
        String mine = newDossier();
        String theirs = newDossier();
        UUID myInvoice = invoice(mine, "51.50");
        UUID theirInvoice = invoice(theirs, "12.00");
        String id = started(mine, myInvoice).get("id").asString();

        assertThat(api().get("/api/billing/payments/" + id, family(theirs)).status()).isEqualTo(404);
        assertThat(api().get("/api/billing/payments/" + UUID.randomUUID(), family(mine)).status()).isEqualTo(404);
        ApiClient.Response foreign = pay(mine, theirInvoice);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(invoiceStatus(theirInvoice)).isEqualTo("TO_PAY");
        assertThat(api().get("/api/billing/payments/" + id, agent()).status()).as("agents see any payment").isEqualTo(200);
        assertThat(api().post("/api/billing/payments", agent(), "{\"invoiceIds\":[\"" + theirInvoice + "\"]}").status())
                .as("only families pay").isEqualTo(403);
        assertThat(api().post("/api/billing/payments", family(mine), "{\"invoiceIds\":[]}").status()).isEqualTo(400);
    }

    @Test
    void two_tabs_paying_the_same_invoice_one_gets_409_with_the_reason() throws Exception {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<ApiClient.Response> one = pool.submit(() -> { start.await(); return pay(dossier, invoice); });
            Future<ApiClient.Response> two = pool.submit(() -> { start.await(); return pay(dossier, invoice); });
            start.countDown();
            List<Integer> statuses = List.of(one.get().status(), two.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            ApiClient.Response refused = one.get().status() == 409 ? one.get() : two.get();
            assertThat(refused.json().get("detail").asString()).contains("a un paiement en cours");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from payment_invoice where invoice_id = ?").param(invoice)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_payment_left_without_notification_is_given_up_and_its_invoices_payable_again() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        expire(id);

        expiry.run();

        JsonNode abandoned = payment(dossier, id);
        assertThat(abandoned.get("status").asString()).isEqualTo("ABANDONED");
        assertThat(abandoned.get("statusLabel").asString()).isEqualTo("Paiement abandonné");
        assertThat(invoiceStatus(invoice)).isEqualTo("TO_PAY");
        assertThat(outboxPayload("PaymentFailed", id)).contains("\"outcome\":\"EXPIRED\"");
        assertThat(jdbc.sql("select outcome from payment where id = ?").param(UUID.fromString(id)).query(String.class)
                .single()).isEqualTo("EXPIRED");
    }

    @Test
    void without_any_email_address_the_payment_is_refused_in_french_and_the_invoice_stays_payable() {
        String dossier = newDossier();
        UUID id = invoice(dossier, "12.00");
        jdbc.sql("update invoice set email = null where id = ?").param(id).update();
        String withoutEmail = keycloak.token(new TestKeycloak.Persona("famille-" + dossier, "famille." + dossier,
                "Famille DURAND", null, List.of("famille"), dossier, List.of()));

        ApiClient.Response refused = api().post("/api/billing/payments", withoutEmail,
                "{\"invoiceIds\":[\"" + id + "\"]}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("adresse électronique", "« Mon compte »");
        assertThat(invoiceStatus(id)).isEqualTo("TO_PAY");
        assertThat(jdbc.sql("select count(*) from payment where dossier_number = ?").param(dossier)
                .query(Long.class).single()).isZero();
    }

    @Test
    void the_settings_say_systempay_without_limit() {
        JsonNode settings = api().get("/api/billing/settings", family(newDossier())).json();

        assertThat(settings.get("provider").asString()).isEqualTo("SYSTEMPAY");
        assertThat(settings.get("maxInvoicesPerPayment").isNull()).isTrue();
        assertThat(settings.get("directDebitAvailable").asBoolean()).isFalse();
    }

    @Test
    void the_journal_of_the_day_lists_the_payments_and_the_takings_and_exports_as_csv() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        assertThat(notify(notification(payment, "AUTHORISED")).status()).isEqualTo(200);
        awaitSettled(id);
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();

        ApiClient.Response journal = api().get("/api/billing/payments?date=" + today, agent());

        assertThat(journal.status()).as(journal.toString()).isEqualTo(200);
        JsonNode line = null;
        for (JsonNode candidate : journal.json().get("payments")) {
            if (candidate.get("id").asString().equals(id)) {
                line = candidate;
            }
        }
        assertThat(line).as("the payment is in the day's journal").isNotNull();
        assertThat(line.get("dossierNumber").asString()).isEqualTo(dossier);
        assertThat(line.get("familyName").asString()).isEqualTo("Famille DURAND");
        assertThat(line.get("statusLabel").asString()).isEqualTo("Paiement accepté");
        assertThat(line.get("invoiceNumbers")).hasSize(1);
        assertThat(journal.json().get("paidTotal").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("51.50"));
        assertThat(api().get("/api/billing/payments?date=" + today, family(dossier)).status()).isEqualTo(403);

        HttpResponse<byte[]> csv = api().download("/api/billing/payments/journal.csv?date=" + today, agent());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("journal-paiements-" + today + ".csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFCréé le;Réglé le;Dossier;Famille;").contains(";" + dossier + ";Famille DURAND;")
                .contains(";51,50;Carte bancaire (Systempay);Paiement accepté;");
        assertThat(api().get("/api/billing/payments?date=2026-13-45", agent()).status()).isEqualTo(400);
    }
}
