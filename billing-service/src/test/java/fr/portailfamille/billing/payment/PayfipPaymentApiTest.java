package fr.portailfamille.billing.payment;

import fr.portailfamille.billing.payment.payfip.PayfipStub;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paying through PayFiP, end to end on real PostgreSQL and Kafka, billing-service configured for
 * PayFiP (its own Spring context): PayFiP's SOAP service is {@link PayfipStub}, which speaks its
 * contract; its notification (an {@code idOp}, nothing else) is posted to
 * {@code /bank/payfip/notifications} as PayFiP's server does, and billing must ask
 * {@code recupererDetailPaiementSecurise} what became of it.
 */
@PortalServiceTest
@TestPropertySource(properties = "portal.billing.payment.provider=PAYFIP")
class PayfipPaymentApiTest extends PaymentApiSupport {

    static final PayfipStub PAYFIP = PayfipStub.shared();
    static final String UNAVAILABLE = "Le service de paiement de la banque ne répond pas pour le moment : "
            + "réessayez dans quelques minutes. Aucune facture n’a été réservée.";

    @Autowired
    PaymentExpiry expiry;

    @AfterEach
    void payfipAnswersAgain() {
        PAYFIP.recover();
    }

    private static String idOp(JsonNode payment) {
        return payment.get("form").get("fields").get("idop").asString();
    }

    /** PayFiP's server notifying {@code urlnotif}: the idOp only. */
    private ApiClient.Response notify(String idOp) {
        return postForm("/bank/payfip/notifications", Map.of("idOp", idOp));
    }

    /**
     * Runs the expiry check as many times as it takes, at 50 payments a run, to reach every payment
     * now past its window (others than the test's may be waiting): how many runs.
     */
    private long checkExpiredPayments() {
        long expired = jdbc.sql("select count(*) from payment where status = 'IN_PROGRESS' and expires_at < now()")
                .query(Long.class).single();
        long runs = Math.max(1, (expired + 49) / 50);
        for (long run = 0; run < runs; run++) {
            expiry.run();
        }
        return runs;
    }

    private String status(String paymentId) {
        return column("status", paymentId);
    }

    private String column(String column, String paymentId) {
        return jdbc.sql("select " + column + " from payment where id = ?").param(UUID.fromString(paymentId))
                .query(String.class).single();
    }

    private String number(UUID invoice) {
        return jdbc.sql("select number from invoice where id = ?").param(invoice).query(String.class).single();
    }

    private JsonNode invoiceOf(String dossier, UUID invoice) {
        ApiClient.Response response = api().get("/api/billing/invoices/" + invoice, family(dossier));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long paymentsOf(UUID invoice) {
        return jdbc.sql("select count(*) from payment_invoice where invoice_id = ?").param(invoice)
                .query(Long.class).single();
    }

    private long notifications(String paymentId, String result) {
        return jdbc.sql("select count(*) from bank_notification where payment_id = ? and result = ?")
                .param(UUID.fromString(paymentId)).param(result).query(Long.class).single();
    }

    @Test
    void one_invoice_opens_a_payfip_payment_whose_page_is_reached_with_its_idop() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");

        JsonNode payment = started(dossier, invoice);

        String id = payment.get("id").asString();
        String idOp = idOp(payment);
        assertThat(payment.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(payment.get("statusLabel").asString()).isEqualTo("Paiement en cours");
        assertThat(payment.get("provider").asString()).isEqualTo("PAYFIP");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("51.50");
        assertThat(payment.get("reference").asString()).as("the reference shown is the idOp").isEqualTo(idOp);
        JsonNode form = payment.get("form");
        assertThat(form.get("action").asString()).isEqualTo("http://localhost:8090/tpa/paiementws.web");
        assertThat(form.get("method").asString()).isEqualTo("GET");
        assertThat(form.get("fields").size()).as("the idOp alone opens PayFiP's page").isEqualTo(1);
        Map<String, String> asked = PAYFIP.operation(idOp).request;
        assertThat(asked).containsEntry("numcli", "123456").containsEntry("montant", "5150")
                .containsEntry("saisie", "T").containsEntry("refdet", number(invoice).replace("-", ""))
                .containsEntry("objet", "Facture " + number(invoice).replace("-", " ") + " Septembre 2026")
                .containsEntry("exer", Integer.toString(Year.now(ZoneId.of("Europe/Paris")).getValue()))
                .containsEntry("mel", "durand." + dossier.toLowerCase() + "@example.test")
                .containsEntry("urlnotif", "http://localhost:8083/bank/payfip/notifications")
                .containsEntry("urlredirect", "http://localhost:8083/bank/payfip/returns/" + id);
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(invoiceOf(dossier, invoice).get("statusLabel").asString()).isEqualTo("Paiement en cours");
        assertThat(column("reference", id)).isEqualTo(idOp);

        ApiClient.Response back = api().get("/bank/payfip/returns/" + id, null);
        ApiClient.Response postedBack = api().send(api().request("/bank/payfip/returns/" + id, null)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(back.status()).isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo("http://localhost:8080/facturation/paiements/" + id);
        assertThat(postedBack.status()).isEqualTo(303);
        assertThat(postedBack.header("Location")).isEqualTo("http://localhost:8080/facturation/paiements/" + id);
        assertThat(api().get("/bank/payfip/returns/nimporte-quoi", null).header("Location"))
                .isEqualTo("http://localhost:8080/facturation");
        assertThat(payment(dossier, id).get("status").asString()).as("the payer's return never pays")
                .isEqualTo("IN_PROGRESS");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
    }

    @Test
    void the_settings_say_payfip_one_invoice_per_payment() {
        JsonNode settings = api().get("/api/billing/settings", family(newDossier())).json();

        assertThat(settings.get("provider").asString()).isEqualTo("PAYFIP");
        assertThat(settings.get("maxInvoicesPerPayment").asInt()).isEqualTo(1);
    }

    @Test
    void two_invoices_at_once_are_refused_with_the_reason_and_nothing_is_reserved() {
        String dossier = newDossier();
        UUID first = invoice(dossier, "51.50");
        UUID second = invoice(dossier, "7.50");

        ApiClient.Response refused = pay(dossier, first, second);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("Avec PayFiP, une facture par paiement.");
        assertThat(invoiceStatus(first)).isEqualTo("TO_PAY");
        assertThat(invoiceStatus(second)).isEqualTo("TO_PAY");
        assertThat(paymentsOf(first) + paymentsOf(second)).isZero();
        assertThat(PAYFIP.calls("creerPaiementSecurise", number(first).replace("-", ""))).as("PayFiP not asked")
                .isZero();
        assertThat(started(dossier, second).get("status").asString()).as("one at a time is fine")
                .isEqualTo("IN_PROGRESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P", "V"})
    void the_notification_makes_billing_ask_payfip_and_a_paid_result_pays_the_invoice(String resultrans) {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        String idOp = idOp(payment);

        ApiClient.Response early = notify(idOp);

        assertThat(early.status()).as(early.toString()).isEqualTo(200);
        assertThat(early.body()).isEqualTo("OK: reçue");
        awaitSettled(id);
        assertThat(notifications(id, "PENDING")).as("PayFiP has no result yet (P5)").isEqualTo(1);
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");

        PAYFIP.decide(idOp, resultrans);
        ApiClient.Response answer = notify(idOp);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        assertThat(answer.body()).isEqualTo("OK: reçue");
        awaitSettled(id);
        assertThat(PAYFIP.calls("recupererDetailPaiementSecurise", idOp)).isEqualTo(2);
        JsonNode paid = payment(dossier, id);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("statusLabel").asString()).isEqualTo("Paiement accepté");
        assertThat(paid.get("settledAt").isNull()).isFalse();
        assertThat(paid.get("reference").asString()).isEqualTo(idOp);
        JsonNode paidInvoice = invoiceOf(dossier, invoice);
        assertThat(paidInvoice.get("status").asString()).isEqualTo("PAID");
        assertThat(paidInvoice.get("statusLabel").asString()).isEqualTo("Payée");
        assertThat(paidInvoice.get("payable").asBoolean()).isFalse();
        assertThat(paidInvoice.get("payment").get("method").asString()).isEqualTo("PayFiP (paiement en ligne)");
        assertThat(paidInvoice.get("payment").get("reference").asString()).isEqualTo(idOp);
        assertThat(Instant.parse(paidInvoice.get("payment").get("paidAt").asString()))
                .as("when PayFiP says it was paid (01/12/2026 15:30, Paris)")
                .isEqualTo(Instant.parse("2026-12-01T14:30:00Z"));
        assertThat(column("bank_status", id)).isEqualTo(resultrans);
        assertThat(outboxEvents("PaymentSucceeded", id)).isEqualTo(1);
        assertThat(outboxPayload("PaymentSucceeded", id)).contains("\"provider\":\"PAYFIP\"").contains(idOp)
                .contains("\"amount\":51.50").contains(dossier);
        assertThat(outboxEvents("PaymentFailed", id)).isZero();
        assertThat(notifications(id, "PENDING")).isEqualTo(1);
        assertThat(notifications(id, "APPLIED")).isEqualTo(1);
    }

    @Test
    void a_refused_result_makes_the_invoice_payable_again_and_says_so() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        PAYFIP.decide(idOp(payment), "R");

        ApiClient.Response answer = notify(idOp(payment));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        awaitSettled(id);
        assertThat(notifications(id, "APPLIED")).isEqualTo(1);
        JsonNode refused = payment(dossier, id);
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("statusLabel").asString()).isEqualTo("Paiement refusé");
        assertThat(refused.get("nextStep").asString()).contains("de nouveau à payer");
        JsonNode again = invoiceOf(dossier, invoice);
        assertThat(again.get("statusLabel").asString()).isEqualTo("À payer");
        assertThat(again.get("payable").asBoolean()).isTrue();
        assertThat(outboxEvents("PaymentSucceeded", id)).isZero();
        assertThat(outboxPayload("PaymentFailed", id)).contains("\"outcome\":\"REFUSED\"")
                .contains("\"outcomeLabel\":\"Paiement refusé\"");
        JsonNode retry = started(dossier, invoice);
        assertThat(idOp(retry)).as("a new attempt, a new idOp").isNotEqualTo(idOp(payment));
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
    }

    @Test
    void an_abandoned_result_makes_the_invoice_payable_again() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        PAYFIP.decide(idOp(payment), "A");

        assertThat(notify(idOp(payment)).body()).isEqualTo("OK: reçue");
        awaitSettled(id);

        JsonNode abandoned = payment(dossier, id);
        assertThat(abandoned.get("status").asString()).isEqualTo("ABANDONED");
        assertThat(abandoned.get("statusLabel").asString()).isEqualTo("Paiement abandonné");
        assertThat(invoiceOf(dossier, invoice).get("statusLabel").asString()).isEqualTo("À payer");
        assertThat(outboxPayload("PaymentFailed", id)).contains("\"outcome\":\"ABANDONED\"");
        assertThat(outboxEvents("PaymentSucceeded", id)).isZero();
    }

    @Test
    void an_unknown_or_malformed_idop_gets_400_payfip_is_not_asked_and_nothing_changes() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        PAYFIP.decide(idOp(payment), "P");
        String unknown = UUID.randomUUID().toString();
        long rejectedBefore = jdbc.sql("select count(*) from bank_notification where result = 'REJECTED'")
                .query(Long.class).single();

        ApiClient.Response answer = notify(unknown);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("KO: notification refusée");
        assertThat(PAYFIP.calls("recupererDetailPaiementSecurise", unknown)).as("PayFiP is not asked about others")
                .isZero();
        assertThat(notify("<script>").status()).as("malformed").isEqualTo(400);
        assertThat(postForm("/bank/payfip/notifications", Map.of()).status()).as("no idOp").isEqualTo(400);
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(outboxEvents("PaymentSucceeded", id) + outboxEvents("PaymentFailed", id)).isZero();
        assertThat(jdbc.sql("select count(*) from bank_notification where result = 'REJECTED'").query(Long.class)
                .single()).as("each refused notification is kept").isEqualTo(rejectedBefore + 3);
        assertThat(jdbc.sql("select count(*) from bank_notification where payload = ? and result = 'REJECTED'")
                .param("idOp=" + unknown).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_same_notification_replayed_even_at_once_pays_once_with_one_event() throws Exception {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        String idOp = idOp(payment);
        PAYFIP.decide(idOp, "P");

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit((Callable<ApiClient.Response>) () -> {
                    start.await();
                    return notify(idOp);
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
        ApiClient.Response lowerCase = postForm("/bank/payfip/notifications", Map.of("idop", idOp));

        assertThat(lowerCase.status()).as("idop as PayFiP's page spells it").isEqualTo(200);
        awaitSettled(id);
        assertThat(status(id)).isEqualTo("PAID");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAID");
        assertThat(outboxEvents("PaymentSucceeded", id)).isEqualTo(1);
        assertThat(notifications(id, "APPLIED")).isEqualTo(1);
        assertThat(notifications(id, "UNCHANGED")).isEqualTo(20);
    }

    @Test
    void payments_whose_idop_expired_without_notification_are_resolved_by_asking_payfip() {
        String dossier = newDossier();
        UUID paidInvoice = invoice(dossier, "51.50");
        UUID unusedInvoice = invoice(dossier, "7.50");
        UUID forgottenInvoice = invoice(dossier, "12.00");
        UUID recentInvoice = invoice(dossier, "3.00");
        JsonNode paid = started(dossier, paidInvoice);
        JsonNode unused = started(dossier, unusedInvoice);
        JsonNode forgotten = started(dossier, forgottenInvoice);
        JsonNode recent = started(dossier, recentInvoice);
        PAYFIP.decide(idOp(paid), "P");
        PAYFIP.forget(idOp(forgotten));
        PAYFIP.decide(idOp(recent), "R");
        for (JsonNode payment : List.of(paid, unused, forgotten)) {
            expire(payment.get("id").asString());
        }

        checkExpiredPayments();

        String paidId = paid.get("id").asString();
        assertThat(payment(dossier, paidId).get("status").asString()).as("paid at PayFiP, notification lost")
                .isEqualTo("PAID");
        assertThat(invoiceOf(dossier, paidInvoice).get("statusLabel").asString()).isEqualTo("Payée");
        assertThat(outboxEvents("PaymentSucceeded", paidId)).isEqualTo(1);
        assertThat(PAYFIP.calls("recupererDetailPaiementSecurise", idOp(paid))).isPositive();
        for (JsonNode givenUp : List.of(unused, forgotten)) {
            String id = givenUp.get("id").asString();
            JsonNode seen = payment(dossier, id);
            assertThat(seen.get("status").asString()).isEqualTo("ABANDONED");
            assertThat(seen.get("statusLabel").asString()).isEqualTo("Paiement abandonné");
            assertThat(column("outcome", id)).isEqualTo("EXPIRED");
            assertThat(outboxPayload("PaymentFailed", id)).contains("\"outcome\":\"EXPIRED\"")
                    .contains("\"outcomeLabel\":\"Paiement non abouti\"");
            assertThat(PAYFIP.calls("recupererDetailPaiementSecurise", idOp(givenUp))).isPositive();
        }
        assertThat(column("bank_status", unused.get("id").asString())).as("no result: the idOp expired unused")
                .isEqualTo("P5");
        assertThat(column("bank_status", forgotten.get("id").asString())).as("PayFiP forgot the idOp")
                .isEqualTo("P1");
        assertThat(invoiceStatus(unusedInvoice)).isEqualTo("TO_PAY");
        assertThat(invoiceStatus(forgottenInvoice)).isEqualTo("TO_PAY");
        assertThat(status(recent.get("id").asString())).as("still within its window: not asked, not changed")
                .isEqualTo("IN_PROGRESS");
        assertThat(PAYFIP.calls("recupererDetailPaiementSecurise", idOp(recent))).isZero();
        assertThat(invoiceStatus(recentInvoice)).isEqualTo("PAYMENT_IN_PROGRESS");
    }

    @Test
    void payfip_down_after_the_start_leaves_the_payment_as_it_is_until_payfip_answers() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        PAYFIP.decide(idOp(payment), "P");
        PAYFIP.down(true);

        ApiClient.Response notified = notify(idOp(payment));
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id) >= 1);
        expire(id);
        checkExpiredPayments();

        assertThat(notified.status()).as("kept before PayFiP is asked").isEqualTo(200);
        assertThat(notified.body()).isEqualTo("OK: reçue");
        assertThat(notificationsWaiting(id)).as("not settled, kept to be tried again").isEqualTo(1);
        assertThat(jdbc.sql("select detail from bank_notification where payment_id = ?").param(UUID.fromString(id))
                .query(String.class).single()).containsPattern("^tentative \\d/8 : ProviderUnavailableException");
        assertThat(status(id)).as("neither the notification nor the expiry check decides without PayFiP")
                .isEqualTo("IN_PROGRESS");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(outboxEvents("PaymentSucceeded", id) + outboxEvents("PaymentFailed", id)).isZero();

        PAYFIP.down(false);
        notificationWorker.settleDue(Instant.now().plus(Duration.ofHours(1)));

        assertThat(notifications(id, "APPLIED")).as("the retry, once PayFiP answers, settles it").isEqualTo(1);
        assertThat(status(id)).isEqualTo("PAID");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAID");
        assertThat(outboxEvents("PaymentSucceeded", id)).isEqualTo(1);
    }

    @Test
    void a_notification_that_cannot_be_settled_is_retried_then_left_failed_never_lost() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        JsonNode payment = started(dossier, invoice);
        String id = payment.get("id").asString();
        PAYFIP.decide(idOp(payment), "P");
        PAYFIP.down(true);

        assertThat(notify(idOp(payment)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id) >= 1);
        assertThat(jdbc.sql("select next_attempt_at > received_at from bank_notification where payment_id = ?")
                .param(UUID.fromString(id)).query(Boolean.class).single()).as("tried again later, not at once").isTrue();
        // Each later run is past the previous back-off: one more attempt each, up to the last.
        Instant later = Instant.now();
        for (int run = 0; run < 10 && notificationsWaiting(id) > 0; run++) {
            later = later.plus(Duration.ofHours(1));
            notificationWorker.settleDue(later);
        }

        assertThat(notificationsWaiting(id)).isZero();
        assertThat(notifications(id, "FAILED")).as("kept, visible as failed").isEqualTo(1);
        assertThat(attempts(id)).isEqualTo(8);
        assertThat(jdbc.sql("select detail from bank_notification where payment_id = ?").param(UUID.fromString(id))
                .query(String.class).single()).startsWith("tentative 8/8 : ProviderUnavailableException");
        assertThat(PAYFIP.calls("recupererDetailPaiementSecurise", idOp(payment))).isGreaterThanOrEqualTo(8);
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(invoiceStatus(invoice)).isEqualTo("PAYMENT_IN_PROGRESS");
        notificationWorker.settleDue(later.plus(Duration.ofDays(1)));
        assertThat(notifications(id, "FAILED")).as("a failed notification is not taken again").isEqualTo(1);

        PAYFIP.down(false);
        assertThat(notify(idOp(payment)).status()).as("PayFiP notifies again").isEqualTo(200);
        awaitSettled(id);
        assertThat(status(id)).isEqualTo("PAID");
        assertThat(outboxEvents("PaymentSucceeded", id)).isEqualTo(1);
    }

    private int attempts(String paymentId) {
        return jdbc.sql("select coalesce(max(attempts), 0) from bank_notification where payment_id = ?")
                .param(UUID.fromString(paymentId)).query(Integer.class).single();
    }

    @Test
    void a_fault_or_payfip_down_when_starting_answers_503_in_french_and_reserves_nothing() {
        String dossier = newDossier();
        UUID invoice = invoice(dossier, "51.50");
        PAYFIP.failNext("creerPaiementSecurise", "T2", "Le N° du client doit être pré-existant dans la base PayFiP.");

        ApiClient.Response fault = pay(dossier, invoice);

        assertThat(fault.status()).as(fault.toString()).isEqualTo(503);
        assertThat(fault.contentType()).startsWith("application/problem+json");
        assertThat(fault.json().get("detail").asString()).isEqualTo(UNAVAILABLE);
        assertThat(invoiceStatus(invoice)).isEqualTo("TO_PAY");
        assertThat(paymentsOf(invoice)).isZero();

        PAYFIP.down(true);
        ApiClient.Response down = pay(dossier, invoice);

        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.json().get("detail").asString()).isEqualTo(UNAVAILABLE);
        assertThat(invoiceStatus(invoice)).isEqualTo("TO_PAY");
        assertThat(invoiceOf(dossier, invoice).get("payable").asBoolean()).isTrue();
        assertThat(paymentsOf(invoice)).isZero();
        assertThat(jdbc.sql("select count(*) from payment where dossier_number = ?").param(dossier)
                .query(Long.class).single()).isZero();

        PAYFIP.down(false);
        assertThat(started(dossier, invoice).get("status").asString()).as("PayFiP back: the family pays")
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void another_familys_payment_or_invoice_is_not_found_and_nothing_changes() {
        String mine = newDossier();
        String theirs = newDossier();
        UUID myInvoice = invoice(mine, "51.50");
        UUID theirInvoice = invoice(theirs, "12.00");
        String id = started(mine, myInvoice).get("id").asString();

        ApiClient.Response foreignPayment = api().get("/api/billing/payments/" + id, family(theirs));
        ApiClient.Response foreignInvoice = pay(mine, theirInvoice);

        assertThat(foreignPayment.status()).isEqualTo(404);
        assertThat(foreignPayment.json().get("detail").asString()).isEqualTo("Paiement introuvable.");
        assertThat(api().get("/api/billing/payments/" + UUID.randomUUID(), family(mine)).json().get("detail")
                .asString()).isEqualTo("Paiement introuvable.");
        assertThat(foreignInvoice.status()).isEqualTo(404);
        assertThat(foreignInvoice.json().get("detail").asString()).isEqualTo("Facture introuvable.");
        assertThat(invoiceStatus(theirInvoice)).isEqualTo("TO_PAY");
        assertThat(paymentsOf(theirInvoice)).isZero();
        assertThat(PAYFIP.calls("creerPaiementSecurise", number(theirInvoice).replace("-", ""))).isZero();
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(api().get("/api/billing/payments/" + id, agent()).status()).as("agents see any payment")
                .isEqualTo(200);
    }

    /**
     * The expiry check takes at most 50 payments a run. With PayFiP down and more than 50 of its
     * payments waiting, a check that always took the 50 oldest would ask them again and again, and a
     * newer payment (here a Systempay one, opened before the authority switched to PayFiP, which
     * needs no bank call to be given up) would never be reached. Each run must make progress.
     */
    @Test
    void payfip_down_with_more_than_a_batch_waiting_does_not_stop_other_payments_being_given_up() {
        String dossier = newDossier();
        List<String> waiting = new ArrayList<>();
        List<UUID> waitingInvoices = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            UUID invoice = invoice(dossier, "1.00");
            waitingInvoices.add(invoice);
            waiting.add(started(dossier, invoice).get("id").asString());
        }
        jdbc.sql("update payment set expires_at = :longAgo where id in (:ids)")
                .param("longAgo", Timestamp.from(Instant.now().minusSeconds(86_400)))
                .param("ids", waiting.stream().map(UUID::fromString).toList())
                .update();
        UUID systempayInvoice = invoice(dossier, "20.00");
        String systempay = systempayPaymentLeftInProgress(dossier, systempayInvoice);
        PAYFIP.down(true);

        long runs = checkExpiredPayments();

        assertThat(status(systempay)).as("given up within %d runs of the check", runs).isEqualTo("ABANDONED");
        assertThat(column("outcome", systempay)).isEqualTo("EXPIRED");
        assertThat(invoiceStatus(systempayInvoice)).isEqualTo("TO_PAY");
        assertThat(outboxPayload("PaymentFailed", systempay)).contains("\"outcome\":\"EXPIRED\"");
        assertThat(jdbc.sql("select count(*) from payment where id in (:ids) and status = 'IN_PROGRESS'")
                .param("ids", waiting.stream().map(UUID::fromString).toList()).query(Long.class).single())
                .as("PayFiP down: none of its payments decided").isEqualTo(51);
        assertThat(waitingInvoices.stream().map(this::invoiceStatus)).containsOnly("PAYMENT_IN_PROGRESS");

        // PayFiP is back: once due again, they are asked and PayFiP's answers applied.
        PAYFIP.down(false);
        PAYFIP.decide(idOpOf(waiting.get(0)), "P");
        jdbc.sql("update payment set next_check_at = null where id in (:ids)")
                .param("ids", waiting.stream().map(UUID::fromString).toList())
                .update();
        checkExpiredPayments();

        assertThat(status(waiting.get(0))).isEqualTo("PAID");
        assertThat(invoiceStatus(waitingInvoices.get(0))).isEqualTo("PAID");
        assertThat(waiting.subList(1, 51).stream().map(this::status)).as("idOps expired unused (P5)")
                .containsOnly("ABANDONED");
        assertThat(waitingInvoices.subList(1, 51).stream().map(this::invoiceStatus)).containsOnly("TO_PAY");
    }

    private String idOpOf(String paymentId) {
        return column("reference", paymentId);
    }

    /** A Systempay payment opened before the authority switched to PayFiP, left without notification. */
    private String systempayPaymentLeftInProgress(String dossier, UUID invoice) {
        UUID id = UUID.randomUUID();
        Timestamp opened = Timestamp.from(Instant.now().minusSeconds(3_600));
        jdbc.sql("""
                        insert into payment (id, dossier_number, family_name, email, provider, status, amount, order_id,
                                             shop_id, provider_mode, reference, reference_date, created_by, created_at,
                                             expires_at)
                        values (:id, :dossier, 'Famille DURAND', 'durand@example.test', 'SYSTEMPAY', 'IN_PROGRESS',
                                20.00, :orderId, '12345678', 'TEST', :transId, :opened, 'test', :opened, :expired)""")
                .param("id", id)
                .param("dossier", dossier)
                .param("orderId", id.toString().replace("-", ""))
                .param("transId", "%06d".formatted(ThreadLocalRandom.current().nextInt(900_000, 1_000_000)))
                .param("opened", opened)
                .param("expired", Timestamp.from(Instant.now().minusSeconds(60)))
                .update();
        jdbc.sql("""
                        insert into payment_invoice (payment_id, position, invoice_id, invoice_number, period, total)
                        values (:id, 0, :invoice, :number, 'Septembre 2026', :total)""")
                .param("id", id).param("invoice", invoice).param("number", number(invoice))
                .param("total", new BigDecimal("20.00"))
                .update();
        jdbc.sql("update invoice set status = 'PAYMENT_IN_PROGRESS', payment_id = :id where id = :invoice")
                .param("id", id).param("invoice", invoice).update();
        return id.toString();
    }
}
