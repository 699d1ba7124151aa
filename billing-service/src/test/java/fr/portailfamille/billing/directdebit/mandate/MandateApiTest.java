package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.invoice.BillingApiSupport;
import fr.portailfamille.events.Topics;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * « Adhérer au prélèvement automatique » on real PostgreSQL and Kafka: the mandate asked with the bank
 * details, the code read from the event notification-service mails, wrong codes counted, the signature
 * recorded, another family's mandate out of reach.
 */
@PortalServiceTest
class MandateApiTest extends BillingApiSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();

    private static String newDossier() {
        return "M" + RUN + SEQUENCE.incrementAndGet();
    }

    private static String form(String iban) {
        return """
                {"holderName": "Claire DURAND", "addressLine": "3 rue des Écoles", "postcode": "66500", "city": "Prades",
                 "iban": "%s", "bic": "", "textVersion": "%s"}""".formatted(iban, MandateText.CURRENT_VERSION);
    }

    private JsonNode asked(String dossier) {
        ApiClient.Response asked = api().post("/api/billing/mandates", family(dossier),
                form("fr76 3000 6000 0112 3456 7890 189"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        return asked.json();
    }

    /** The code of the last MandateSignatureRequested of this mandate, as notification-service gets it. */
    private static String codeOf(String mandateId, int nth) {
        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.BILLING,
                r -> r.value().get("type").asString().endsWith("MandateSignatureRequested")
                        && mandateId.equals(r.value().at("/data/mandateId").asString()), nth, Duration.ofSeconds(30));
        return events.get(nth - 1).value().at("/data/code").asString();
    }

    private ApiClient.Response sign(String dossier, String id, String code) {
        return api().post("/api/billing/mandates/" + id + "/signature", family(dossier), "{\"code\": \"" + code + "\"}");
    }

    /** A mandate asked and signed for the dossier: its JSON. */
    private JsonNode signed(String dossier) {
        String id = asked(dossier).get("id").asString();
        ApiClient.Response signed = sign(dossier, id, codeOf(id, 1));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return signed.json();
    }

    /** The last event of a type for a mandate. */
    private static JsonNode eventOf(String type, String mandateId, int nth) {
        return KafkaEvents.await(Topics.BILLING, r -> r.value().get("type").asString().endsWith(type)
                && mandateId.equals(r.value().at("/data/mandateId").asString()), nth, Duration.ofSeconds(30))
                .get(nth - 1).value().get("data");
    }

    private static String textOf(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void the_family_reads_the_text_asks_types_the_emailed_code_and_the_mandate_is_active() {
        String dossier = newDossier();
        JsonNode text = api().get("/api/billing/mandates/text", family(dossier)).json();
        assertThat(text.get("version").asString()).isEqualTo(MandateText.CURRENT_VERSION);
        assertThat(text.get("creditorIdentifier").asString()).isEqualTo("FR03ZZZA12345");
        assertThat(text.get("paragraphs").toString()).contains("dans les 8 semaines");

        JsonNode pending = asked(dossier);
        String id = pending.get("id").asString();
        assertThat(pending.get("statusLabel").asString()).isEqualTo("En attente de signature");
        assertThat(pending.get("maskedIban").asString()).isEqualTo("FR76 **** **** **** **** **** 189");
        assertThat(pending.toString()).doesNotContain("30006000011234567890");
        String code = codeOf(id, 1);
        assertThat(code).matches("[0-9]{6}");

        ApiClient.Response wrongCode = sign(dossier, id, wrong(code));
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.json().get("detail").asString()).contains("« Code » n’est pas le bon code : il vous reste 4 essai(s)");

        ApiClient.Response signed = api().send(api().request("/api/billing/mandates/" + id + "/signature", family(dossier))
                .header("Content-Type", "application/json")
                // The address the gateway decided; a client's X-Forwarded-For is never read.
                .header("X-Portal-Client-Address", "203.0.113.7").header("X-Forwarded-For", "198.51.100.66")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\": \"" + code + "\"}")));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.json().get("statusLabel").asString()).isEqualTo("Actif");
        String rum = signed.json().get("rum").asString();
        assertThat(rum).matches("RCC-20[0-9]{2}-[0-9A-Z]{10}");
        assertThat(jdbc.sql("select signed_ip || ' ' || text_version from direct_debit_mandate where id = ?::uuid")
                .param(id).query(String.class).single()).isEqualTo("203.0.113.7 " + MandateText.CURRENT_VERSION);
        assertThat(api().get("/api/billing/mandates/current", family(dossier)).json().get("rum").asString()).isEqualTo(rum);

        List<KafkaEvents.Received> activated = KafkaEvents.await(Topics.BILLING,
                r -> r.value().get("type").asString().endsWith("MandateActivated")
                        && id.equals(r.value().at("/data/mandateId").asString()), 1, Duration.ofSeconds(30));
        assertThat(activated.get(0).value().at("/data/rum").asString()).isEqualTo(rum);
        assertThat(activated.get(0).value().toString()).doesNotContain("30006000011234567890");

        java.net.http.HttpResponse<byte[]> pdf = api().download("/api/billing/mandates/" + id + "/pdf", family(dossier));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        String printed = textOf(pdf.body());
        assertThat(printed).contains("Mandat de prélèvement SEPA", rum, "FR03ZZZA12345", "Claire DURAND",
                "FR76 **** **** **** **** **** 189", "dans les 8 semaines", "Signé électroniquement le")
                .doesNotContain("30006000011234567890");
        assertThat(api().download("/api/billing/mandates/" + id + "/pdf", family(newDossier())).statusCode())
                .as("another family's").isEqualTo(404);

        assertThat(sign(dossier, id, code).status()).as("signed once").isEqualTo(409);
        ApiClient.Response again = api().post("/api/billing/mandates", family(dossier), form("DE89370400440532013000"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("déjà un mandat de prélèvement actif");
    }

    @Test
    void five_wrong_codes_need_a_new_code_and_the_former_code_stops_working() {
        String dossier = newDossier();
        String id = asked(dossier).get("id").asString();
        String first = codeOf(id, 1);
        for (int tries = 4; tries >= 1; tries--) {
            assertThat(sign(dossier, id, wrong(first)).json().get("detail").asString())
                    .contains("il vous reste " + tries + " essai(s)");
        }
        ApiClient.Response fifth = sign(dossier, id, wrong(first));
        assertThat(fifth.status()).isEqualTo(409);
        assertThat(sign(dossier, id, first).json().get("detail").asString()).contains("demandez un nouveau code");

        assertThat(api().post("/api/billing/mandates/" + id + "/code", family(dossier), "").status()).isEqualTo(200);
        String second = codeOf(id, 2);
        if (!second.equals(first)) {
            assertThat(sign(dossier, id, first).status()).as("the former code").isEqualTo(400);
        }
        assertThat(sign(dossier, id, second).status()).isEqualTo(200);
    }

    @Test
    void bad_bank_details_are_refused_naming_the_field_and_nothing_is_written() {
        String dossier = newDossier();

        ApiClient.Response checksum = api().post("/api/billing/mandates", family(dossier),
                form("FR76 3000 6000 0112 3456 7890 188"));
        ApiClient.Response length = api().post("/api/billing/mandates", family(dossier), form("FR76 3000 6000 0112"));
        ApiClient.Response bic = api().post("/api/billing/mandates", family(dossier),
                form("FR7630006000011234567890189").replace("\"bic\": \"\"", "\"bic\": \"DEUTDEFF\""));
        ApiClient.Response holder = api().post("/api/billing/mandates", family(dossier),
                form("FR7630006000011234567890189").replace("Claire DURAND", " "));

        assertThat(checksum.status()).isEqualTo(400);
        assertThat(checksum.json().get("detail").asString()).contains("« IBAN » n’est pas un IBAN valide : sa clé de contrôle");
        assertThat(length.json().get("detail").asString()).contains("« IBAN » compte 27 caractères pour un compte FR");
        assertThat(bic.json().get("detail").asString()).contains("« BIC » n’est pas d’une banque du même pays");
        assertThat(holder.json().get("detail").asString()).contains("« Titulaire du compte »");
        assertThat(jdbc.sql("select count(*) from direct_debit_mandate where dossier_number = ?").param(dossier)
                .query(Long.class).single()).isZero();
    }

    @Test
    void another_familys_mandate_is_not_found_and_nothing_changes() {
        String mine = newDossier();
        String theirs = newDossier();
        String id = asked(theirs).get("id").asString();
        String code = codeOf(id, 1);

        assertThat(sign(mine, id, code).status()).isEqualTo(404);
        assertThat(api().post("/api/billing/mandates/" + id + "/code", family(mine), "").status()).isEqualTo(404);
        assertThat(api().get("/api/billing/mandates/current", family(mine)).status()).isEqualTo(404);
        assertThat(api().post("/api/billing/mandates", agent(), form("FR7630006000011234567890189")).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select status || ' ' || code_tries_left from direct_debit_mandate where id = ?::uuid")
                .param(id).query(String.class).single()).isEqualTo("PENDING_SIGNATURE 5");
        assertThat(sign(theirs, id, code).status()).isEqualTo(200);
    }

    @Test
    void new_bank_details_apply_on_the_same_mandate_once_the_code_is_typed() {
        String dossier = newDossier();
        JsonNode mandate = signed(dossier);
        String id = mandate.get("id").asString();
        String path = "/api/billing/mandates/" + id + "/bank-details";

        ApiClient.Response same = api().post(path, family(dossier),
                "{\"holderName\": \"Claire DURAND\", \"iban\": \"FR76 3000 6000 0112 3456 7890 189\"}");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("detail").asString()).contains("« IBAN » est déjà celui du mandat");

        ApiClient.Response asked = api().post(path, family(dossier),
                "{\"holderName\": \"Claire et Marc DURAND\", \"iban\": \"FR1420041010050500013M02606\"}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.json().get("maskedIban").asString()).as("the former details until the code")
                .isEqualTo("FR76 **** **** **** **** **** 189");
        assertThat(asked.json().get("pendingMaskedIban").asString()).isEqualTo("FR14 **** **** **** **** **** 606");
        JsonNode request = eventOf("MandateSignatureRequested", id, 2);
        assertThat(request.get("purpose").asString()).isEqualTo("BANK_DETAILS_CHANGE");
        assertThat(request.get("maskedIban").asString()).isEqualTo("FR14 **** **** **** **** **** 606");

        ApiClient.Response changed = sign(dossier, id, request.get("code").asString());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("maskedIban").asString()).isEqualTo("FR14 **** **** **** **** **** 606");
        assertThat(changed.json().get("holderName").asString()).isEqualTo("Claire et Marc DURAND");
        assertThat(changed.json().get("rum").asString()).as("same mandate").isEqualTo(mandate.get("rum").asString());
        assertThat(changed.json().get("amendedAt").isNull()).isFalse();
        assertThat(jdbc.sql("select original_iban from direct_debit_mandate where id = ?::uuid").param(id)
                .query(String.class).single()).as("for the next file's amendment").isEqualTo("FR7630006000011234567890189");
        assertThat(eventOf("MandateActivated", id, 2).get("purpose").asString()).isEqualTo("BANK_DETAILS_CHANGE");
    }

    @Test
    void stopping_direct_debit_revokes_the_mandate_of_the_family_only() {
        String dossier = newDossier();
        String id = signed(dossier).get("id").asString();
        String path = "/api/billing/mandates/" + id + "/revocation";

        assertThat(api().post(path, family(newDossier()), "").status()).as("another family's").isEqualTo(404);
        ApiClient.Response revoked = api().post(path, family(dossier), "");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("statusLabel").asString()).isEqualTo("Arrêté");
        assertThat(api().get("/api/billing/mandates/current", family(dossier)).status()).isEqualTo(404);
        ApiClient.Response again = api().post(path, family(dossier), "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("Ce mandat n’est pas actif (Arrêté).");
        assertThat(api().post("/api/billing/mandates/" + id + "/bank-details", family(dossier),
                "{\"holderName\": \"Claire DURAND\", \"iban\": \"FR1420041010050500013M02606\"}").status())
                .isEqualTo(409);
        assertThat(api().post("/api/billing/mandates", family(dossier), form("FR1420041010050500013M02606")).status())
                .as("a new mandate may be signed after").isEqualTo(201);
    }
}
