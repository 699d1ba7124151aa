package fr.portailfamille.billing.payment.payfip;

import fr.portailfamille.billing.payment.BankOutcome;
import fr.portailfamille.billing.payment.ProviderUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SOAP client against a stub of PayFiP's contract: envelopes, answers, faults. No Spring. */
class PayfipClientTest {

    static PayfipStub stub;
    static PayfipClient client;

    @BeforeAll
    static void start() {
        stub = new PayfipStub();
        client = new PayfipClient(URI.create(stub.url() + "/tpa/services/securite"), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    static PayfipRequest request() {
        return new PayfipRequest("123456", "2026", "2026000123", "Cantine & garderie <septembre>", 5150,
                "claire.durand@example.fr", URI.create("https://facturation.example/bank/payfip/notifications"),
                URI.create("https://facturation.example/bank/payfip/returns/x?a=1&b=2"), "T");
    }

    @Test
    void creerPaiementSecuriseSendsItsArgumentsInArg0AndReadsTheIdOp() {
        String idOp = client.create(request());

        assertThat(idOp).matches("[0-9a-f-]{36}");
        PayfipStub.Operation operation = stub.operation(idOp);
        assertThat(operation.request).containsEntry("numcli", "123456").containsEntry("montant", "5150")
                .containsEntry("refdet", "2026000123").containsEntry("saisie", "T").containsEntry("exer", "2026")
                .containsEntry("mel", "claire.durand@example.fr")
                .containsEntry("urlredirect", "https://facturation.example/bank/payfip/returns/x?a=1&b=2")
                .containsEntry("objet", "Cantine & garderie <septembre>");
        String sent = stub.requests().get(stub.requests().size() - 1);
        assertThat(sent).contains("creerPaiementSecurise").contains("<arg0>").contains("Cantine &amp; garderie &lt;septembre&gt;");
    }

    @Test
    void theDetailOfAPaidIdOpSaysPWithItsAmountAndTime() {
        String idOp = client.create(request());
        stub.decide(idOp, "P");

        PayfipDetail detail = client.detail(idOp);

        assertThat(detail.idOp()).isEqualTo(idOp);
        assertThat(detail.montant()).isEqualTo(5150);
        assertThat(detail.resultrans()).isEqualTo("P");
        assertThat(detail.numauto()).isEqualTo("123456");
        assertThat(detail.outcome()).isEqualTo(BankOutcome.PAID);
        assertThat(detail.decidedAt()).isEqualTo(Instant.parse("2026-12-01T14:30:00Z"));
        assertThat(detail.saisie()).isEqualTo("T");
    }

    @Test
    void resultransMapsToOutcomes() {
        assertThat(detail("V").outcome()).isEqualTo(BankOutcome.PAID);
        assertThat(detail("R").outcome()).isEqualTo(BankOutcome.REFUSED);
        assertThat(detail("Z").outcome()).isEqualTo(BankOutcome.REFUSED);
        assertThat(detail("A").outcome()).isEqualTo(BankOutcome.ABANDONED);
        assertThat(detail("?").outcome()).isEqualTo(BankOutcome.PENDING);
    }

    private static PayfipDetail detail(String resultrans) {
        return new PayfipDetail("x", "123456", "2026", "1", "o", 100, "a@b.fr", "T", resultrans, null, null, null);
    }

    @Test
    void noResultYetIsFaultP5AndAnUnknownIdOpIsP1() {
        String idOp = client.create(request());

        assertThatThrownBy(() -> client.detail(idOp)).isInstanceOfSatisfying(PayfipFaultException.class,
                fault -> assertThat(fault.resultNotKnown()).isTrue());
        stub.forget(idOp);
        assertThatThrownBy(() -> client.detail(idOp)).isInstanceOfSatisfying(PayfipFaultException.class, fault -> {
            assertThat(fault.unknownIdOp()).isTrue();
            assertThat(fault.libelle()).isEqualTo("IdOp incorrect.");
        });
    }

    @Test
    void aFunctionalFaultOfCreationCarriesItsCode() {
        stub.failNextCall("T2", "Le N° du client doit être pré-existant dans la base PayFiP.");

        assertThatThrownBy(() -> client.create(request())).isInstanceOfSatisfying(PayfipFaultException.class,
                fault -> assertThat(fault.code()).isEqualTo("T2"));
    }

    @Test
    void anUnreachableServiceIsUnavailable() {
        PayfipClient nowhere = new PayfipClient(URI.create("http://127.0.0.1:1/tpa/services/securite"),
                Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.detail("x")).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void refdetAndObjetKeepWhatPayfipAccepts() {
        assertThat(PayfipProvider.refdet("2026-000123")).isEqualTo("2026000123");
        assertThat(PayfipProvider.objet("Facture 2026-000123 Février 2026 (cantine & garderie)"))
                .isEqualTo("Facture 2026 000123 Fevrier 2026 cantine garderie");
    }
}
