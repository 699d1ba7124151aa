package fr.portailfamille.banksimulator.payfip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.portailfamille.banksimulator.systempay.TestShop;

/**
 * PayFiP from the shop's side: SOAP {@code creerPaiementSecurise}, the payer on the page, the unsigned
 * notification carrying only the {@code idOp}, then {@code recupererDetailPaiementSecurise} and its faults.
 * Same configuration as SystempayFlowTest, so the same Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bank-simulator.systempay.notification.retry-delays=200ms,200ms,200ms",
        "bank-simulator.systempay.notification.timeout=2s"})
class PayfipTest {

    static TestShop shop;

    @LocalServerPort
    int port;

    PayfipSoap soap;

    @BeforeAll
    static void startShop() throws IOException {
        shop = new TestShop();
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @BeforeEach
    void client() {
        shop.reset();
        soap = new PayfipSoap(url("/tpa/services/securite"));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String newIdOp() throws Exception {
        HttpResponse<String> created = soap.creerPaiementSecurise(PayfipSoap.invoice(shop.notificationUrl().toString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).contains("creerPaiementSecuriseResponse").contains("<return>");
        String idOp = PayfipSoap.field(created.body(), "idOp");
        assertThat(idOp).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        return idOp;
    }

    private HttpResponse<String> payWith(String idOp, String card) throws Exception {
        return shop.post(url("/tpa/paiementws.web/payer"), Map.of("idop", idOp, "cardNumber", card,
                "expiry", YearMonth.now().plusYears(1).format(DateTimeFormatter.ofPattern("MM/yy")), "cvv", "123"));
    }

    @Test
    void aPaidInvoiceIsNotifiedByItsIdOpAndItsDetailSaysP() throws Exception {
        String idOp = newIdOp();
        HttpResponse<String> early = soap.recupererDetailPaiementSecurise(idOp);
        assertThat(early.statusCode()).isEqualTo(500);
        assertThat(early.body()).contains("fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur");
        assertThat(PayfipSoap.field(early.body(), "code")).isEqualTo("P5");

        HttpResponse<String> page = shop.get(url("/tpa/paiementws.web?idop=" + idOp));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\">").contains("Environnement de test — aucun paiement réel")
                .contains("51,50\u00a0€").contains("2026000123").contains("Facture septembre 2026 dossier 6000");

        HttpResponse<String> paid = payWith(idOp, "4970 1000 0000 0000");

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("action=\"https://portail.example/facturation/payfip/retour\"")
                .contains("<input type=\"hidden\" name=\"idop\" value=\"" + idOp + "\">");
        assertThat(shop.notifications()).hasSize(1);
        assertThat(shop.notifications().get(0).fields()).containsExactly(Map.entry("idOp", idOp));

        HttpResponse<String> detail = soap.recupererDetailPaiementSecurise(idOp);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("recupererDetailPaiementSecuriseResponse");
        assertThat(PayfipSoap.field(detail.body(), "resultrans")).isEqualTo("P");
        assertThat(PayfipSoap.field(detail.body(), "idOp")).isEqualTo(idOp);
        assertThat(PayfipSoap.field(detail.body(), "montant")).isEqualTo("5150");
        assertThat(PayfipSoap.field(detail.body(), "refdet")).isEqualTo("2026000123");
        assertThat(PayfipSoap.field(detail.body(), "numcli")).isEqualTo("123456");
        assertThat(PayfipSoap.field(detail.body(), "exer")).isEqualTo("2026");
        assertThat(PayfipSoap.field(detail.body(), "saisie")).isEqualTo("T");
        assertThat(PayfipSoap.field(detail.body(), "numauto")).matches("[0-9]{6}");
        assertThat(PayfipSoap.field(detail.body(), "dattrans")).matches("[0-9]{8}");
        assertThat(PayfipSoap.field(detail.body(), "heurtrans")).matches("[0-9]{4}");

        assertThat(payWith(idOp, "4970 1000 0000 0000").statusCode()).isEqualTo(410);
        assertThat(shop.notifications()).hasSize(1);
    }

    @Test
    void aRefusedCardGivesRWithoutAuthorisationNumber() throws Exception {
        String idOp = newIdOp();

        payWith(idOp, "4970100000000097");

        String detail = soap.recupererDetailPaiementSecurise(idOp).body();
        assertThat(PayfipSoap.field(detail, "resultrans")).isEqualTo("R");
        assertThat(PayfipSoap.field(detail, "numauto")).isNull();
        assertThat(shop.notifications()).hasSize(1);
    }

    @Test
    void givingUpGivesA() throws Exception {
        String idOp = newIdOp();

        HttpResponse<String> cancelled = shop.post(url("/tpa/paiementws.web/abandonner"), Map.of("idop", idOp));

        assertThat(cancelled.body()).contains("Paiement abandonné");
        assertThat(PayfipSoap.field(soap.recupererDetailPaiementSecurise(idOp).body(), "resultrans")).isEqualTo("A");
        assertThat(shop.notifications().get(0).fields()).containsEntry("idOp", idOp);
    }

    @Test
    void anUnknownIdOpIsFaultP1AndItsPageA404() throws Exception {
        HttpResponse<String> unknown = soap.recupererDetailPaiementSecurise("cc0cb210-1cd4-11ea-8cca-0213ad91a103");
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(PayfipSoap.field(unknown.body(), "code")).isEqualTo("P1");
        assertThat(PayfipSoap.field(unknown.body(), "libelle")).isEqualTo("IdOp incorrect.");

        HttpResponse<String> page = shop.get(url("/tpa/paiementws.web?idop=cc0cb210-1cd4-11ea-8cca-0213ad91a103"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Opération de paiement inconnue");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("numcli", "654321", "T2"),
                Arguments.of("numcli", "12345", "T1"),
                Arguments.of("saisie", "Z", "S1"),
                Arguments.of("refdet", "2026-000123", "R3"),
                Arguments.of("montant", "51,50", "M1"),
                Arguments.of("montant", "99", "M3"),
                Arguments.of("montant", "10000001", "M5"),
                Arguments.of("mel", "", "A1"),
                Arguments.of("mel", "claire.durand", "A2"),
                Arguments.of("urlnotif", "ftp://portail.example/notif", "N1"),
                Arguments.of("urlredirect", "", "D1"));
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @MethodSource("badRequests")
    void aBadRequestIsAFonctionnelleErreur(String field, String value, String code) throws Exception {
        Map<String, String> request = new java.util.LinkedHashMap<>(PayfipSoap.invoice(shop.notificationUrl().toString()));
        request.put(field, value);

        HttpResponse<String> refused = soap.creerPaiementSecurise(request);

        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("<faultstring>fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur</faultstring>");
        assertThat(PayfipSoap.field(refused.body(), "code")).isEqualTo(code);
    }

    @Test
    void somethingThatIsNotSoapIsAClientFault() throws Exception {
        HttpResponse<String> notSoap = soap.raw("{\"idOp\": \"x\"}");
        assertThat(notSoap.statusCode()).isEqualTo(500);
        assertThat(notSoap.body()).contains("<faultcode>soap:Client</faultcode>");
        HttpResponse<String> entity = soap.raw("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<recupererDetailPaiementSecurise><arg0><idOp>&e;</idOp></arg0></recupererDetailPaiementSecurise>"
                + "</soapenv:Body></soapenv:Envelope>");
        assertThat(entity.statusCode()).isEqualTo(500);
        assertThat(entity.body()).contains("soap:Client").doesNotContain("root:");
    }
}
