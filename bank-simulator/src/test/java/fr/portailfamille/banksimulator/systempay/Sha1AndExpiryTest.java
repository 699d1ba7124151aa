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
 * PayFiP's idOp expires the same way (here after 1 s instead of 15 minutes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bank-simulator.systempay.algorithm=SHA-1",
        "bank-simulator.systempay.session-timeout=1s",
        "bank-simulator.systempay.notification.retry-delays=",
        "bank-simulator.payfip.idop-lifetime=1s"})
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

    @Test
    void aPayfipIdOpOlderThanItsLifetimeNoLongerOpensThePaymentPage() throws Exception {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<creerPaiementSecurise><arg0><exer>2026</exer><mel>claire.durand@example.fr</mel><montant>5150</montant>"
                + "<numcli>123456</numcli><objet>Facture</objet><refdet>2026000124</refdet><saisie>T</saisie>"
                + "<urlnotif>" + shop.notificationUrl() + "</urlnotif><urlredirect>https://portail.example/retour</urlredirect>"
                + "</arg0></creerPaiementSecurise></soapenv:Body></soapenv:Envelope>";
        HttpResponse<String> created = shop.browser.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/tpa/services/securite"))
                .header("Content-Type", "text/xml").POST(java.net.http.HttpRequest.BodyPublishers.ofString(envelope)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String idOp = created.body().replaceAll("(?s).*<idOp>([^<]+)</idOp>.*", "$1");

        Thread.sleep(1500);
        HttpResponse<String> page = shop.get(URI.create("http://localhost:" + port + "/tpa/paiementws.web?idop=" + idOp));

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Ce lien de paiement a expiré");
    }
}
