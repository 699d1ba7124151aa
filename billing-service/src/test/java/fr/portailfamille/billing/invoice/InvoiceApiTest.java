package fr.portailfamille.billing.invoice;

import fr.portailfamille.events.Topics;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Families read their own dossier's invoices; agents read any dossier's and cancel an invoice with a reason. */
@PortalServiceTest
class InvoiceApiTest extends BillingApiSupport {

    @Autowired
    InvoicePayments payments;

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    @Test
    void a_family_sees_its_payable_invoices_then_its_previous_ones_newest_first_and_paged() {
        UUID toPay = issued("6002");
        UUID cancelled = issued("6002");
        api().post("/api/billing/invoices/" + cancelled + "/cancellation", agent(), "{\"reason\":\"Facture émise en double.\"}");

        JsonNode payable = api().get("/api/billing/invoices?view=payable&size=100", family("6002")).json();
        JsonNode previous = api().get("/api/billing/invoices?view=previous&size=100", family("6002")).json();
        JsonNode firstPage = api().get("/api/billing/invoices?size=1", family("6002")).json();

        assertThat(ids(payable)).contains(toPay.toString()).doesNotContain(cancelled.toString());
        assertThat(ids(previous)).contains(cancelled.toString()).doesNotContain(toPay.toString());
        JsonNode cancelledItem = previous.get("items").valueStream()
                .filter(i -> i.get("id").asString().equals(cancelled.toString())).findFirst().orElseThrow();
        assertThat(cancelledItem.at("/cancellation/reason").asString()).isEqualTo("Facture émise en double.");
        assertThat(cancelledItem.at("/cancellation/cancelledBy").isNull()).as("the agent's name is not for families")
                .isTrue();
        assertThat(cancelledItem.get("payment").isNull()).isTrue();
        assertThat(payable.get("page").asInt()).isZero();
        assertThat(payable.get("size").asInt()).isEqualTo(100);
        assertThat(payable.get("total").asLong()).isEqualTo(payable.get("items").size());
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").asLong()).isEqualTo(payable.get("total").asLong());
        JsonNode item = payable.get("items").valueStream().filter(i -> i.get("id").asString().equals(toPay.toString()))
                .findFirst().orElseThrow();
        assertThat(item.get("statusLabel").asString()).isEqualTo("À payer");
        assertThat(item.get("payable").asBoolean()).isTrue();
        assertThat(item.get("period").asString()).isEqualTo("Septembre 2026");
        assertThat(ids(api().get("/api/billing/invoices?view=payable&size=100", family("6000")).json()))
                .as("another family's list").doesNotContain(toPay.toString());
        assertThat(api().get("/api/billing/invoices?view=unpaid", family("6002")).status()).isEqualTo(400);
    }

    @Test
    void another_familys_invoice_is_not_found_and_nothing_changes() {
        UUID id = issued("6000");

        ApiClient.Response detail = api().get("/api/billing/invoices/" + id, family("6002"));
        int pdf = api().download("/api/billing/invoices/" + id + "/pdf", family("6002")).statusCode();
        ApiClient.Response cancel = api().post("/api/billing/invoices/" + id + "/cancellation", family("6002"),
                "{\"reason\":\"Je ne paie pas.\"}");
        ApiClient.Response unknown = api().get("/api/billing/invoices/" + UUID.randomUUID(), family("6000"));

        assertThat(detail.status()).isEqualTo(404);
        assertThat(detail.contentType()).startsWith("application/problem+json");
        assertThat(detail.json().get("detail").asString()).isEqualTo("Facture introuvable.");
        assertThat(unknown.json().get("detail").asString()).as("the same answer as an unknown id").isEqualTo("Facture introuvable.");
        assertThat(pdf).isEqualTo(404);
        assertThat(cancel.status()).isEqualTo(403);
        assertThat(api().get("/api/billing/invoices/" + id, family("6000")).json().get("status").asString()).isEqualTo("TO_PAY");
        assertThat(api().get("/api/billing/invoices/" + id, agent()).status()).as("agents read any dossier").isEqualTo(200);
    }

    @Test
    void an_agent_lists_a_dossiers_invoices_of_every_status() {
        UUID id = issued("6001");
        api().post("/api/billing/invoices/" + id + "/cancellation", agent(), "{\"reason\":\"Erreur de tarif.\"}");

        JsonNode page = api().get("/api/billing/dossiers/6001/invoices?size=100", agent()).json();

        assertThat(ids(page)).contains(id.toString());
        assertThat(api().get("/api/billing/dossiers/6001/invoices", family("6001")).status()).isEqualTo(403);
    }

    @Test
    void an_agent_cancels_with_a_reason_the_family_reads_and_the_family_is_told() {
        UUID id = issued("6000");
        String number = api().get("/api/billing/invoices/" + id, agent()).json().get("number").asString();

        ApiClient.Response noReason = api().post("/api/billing/invoices/" + id + "/cancellation", agent(), "{\"reason\":\"  \"}");
        ApiClient.Response tooLong = api().post("/api/billing/invoices/" + id + "/cancellation", agent(),
                "{\"reason\":\"" + "x".repeat(501) + "\"}");
        ApiClient.Response cancelled = api().post("/api/billing/invoices/" + id + "/cancellation", agent(),
                "{\"reason\":\"Repas facturés deux fois : une facture corrigée suit.\"}");
        ApiClient.Response again = api().post("/api/billing/invoices/" + id + "/cancellation", agent(),
                "{\"reason\":\"Encore.\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
        // The agent reads the field's label, never the Java name.
        assertThat(noReason.json().get("detail").asString()).contains("« Motif de l’annulation »").doesNotContain("reason");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("statusLabel").asString()).isEqualTo("Annulée");
        assertThat(cancelled.json().at("/cancellation/reason").asString())
                .isEqualTo("Repas facturés deux fois : une facture corrigée suit.");
        assertThat(cancelled.json().at("/cancellation/cancelledBy").asString()).isEqualTo("agent.facturation");
        assertThat(cancelled.json().get("lines")).hasSize(2);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("La facture " + number + " est déjà annulée.");
        JsonNode seenByFamily = api().get("/api/billing/invoices/" + id, family("6000")).json();
        assertThat(seenByFamily.at("/cancellation/reason").asString()).startsWith("Repas facturés deux fois");
        assertThat(seenByFamily.at("/cancellation/cancelledBy").isNull()).as("families do not see agents' names").isTrue();

        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.BILLING,
                r -> r.value().get("type").asString().endsWith("InvoiceCancelled")
                        && number.equals(r.value().at("/data/invoiceNumber").asString()), 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).value().get("data");
        assertThat(events.get(0).key()).isEqualTo("6000");
        assertThat(data.get("invoiceId").asString()).isEqualTo(id.toString());
        assertThat(data.get("reason").asString()).isEqualTo("Repas facturés deux fois : une facture corrigée suit.");
        assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("51.50");
        assertThat(data.get("familyName").asString()).isEqualTo("Famille DURAND");
        assertThat(data.get("email").asString()).isEqualTo("durand.6000@example.test");
    }

    @Test
    void an_invoice_in_a_direct_debit_file_cannot_be_cancelled() {
        UUID id = issued("6000");
        String number = api().get("/api/billing/invoices/" + id, agent()).json().get("number").asString();
        // The direct-debit export (issue 12) will set it; here the state alone is what counts.
        jdbc.sql("update invoice set status = 'DIRECT_DEBIT_SCHEDULED' where id = ?").param(id).update();

        ApiClient.Response refused = api().post("/api/billing/invoices/" + id + "/cancellation", agent(),
                "{\"reason\":\"Erreur de tarif.\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("La facture " + number + " est dans un fichier de prélèvement remis à la banque : elle ne peut "
                        + "plus être annulée (si le prélèvement est rejeté, elle redevient annulable).");
        assertThat(jdbc.sql("select status from invoice where id = ?").param(id).query(String.class).single())
                .isEqualTo("DIRECT_DEBIT_SCHEDULED");
    }

    @Test
    void an_invoice_paid_or_in_payment_cannot_be_cancelled() {
        UUID inPayment = issued("6000");
        UUID paid = issued("6000");
        UUID payment = UUID.randomUUID();
        payments.reserve("6000", List.of(inPayment), UUID.randomUUID());
        payments.reserve("6000", List.of(paid), payment);
        payments.settle(payment, Instant.parse("2026-10-06T08:30:00Z"), "CARTE", "000042");

        ApiClient.Response refusedInPayment = api().post("/api/billing/invoices/" + inPayment + "/cancellation", agent(),
                "{\"reason\":\"Erreur.\"}");
        ApiClient.Response refusedPaid = api().post("/api/billing/invoices/" + paid + "/cancellation", agent(),
                "{\"reason\":\"Erreur.\"}");

        assertThat(refusedInPayment.status()).isEqualTo(409);
        assertThat(refusedInPayment.json().get("detail").asString()).contains("a un paiement en cours : elle ne peut pas être annulée");
        assertThat(refusedPaid.status()).isEqualTo(409);
        assertThat(refusedPaid.json().get("detail").asString()).contains("est déjà payée : elle ne peut pas être annulée");
        JsonNode detail = api().get("/api/billing/invoices/" + paid, family("6000")).json();
        assertThat(detail.get("statusLabel").asString()).isEqualTo("Payée");
        assertThat(detail.at("/payment/method").asString()).isEqualTo("CARTE");
        assertThat(detail.at("/payment/reference").asString()).isEqualTo("000042");
        assertThat(detail.at("/payment/paidAt").asString()).isEqualTo("2026-10-06T08:30:00Z");
    }
}
