package fr.portailfamille.billing.invoice;

import fr.portailfamille.events.Topics;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents import invoices (CSV or JSON): all or nothing, idempotent by number, dossiers checked, PDFs made, families told. */
@PortalServiceTest
class InvoiceImportApiTest extends BillingApiSupport {

    private static final String HEADER =
            "numero_facture;dossier;periode;date_emission;date_echeance;beneficiaire;prestation;tarif;quantite;montant;total_facture\n";

    @Test
    void a_json_batch_issues_each_invoice_with_its_pdf_and_tells_each_family() {
        String seed = newNumber();
        String noKey = newNumber();

        ApiClient.Response response = importJson(batch(seedInvoice(seed, "6000"), """
                {"number": "%s", "dossierNumber": "6001", "period": "Octobre 2026",
                 "issueDate": "2026-11-05", "dueDate": "2026-11-30", "total": 1.00,
                 "lines": [{"service": "Frais de dossier", "unitPrice": 0.3333, "quantity": 3, "amount": 1.00}]}"""
                .formatted(noKey)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("created").asInt()).isEqualTo(2);
        assertThat(response.json().get("alreadyImported").asInt()).isZero();
        assertThat(response.json().get("invoiceNumbers")).extracting(JsonNode::asString).containsExactly(seed, noKey);
        assertThat(response.json().get("message").asString()).isEqualTo("Import terminé : 2 facture(s) créée(s), 0 déjà importée(s).");
        assertThat(DossierServiceStub.hasInvoicingRole(DOSSIER.lastAuthorization.get()))
                .as("billing-service called with its own service-account token from Keycloak (role invoicing)").isTrue();

        UUID id = idOf(seed);
        JsonNode invoice = api().get("/api/billing/invoices/" + id, family("6000")).json();
        assertThat(invoice.get("number").asString()).isEqualTo(seed);
        assertThat(invoice.get("status").asString()).isEqualTo("TO_PAY");
        assertThat(invoice.get("statusLabel").asString()).isEqualTo("À payer");
        assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("51.50");
        assertThat(invoice.get("lines")).extracting(l -> l.get("label").asString())
                .containsExactly("DURAND Marie – Repas Enfants", "DURAND Marie – Atelier 3D");
        assertThat(invoice.get("pdfPath").asString()).isEqualTo("/api/billing/invoices/" + id + "/pdf");

        HttpResponse<byte[]> pdf = api().download("/api/billing/invoices/" + id + "/pdf", family("6000"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("facture-" + seed + ".pdf");
        assertThat(pdfText(pdf.body())).contains("Communauté de communes Roussillon Conflent", "Service Facturation",
                "Famille DURAND", "12 rue des Écoles", "66130 Ille-sur-Têt",
                "N° DOSSIER : 6000", "Clé d’accès : K7PX-2M9Q", "N° " + seed, "Période : Septembre 2026",
                "Date d’émission : 05/10/2026", "Date d’échéance : 31/10/2026",
                "DURAND Marie – Repas Enfants 4,40 10,00 44,00 €", "DURAND Marie – Atelier 3D 0,75 10,00 7,50 €",
                "Total à payer : 51,50 €", "Payez en ligne sur ");
        assertThat(pdfText(api().download("/api/billing/invoices/" + idOf(noKey) + "/pdf", family("6001")).body()))
                .contains("N° DOSSIER : 6001", "Clé d’accès : demandez-la au service Facturation",
                        "Frais de dossier 0,3333 3,00 1,00 €", "Total à payer : 1,00 €");

        List<KafkaEvents.Received> issued = KafkaEvents.await(Topics.BILLING,
                r -> r.value().get("type").asString().endsWith("InvoiceIssued")
                        && List.of(seed, noKey).contains(r.value().at("/data/invoiceNumber").asString()),
                2, Duration.ofSeconds(30));
        assertThat(issued).hasSize(2);
        JsonNode data = issued.stream().filter(r -> seed.equals(r.value().at("/data/invoiceNumber").asString()))
                .findFirst().orElseThrow().value().get("data");
        assertThat(data.get("dossierNumber").asString()).isEqualTo("6000");
        assertThat(data.get("invoiceId").asString()).isEqualTo(id.toString());
        assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("51.50");
        assertThat(data.get("dueOn").asString()).isEqualTo("2026-10-31");
        assertThat(data.get("fileName").asString()).isEqualTo("facture-" + seed + ".pdf");
        assertThat(data.get("sizeBytes").asLong()).isEqualTo(pdf.body().length);
        assertThat(data.get("downloadPath").asString()).isEqualTo("/api/billing/invoices/" + id + "/pdf");
        assertThat(data.get("familyName").asString()).isEqualTo("Famille DURAND");
        assertThat(data.get("email").asString()).isEqualTo("durand.6000@example.test");
        assertThat(issued.get(0).value().toString()).as("the access key never travels on Kafka").doesNotContain("K7PX");
    }

    @Test
    void a_csv_file_imported_twice_changes_nothing_the_second_time_and_says_so() {
        String first = newNumber();
        String second = newNumber();
        String csv = HEADER
                + first + ";6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;51,50\n"
                + first + ";6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Atelier 3D;0,75;10,00;7,50;51,50\n"
                + second + ";6002;Septembre 2026;05/10/2026;31/10/2026;;Frais de dossier;0,3333;3;1,00;1,00\n";

        ApiClient.Response created = importCsv(csv);
        ApiClient.Response again = importCsv(csv);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("invoiceNumbers")).extracting(JsonNode::asString).containsExactly(first, second);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("alreadyImported").asInt()).isEqualTo(2);
        assertThat(again.json().get("message").asString()).isEqualTo("Ce lot a déjà été importé : aucune facture ajoutée.");
        assertThat(invoicesNumbered(first, second)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from invoice_line l join invoice i on i.id = l.invoice_id where i.number = ?")
                .param(first).query(Long.class).single()).isEqualTo(2);

        String third = newNumber();
        ApiClient.Response grown = importCsv(csv
                + third + ";6000;Octobre 2026;05/11/2026;30/11/2026;DURAND Marie;Repas Enfants;4,40;2,00;8,80;8,80\n");
        assertThat(grown.status()).isEqualTo(201);
        assertThat(grown.json().get("created").asInt()).isEqualTo(1);
        assertThat(grown.json().get("alreadyImported").asInt()).isEqualTo(2);
        assertThat(grown.json().get("invoiceNumbers")).extracting(JsonNode::asString).containsExactly(third);
    }

    @Test
    void a_batch_with_bad_rows_is_refused_whole_with_every_row_named_and_nothing_written() {
        String good = newNumber();
        String zero = newNumber();
        String unknown = newNumber();
        String taken = newNumber();
        assertThat(importJson(batch(seedInvoice(taken, "6000"))).status()).isEqualTo(201);

        ApiClient.Response refused = importCsv(HEADER
                + good + ";6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;44,00\n"
                + zero + ";6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;0;0,00;0,00\n"
                + unknown + ";9999;Septembre 2026;05/10/2026;31/10/2026;;Frais de dossier;1,00;1;1,00;1,00\n"
                + taken + ";6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;44,00\n");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:portail-famille:problem:import-refuse");
        // One report for the file's own rules and the dossiers: the agent corrects the file once.
        assertThat(refused.json().get("detail").asString()).startsWith("Le lot est refusé : 2 ligne(s) en erreur.");
        assertThat(refused.json().get("errors")).extracting(e -> e.get("row").asInt() + " " + e.get("field").asString()
                + " " + e.get("code").asString())
                .containsExactly("3 quantite import.quantity.not-positive", "4 dossier import.dossier.unknown");

        // The file's own rules pass: the dossier check and the numbers already issued refuse it.
        ApiClient.Response second = importCsv(HEADER
                + good + ";6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;44,00\n"
                + unknown + ";9999;Septembre 2026;05/10/2026;31/10/2026;;Frais de dossier;1,00;1;1,00;1,00\n"
                + taken + ";6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;44,00\n");

        assertThat(second.status()).as(second.toString()).isEqualTo(422);
        JsonNode errors = second.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("location").asString()).isEqualTo("ligne 3");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("dossier");
        assertThat(errors.get(0).get("fieldLabel").asString()).isEqualTo("N° de dossier");
        assertThat(errors.get(0).get("code").asString()).isEqualTo("import.dossier.unknown");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("Le dossier 9999 de la facture " + unknown + " est inconnu.");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("numero_facture");
        assertThat(errors.get(1).get("code").asString()).isEqualTo("import.invoice.exists-different");
        assertThat(errors.get(1).get("message").asString()).startsWith("La facture " + taken + " existe déjà avec un autre contenu");
        assertThat(invoicesNumbered(good, zero, unknown)).as("nothing of a refused batch is written").isZero();
    }

    @Test
    void when_dossier_service_is_down_the_import_is_refused_with_503_and_nothing_is_written() {
        String number = newNumber();
        DOSSIER.answer.set(DossierServiceStub.Answer.FAILURE);

        ApiClient.Response response = importJson(batch(seedInvoice(number, "6000")));

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:portail-famille:problem:service-indisponible");
        assertThat(response.json().get("detail").asString())
                .isEqualTo("Le service des dossiers ne répond pas : l’import n’a rien enregistré. Réessayez dans quelques minutes.");
        assertThat(invoicesNumbered(number)).isZero();
    }

    @Test
    void only_agents_import_and_a_json_batch_of_the_wrong_shape_is_refused() {
        String number = newNumber();
        ApiClient.Response byFamily = api().post("/api/billing/imports", family("6000"), batch(seedInvoice(number, "6000")));
        ApiClient.Response empty = importJson("{\"invoices\": []}");
        ApiClient.Response notADate = importJson(batch(seedInvoice(number, "6000").replace("2026-10-05", "05/10/2026")));

        assertThat(byFamily.status()).isEqualTo(403);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().at("/errors/0/message").asString()).isEqualTo("Le lot ne contient aucune facture.");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(invoicesNumbered(number)).isZero();
    }
}
