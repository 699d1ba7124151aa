package fr.portailfamille.banksimulator.systempay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole protocol against the running simulator, from a hand-made shop: form, payment page, card,
 * notification to a real HTTP server, browser back to the shop. Signatures are recomputed by the test
 * shop's own code, never by the simulator's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bank-simulator.systempay.notification.retry-delays=200ms,200ms,200ms",
        "bank-simulator.systempay.notification.timeout=2s"})
@ExtendWith(OutputCaptureExtension.class)
class SystempayFlowTest {

    private static final String ACCEPTED_CARD = "4970 1000 0000 0000";
    private static final String REFUSED_CARD = "4970100000000097";
    private static final Pattern LOCATION_SESSION = Pattern.compile(".*/vads-payment/session/([0-9a-f-]{36})$");

    static TestShop shop;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startShop() throws IOException {
        shop = new TestShop();
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @BeforeEach
    void resetShop() {
        shop.reset();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> submit(Map<String, String> form) throws Exception {
        return shop.post(url("/vads-payment/"), form);
    }

    /** Posts the form and follows the platform to its payment page; returns the page's path. */
    private String openPaymentPage(Map<String, String> form) throws Exception {
        HttpResponse<String> response = submit(TestShop.signed(form));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(LOCATION_SESSION);
        return URI.create(location).getPath();
    }

    private HttpResponse<String> pay(String sessionPath, String card) throws Exception {
        return shop.post(url(sessionPath + "/pay"), Map.of("cardNumber", card, "expiry", nextYearExpiry(), "cvv", "123"));
    }

    private static String nextYearExpiry() {
        return YearMonth.now().plusYears(1).format(DateTimeFormatter.ofPattern("MM/yy"));
    }

    private static Map<String, String> query(String location) {
        return TestShop.parseForm(URI.create(location).getRawQuery());
    }

    private static void assertSignedWithTestKey(Map<String, String> fields) {
        assertThat(fields.get("signature")).isEqualTo(TestShop.hmacSha256(fields, TestShop.TEST_KEY));
    }

    @Test
    void aSignedFormOpensTheFrenchTestPaymentPageWithTheAmount() throws Exception {
        String transId = TestShop.newTransId();
        String sessionPath = openPaymentPage(shop.invoiceForm(transId));

        HttpResponse<String> page = shop.get(url(sessionPath));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"fr\">")
                .contains("Environnement de test — aucun paiement réel")
                .contains("<h1>Paiement sécurisé</h1>")
                .contains("51,50\u00a0€")
                .contains("PF-2026-000123")
                .contains(transId)
                .contains("<label for=\"cardNumber\">Numéro de carte</label>")
                .contains("<label for=\"expiry\">Date d'expiration</label>")
                .contains("<label for=\"cvv\">Cryptogramme visuel</label>")
                .contains("Annuler et retourner à la boutique")
                .contains("4970 1000 0000 0000")
                .contains("4970 1000 0000 0097");
        assertThat(shop.notifications()).isEmpty();
    }

    @Test
    void aFormWithAWrongSignatureIsRefusedWithTheFrenchErrorAndDoesNotBurnItsTransactionId() throws Exception {
        String transId = TestShop.newTransId();
        Map<String, String> tampered = new LinkedHashMap<>(TestShop.signed(shop.invoiceForm(transId)));
        tampered.put("vads_amount", "515");

        HttpResponse<String> refused = submit(tampered);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("<html lang=\"fr\">")
                .contains("Le paiement est impossible")
                .contains("Erreur 00 – signature")
                .contains("La signature du formulaire est incorrecte")
                .doesNotContain("cardNumber");
        openPaymentPage(shop.invoiceForm(transId));
    }

    @Test
    void aTransactionIdIsUsedOnceADayWhateverItsCase() throws Exception {
        String transId = "ab" + TestShop.newTransId().substring(2);
        openPaymentPage(shop.invoiceForm(transId));

        HttpResponse<String> again = submit(TestShop.signed(shop.invoiceForm(transId.toUpperCase())));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body())
                .contains("Erreur 03 – vads_trans_id")
                .contains("a déjà été utilisé aujourd&#39;hui");
    }

    @Test
    void theSameTransactionIdIsFreeAgainOnAnotherUtcDay() throws Exception {
        String transId = TestShop.newTransId();
        openPaymentPage(shop.invoiceForm(transId));
        Map<String, String> yesterday = shop.invoiceForm(transId);
        yesterday.put("vads_trans_date", LocalDateTime.now(ZoneOffset.UTC).minusDays(1)
                .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));

        openPaymentPage(yesterday);
    }

    static Stream<Arguments> badForms() {
        return Stream.of(
                Arguments.of("vads_site_id", "87654321", "Erreur 02 – vads_site_id"),
                Arguments.of("vads_ctx_mode", "test", "Erreur 11 – vads_ctx_mode"),
                Arguments.of("vads_version", "V1", "Erreur 01 – vads_version"),
                Arguments.of("vads_trans_id", "12345", "Erreur 03 – vads_trans_id"),
                Arguments.of("vads_trans_date", "20261301120000", "Erreur 04 – vads_trans_date"),
                Arguments.of("vads_payment_config", "MULTI:first=1000;count=3;period=30", "Erreur 07 – vads_payment_config"),
                Arguments.of("vads_amount", "51.50", "Erreur 09 – vads_amount"),
                Arguments.of("vads_amount", "0", "Erreur 09 – vads_amount"),
                Arguments.of("vads_currency", "840", "Erreur 10 – vads_currency"),
                Arguments.of("vads_page_action", "REGISTER", "Erreur 46 – vads_page_action"),
                Arguments.of("vads_action_mode", "SILENT", "Erreur 47 – vads_action_mode"),
                Arguments.of("vads_return_mode", "PUT", "Champ vads_return_mode"),
                Arguments.of("vads_url_check", "javascript:alert(1)", "Champ vads_url_check"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badForms")
    void aBadFieldGetsTheFrenchErrorPageNeverA500(String field, String value, String heading) throws Exception {
        Map<String, String> form = shop.invoiceForm(TestShop.newTransId());
        form.put(field, value);

        HttpResponse<String> refused = submit(TestShop.signed(form));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Le paiement est impossible").contains(heading);
    }

    @Test
    void aFormWithoutSignatureOrWithoutAnyFieldIsRefusedToo() throws Exception {
        assertThat(submit(shop.invoiceForm(TestShop.newTransId())).body()).contains("Erreur 00 – signature");
        HttpResponse<String> empty = submit(Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Erreur 02 – vads_site_id");
        HttpResponse<String> browsing = shop.get(url("/vads-payment/"));
        assertThat(browsing.statusCode()).isEqualTo(400);
        assertThat(browsing.body()).contains("Aucun formulaire de paiement n&#39;a été reçu");
    }

    @Test
    void productionModeIsSignedWithTheProductionKey() throws Exception {
        Map<String, String> form = shop.invoiceForm(TestShop.newTransId());
        form.put("vads_ctx_mode", "PRODUCTION");
        HttpResponse<String> withTestKey = submit(TestShop.signed(form, TestShop.TEST_KEY));
        assertThat(withTestKey.statusCode()).isEqualTo(400);
        assertThat(withTestKey.body()).contains("Erreur 00 – signature");

        String sessionPath = openPaymentPage(form);
        HttpResponse<String> paid = pay(sessionPath, ACCEPTED_CARD);

        Map<String, String> returned = query(paid.headers().firstValue("Location").orElseThrow());
        assertThat(returned.get("vads_ctx_mode")).isEqualTo("PRODUCTION");
        assertThat(returned.get("signature")).isEqualTo(TestShop.hmacSha256(returned, TestShop.PRODUCTION_KEY));
    }

    @Test
    void theAcceptedCardNotifiesTheShopServerToServerThenSendsTheBrowserToTheSuccessUrl() throws Exception {
        String transId = TestShop.newTransId();
        Map<String, String> form = shop.invoiceForm(transId);
        String sessionPath = openPaymentPage(form);

        HttpResponse<String> paid = pay(sessionPath, ACCEPTED_CARD);

        assertThat(shop.notifications()).hasSize(1);
        TestShop.Notification notification = shop.notifications().get(0);
        assertThat(notification.method()).isEqualTo("POST");
        assertThat(notification.contentType()).startsWith("application/x-www-form-urlencoded");
        Map<String, String> ipn = notification.fields();
        assertSignedWithTestKey(ipn);
        assertThat(ipn)
                .containsEntry("vads_trans_status", "AUTHORISED")
                .containsEntry("vads_result", "00")
                .containsEntry("vads_auth_result", "00")
                .containsEntry("vads_trans_id", transId)
                .containsEntry("vads_trans_date", form.get("vads_trans_date"))
                .containsEntry("vads_amount", "5150")
                .containsEntry("vads_effective_amount", "5150")
                .containsEntry("vads_currency", "978")
                .containsEntry("vads_order_id", "PF-2026-000123")
                .containsEntry("vads_cust_email", "claire.durand@example.fr")
                .containsEntry("vads_site_id", TestShop.SITE_ID)
                .containsEntry("vads_ctx_mode", "TEST")
                .containsEntry("vads_card_brand", "CB")
                .containsEntry("vads_card_number", "497010XXXXXX0000")
                .containsEntry("vads_url_check_src", "PAY")
                .containsEntry("vads_operation_type", "DEBIT")
                .containsEntry("vads_payment_config", "SINGLE")
                .containsEntry("vads_version", "V2");
        assertThat(ipn.get("vads_trans_uuid")).matches("[0-9a-f]{32}");
        assertThat(ipn.get("vads_hash")).matches("[0-9a-f]{64}");
        assertThat(ipn.get("vads_auth_number")).matches("[0-9]{6}");
        assertThat(ipn).doesNotContainKeys("vads_url_success", "vads_url_check");

        assertThat(paid.statusCode()).isEqualTo(303);
        String location = paid.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://portail.example/facturation/retour?issue=payee&");
        Map<String, String> returned = query(location);
        assertSignedWithTestKey(returned);
        assertThat(returned)
                .containsEntry("issue", "payee")
                .containsEntry("vads_trans_status", "AUTHORISED")
                .containsEntry("vads_trans_uuid", ipn.get("vads_trans_uuid"))
                .doesNotContainKey("vads_hash");
    }

    @Test
    void theRefusedCardNotifiesRefusedAndReturnsToTheRefusedUrl() throws Exception {
        String sessionPath = openPaymentPage(shop.invoiceForm(TestShop.newTransId()));

        HttpResponse<String> paid = pay(sessionPath, REFUSED_CARD);

        Map<String, String> ipn = shop.notifications().get(0).fields();
        assertSignedWithTestKey(ipn);
        assertThat(ipn)
                .containsEntry("vads_trans_status", "REFUSED")
                .containsEntry("vads_result", "05")
                .containsEntry("vads_card_number", "497010XXXXXX0097")
                .containsEntry("vads_auth_number", "");
        String location = paid.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://portail.example/facturation/retour?issue=refusee&");
        assertThat(query(location)).containsEntry("vads_trans_status", "REFUSED");
    }

    @Test
    void cancellingNotifiesAbandonedAndReturnsToTheCancelUrl() throws Exception {
        String sessionPath = openPaymentPage(shop.invoiceForm(TestShop.newTransId()));

        HttpResponse<String> cancelled = shop.post(url(sessionPath + "/cancel"), Map.of());

        Map<String, String> ipn = shop.notifications().get(0).fields();
        assertSignedWithTestKey(ipn);
        assertThat(ipn)
                .containsEntry("vads_trans_status", "ABANDONED")
                .containsEntry("vads_result", "17")
                .containsEntry("vads_amount", "5150")
                .doesNotContainKeys("vads_card_number", "vads_card_brand");
        assertThat(cancelled.statusCode()).isEqualTo(303);
        String location = cancelled.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://portail.example/facturation/retour?issue=abandonnee&");
        assertSignedWithTestKey(query(location));
    }

    @Test
    void aShopAnswering500TwiceGetsThreeAttemptsAndTheBrowserIsNotKeptWaiting(CapturedOutput output) throws Exception {
        shop.answer(500, 500, 200);
        String transId = TestShop.newTransId();
        String sessionPath = openPaymentPage(shop.invoiceForm(transId));

        HttpResponse<String> paid = pay(sessionPath, ACCEPTED_CARD);

        assertThat(paid.statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(shop.notifications()).hasSize(3));
        List<TestShop.Notification> attempts = shop.notifications();
        assertThat(attempts).extracting(n -> n.fields().get("vads_url_check_src")).containsExactly("PAY", "RETRY", "RETRY");
        assertThat(attempts).allSatisfy(n -> {
            assertSignedWithTestKey(n.fields());
            assertThat(n.fields()).containsEntry("vads_trans_id", transId).containsEntry("vads_trans_status", "AUTHORISED");
        });
        assertThat(attempts).extracting(n -> n.fields().get("vads_hash")).containsOnly(attempts.get(0).fields().get("vads_hash"));
        Thread.sleep(500);
        assertThat(shop.notifications()).hasSize(3);
        assertThat(output.getOut())
                .contains("IPN attempt 1/4 for transaction " + transId)
                .contains("answered HTTP 500: next attempt in PT0.2S")
                .contains("IPN attempt 3/4 for transaction " + transId)
                .contains("answered HTTP 200: delivered");
    }

    @Test
    void aShopThatNeverAnswersIsTriedFourTimesThenGivenUp(CapturedOutput output) throws Exception {
        shop.answer(503, 503, 503, 503);
        String transId = TestShop.newTransId();
        pay(openPaymentPage(shop.invoiceForm(transId)), ACCEPTED_CARD);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(output.getOut()).contains("IPN attempt 4/4 for transaction " + transId));
        assertThat(shop.notifications()).hasSize(4);
        assertThat(output.getOut()).contains("giving up, the shop was never notified");
    }

    @Test
    void returnModePostSendsTheBrowserBackWithAnAutoSubmittedSignedForm() throws Exception {
        Map<String, String> form = shop.invoiceForm(TestShop.newTransId());
        form.remove("vads_url_success");
        form.put("vads_return_mode", "POST");
        String sessionPath = openPaymentPage(form);

        HttpResponse<String> paid = pay(sessionPath, ACCEPTED_CARD);

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("<form id=\"return-to-shop\" method=\"post\" action=\"https://portail.example/facturation/retour\">")
                .contains("document.getElementById('return-to-shop').submit()")
                .contains("Retourner à la boutique");
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"").matcher(paid.body());
        while (input.find()) {
            hidden.put(input.group(1), unescapeHtml(input.group(2)));
        }
        assertSignedWithTestKey(hidden);
        assertThat(hidden).containsEntry("vads_trans_status", "AUTHORISED").containsEntry("vads_amount", "5150");
    }

    @Test
    void returnModeNoneSendsTheBrowserBackWithoutFields() throws Exception {
        Map<String, String> form = shop.invoiceForm(TestShop.newTransId());
        form.put("vads_return_mode", "NONE");

        HttpResponse<String> cancelled = shop.post(url(openPaymentPage(form) + "/cancel"), Map.of());

        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(cancelled.headers().firstValue("Location")).hasValue("https://portail.example/facturation/retour?issue=abandonnee");
    }

    @Test
    void withoutAnyReturnUrlTheSimulatorShowsTheOutcomeItself() throws Exception {
        Map<String, String> form = shop.invoiceForm(TestShop.newTransId());
        form.keySet().removeIf(name -> name.startsWith("vads_url_") && !name.equals("vads_url_check"));

        HttpResponse<String> paid = pay(openPaymentPage(form), ACCEPTED_CARD);

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("Paiement accepté").contains("Vous pouvez fermer cette page");
        assertThat(shop.notifications()).hasSize(1);
    }

    @Test
    void aCardThatIsNotATestCardIsRefusedOnThePageWithoutEndingThePayment() throws Exception {
        String sessionPath = openPaymentPage(shop.invoiceForm(TestShop.newTransId()));

        HttpResponse<String> realCard = pay(sessionPath, "4111 1111 1111 1111");

        assertThat(realCard.statusCode()).isEqualTo(422);
        assertThat(realCard.body())
                .contains("Ce numéro ne correspond à aucune carte de test")
                .contains("role=\"alert\"")
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"cardNumber-error\"")
                .contains("value=\"4111 1111 1111 1111\"");
        assertThat(shop.notifications()).isEmpty();
        assertThat(pay(sessionPath, ACCEPTED_CARD).statusCode()).isEqualTo(303);
        assertThat(shop.notifications()).hasSize(1);
    }

    @Test
    void anExpiredCardOrAMissingCvvIsSaidInFrench() throws Exception {
        String sessionPath = openPaymentPage(shop.invoiceForm(TestShop.newTransId()));
        String lastYear = YearMonth.now().minusYears(1).format(DateTimeFormatter.ofPattern("MM/yy"));

        HttpResponse<String> expired = shop.post(url(sessionPath + "/pay"),
                Map.of("cardNumber", ACCEPTED_CARD, "expiry", lastYear, "cvv", ""));

        assertThat(expired.statusCode()).isEqualTo(422);
        assertThat(expired.body())
                .contains("Cette carte est expirée")
                .contains("Saisissez le cryptogramme visuel");
        assertThat(shop.notifications()).isEmpty();
    }

    @Test
    void aSecondClickGetsTheSameAnswerAndNotifiesOnce() throws Exception {
        String sessionPath = openPaymentPage(shop.invoiceForm(TestShop.newTransId()));
        HttpResponse<String> first = pay(sessionPath, ACCEPTED_CARD);

        HttpResponse<String> cancelAfterPaying = shop.post(url(sessionPath + "/cancel"), Map.of());
        HttpResponse<String> page = shop.get(url(sessionPath));

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(cancelAfterPaying.statusCode()).isEqualTo(410);
        assertThat(cancelAfterPaying.body()).contains("Cette transaction est terminée").contains("Le paiement a été accepté");
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(shop.notifications()).hasSize(1);
    }

    @Test
    void anUnknownPaymentPageIsAFrench404() throws Exception {
        HttpResponse<String> unknown = shop.get(url("/vads-payment/session/00000000-0000-0000-0000-000000000000"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Transaction introuvable");
        HttpResponse<String> nowhere = shop.getAsBrowser(url("/nulle-part"));
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("lang=\"fr\"").contains("Page introuvable");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = shop.get(url("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    @Test
    void theKeysNeverReachTheLogs(CapturedOutput output) throws Exception {
        pay(openPaymentPage(shop.invoiceForm(TestShop.newTransId())), REFUSED_CARD);

        assertThat(output.getAll())
                .contains("Transaction ")
                .doesNotContain(TestShop.TEST_KEY)
                .doesNotContain(TestShop.PRODUCTION_KEY);
    }

    private static String unescapeHtml(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
