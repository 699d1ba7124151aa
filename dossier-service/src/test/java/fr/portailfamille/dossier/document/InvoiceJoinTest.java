package fr.portailfamille.dossier.document;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.billing.InvoiceIssued;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Invoices of billing-service join « Mes documents » through InvoiceIssued, once each. */
@PortalServiceTest
class InvoiceJoinTest extends DossierApiSupport {

    @Autowired
    JsonMapper json;

    private void publish(InvoiceIssued invoice) {
        EventEnvelope<PortalEvent> envelope = EventEnvelope.wrap(invoice, "/portail-famille/billing-service", Instant.now());
        KafkaEvents.send(Topics.BILLING, invoice.dossierNumber(), json.writeValueAsString(envelope));
    }

    private static InvoiceIssued invoice(String number, String id) {
        return new InvoiceIssued(number, id, "2026-" + id, "Repas Enfants octobre 2026", new BigDecimal("44.00"),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30), "facture-2026-" + id + ".pdf", 23_456,
                "/api/billing/invoices/" + id + "/pdf");
    }

    private JsonNode documents(String number, String token) {
        return api().get("/api/dossier/dossiers/" + number + "/documents", token).json();
    }

    @Test
    void an_issued_invoice_appears_once_in_the_familys_documents_with_billings_download_address() {
        String number = dossier();
        String id = String.valueOf(System.nanoTime());

        publish(invoice(number, id));
        publish(invoice(number, id));

        await().atMost(Duration.ofSeconds(30)).until(() -> documents(number, keycloak.family(number)).size() == 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        JsonNode listed = documents(number, keycloak.family(number));
        assertThat(listed).hasSize(1);
        JsonNode facture = listed.get(0);
        assertThat(facture.get("typeLabel").asString()).isEqualTo("Facture");
        assertThat(facture.get("title").asString()).isEqualTo("Facture n° 2026-" + id + " — Repas Enfants octobre 2026");
        assertThat(facture.get("downloadUrl").asString()).isEqualTo("/api/billing/invoices/" + id + "/pdf");
        assertThat(facture.get("size").asLong()).isEqualTo(23_456);
        assertThat(documents(number, keycloak.family("999")).has("status")).as("another family: a problem, not the list")
                .isTrue();
    }

    @Test
    void an_invoice_of_an_unknown_dossier_is_skipped_and_the_next_one_still_joins() {
        String number = dossier();
        publish(invoice("998", "inconnu-" + System.nanoTime()));
        publish(invoice(number, String.valueOf(System.nanoTime())));

        await().atMost(Duration.ofSeconds(30)).until(() -> documents(number, keycloak.family(number)).size() == 1);
    }
}
