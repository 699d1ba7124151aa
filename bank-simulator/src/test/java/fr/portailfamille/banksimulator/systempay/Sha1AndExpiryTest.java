package fr.portailfamille.banksimulator.systempay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An older shop signing with SHA-1 (configured as the back office spells it, « SHA-1 »), and a buyer who
 * leaves the payment page open: past the session timeout the payment is abandoned and the shop told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bank-simulator.systempay.algorithm=SHA-1",
        "bank-simulator.systempay.session-timeout=1s",
        "bank-simulator.systempay.notification.retry-delays="})
class Sha1AndExpiryTest {

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

    private Map<String, String> sha1Signed(Map<String, String> form) {
        Map<String, String> signed = new LinkedHashMap<>(form);
        signed.put("signature", TestShop.sha1(form, TestShop.TEST_KEY));
        return signed;
    }

    @Test
    void aSha1ShopIsAnsweredInSha1AndAnUnpaidPageIsAbandonedWhenItExpires() throws Exception {
        URI form = URI.create("http://localhost:" + port + "/vads-payment/");
        HttpResponse<String> hmac = shop.post(form, TestShop.signed(shop.invoiceForm(TestShop.newTransId())));
        assertThat(hmac.statusCode()).isEqualTo(400);
        assertThat(hmac.body()).contains("Erreur 00 – signature");

        String transId = TestShop.newTransId();
        HttpResponse<String> accepted = shop.post(form, sha1Signed(shop.invoiceForm(transId)));
        assertThat(accepted.statusCode()).isEqualTo(303);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(shop.notifications()).hasSize(1));
        Map<String, String> ipn = shop.notifications().get(0).fields();
        assertThat(ipn.get("signature")).isEqualTo(TestShop.sha1(ipn, TestShop.TEST_KEY));
        assertThat(ipn).containsEntry("vads_trans_id", transId)
                .containsEntry("vads_trans_status", "ABANDONED")
                .containsEntry("vads_result", "17");

        String sessionPath = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> late = shop.get(URI.create("http://localhost:" + port + sessionPath));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("le délai pour payer est dépassé");
    }
}
