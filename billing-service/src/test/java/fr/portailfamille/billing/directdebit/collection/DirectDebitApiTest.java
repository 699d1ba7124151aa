package fr.portailfamille.billing.directdebit.collection;

import fr.portailfamille.billing.directdebit.file.Pain008Validator;
import fr.portailfamille.billing.directdebit.file.Pain008Version;
import fr.portailfamille.billing.directdebit.mandate.MandateText;
import fr.portailfamille.billing.invoice.BillingApiSupport;
import fr.portailfamille.events.Topics;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The treasury's direct debit on real PostgreSQL and Kafka: the file of a collection date (validated,
 * kept, once per date), what families then see of their invoices, FRST then RCUR, a change of bank details
 * told once, rejections typed or read from the bank's pain.002, the daily run, and who may see what.
 */
@PortalServiceTest
class DirectDebitApiTest extends BillingApiSupport {

    private static final java.util.Set<String> USED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    DirectDebitJobs jobs;

    /**
     * A dossier of its own, without any mandate yet (the dossier-service stub knows 7000 to 7999; the
     * database may keep earlier runs' mandates).
     */
    private String newDossier() {
        while (true) {
            String number = Integer.toString(7000 + ThreadLocalRandom.current().nextInt(1000));
            if (USED.add(number) && jdbc.sql("select count(*) from direct_debit_mandate where dossier_number = ?")
                    .param(number).query(Long.class).single() == 0) {
                return number;
            }
        }
    }

    /**
     * A collection date no other test (nor, most likely, an earlier run on the same database) exports:
     * files are once per date.
     */
    private static LocalDate newCollectionDate() {
        return LocalDate.now(PARIS).plusDays(30 + ThreadLocalRandom.current().nextInt(20_000));
    }

    private String treasurer() {
        return keycloak.token(TestKeycloak.Persona.agent("facturation").withRoles("agent", "tresorerie"));
    }

    private String signedMandate(String dossier, String iban) {
        ApiClient.Response asked = api().post("/api/billing/mandates", family(dossier), """
                {"holderName": "Claire DURAND", "addressLine": "3 rue des Écoles", "postcode": "66500", "city": "Prades",
                 "iban": "%s", "bic": "", "textVersion": "%s"}""".formatted(iban, MandateText.CURRENT_VERSION));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        String id = asked.json().get("id").asString();
        ApiClient.Response signed = api().post("/api/billing/mandates/" + id + "/signature", family(dossier),
                "{\"code\": \"" + codeOf(id, 1) + "\"}");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return id;
    }

    private static String codeOf(String mandateId, int nth) {
        return eventOf("MandateSignatureRequested", "mandateId", mandateId, nth).get("code").asString();
    }

    private static JsonNode eventOf(String type, String key, String value, int nth) {
        return KafkaEvents.await(Topics.BILLING, r -> r.value().get("type").asString().endsWith(type)
                && value.equals(r.value().at("/data/" + key).asString()), nth, Duration.ofSeconds(30))
                .get(nth - 1).value().get("data");
    }

    private String invoice(String dossier) {
        String number = newNumber();
        ApiClient.Response imported = importJson(batch(seedInvoice(number, dossier)));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        return number;
    }

    private ApiClient.Response export(LocalDate date) {
        return api().post("/api/billing/direct-debits/collections", agent(), "{\"collectionDate\": \"" + date + "\"}");
    }

    private static JsonNode debitOf(JsonNode collection, String invoiceNumber) {
        return StreamSupport.stream(collection.get("debits").spliterator(), false)
                .filter(d -> d.get("invoiceNumber").asString().equals(invoiceNumber)).findFirst().orElse(null);
    }

    private JsonNode familyInvoice(String dossier, String number) {
        JsonNode list = api().get("/api/billing/invoices?view=payable", family(dossier)).json();
        return StreamSupport.stream(list.get("items").spliterator(), false)
                .filter(i -> i.get("number").asString().equals(number)).findFirst().orElseThrow();
    }

    private byte[] file(JsonNode collection) {
        HttpResponse<byte[]> file = api().download(collection.get("filePath").asString(), agent());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        return file.body();
    }

    @Test
    void the_file_of_a_date_collects_the_invoices_under_mandate_validates_and_is_offered_again_without_debiting_twice() {
        String withMandate = newDossier();
        String without = newDossier();
        signedMandate(withMandate, "FR76 3000 6000 0112 3456 7890 189");
        String number = invoice(withMandate);
        String other = invoice(without);

        JsonNode planned = familyInvoice(withMandate, number);
        LocalDate tomorrow = LocalDate.now(PARIS).plusDays(1);
        assertThat(planned.get("statusLabel").asString()).as("due 31/10/2026, so the next file")
                .isEqualTo("Prélèvement prévu le " + FRENCH.format(tomorrow));
        assertThat(planned.get("payable").asBoolean()).isFalse();
        ApiClient.Response paid = api().post("/api/billing/payments", family(withMandate),
                "{\"invoiceIds\":[\"" + idOf(number) + "\"]}");
        assertThat(paid.status()).isEqualTo(409);
        assertThat(paid.json().get("detail").asString()).contains("sera prélevée automatiquement");
        assertThat(familyInvoice(without, other).get("payable").asBoolean()).isTrue();

        LocalDate date = newCollectionDate();
        ApiClient.Response exported = export(date);
        assertThat(exported.status()).as(exported.toString()).isEqualTo(201);
        JsonNode collection = exported.json();
        assertThat(collection.get("alreadyExported").asBoolean()).isFalse();
        assertThat(collection.get("version").asString()).isEqualTo("pain.008.001.02");
        JsonNode debit = debitOf(collection, number);
        assertThat(debit.get("sequenceType").asString()).isEqualTo("FRST");
        assertThat(debit.get("amount").decimalValue()).isEqualByComparingTo("51.50");
        assertThat(debit.get("maskedIban").asString()).isEqualTo("FR76 **** **** **** **** **** 189");
        assertThat(debitOf(collection, other)).as("no mandate, no debit").isNull();

        byte[] xml = file(collection);
        Pain008Validator.forVersion(Pain008Version.V02).validate(xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<EndToEndId>" + number + "</EndToEndId>", "<ReqdColltnDt>" + date + "</ReqdColltnDt>",
                "<SeqTp>FRST</SeqTp>", "FR7630006000011234567890189", "FR03ZZZA12345").doesNotContain(other);

        JsonNode scheduled = familyInvoice(withMandate, number);
        assertThat(scheduled.get("status").asString()).isEqualTo("DIRECT_DEBIT_SCHEDULED");
        assertThat(scheduled.get("statusLabel").asString()).isEqualTo("Prélèvement prévu le " + FRENCH.format(date));
        assertThat(api().post("/api/billing/invoices/" + idOf(number) + "/cancellation", agent(),
                "{\"reason\": \"Erreur\"}").status()).as("in a file sent to the bank").isEqualTo(409);

        String later = invoice(withMandate);
        ApiClient.Response again = export(date);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("alreadyExported").asBoolean()).isTrue();
        assertThat(again.json().get("id").asString()).isEqualTo(collection.get("id").asString());
        assertThat(again.json().get("debitCount").asInt()).isEqualTo(collection.get("debitCount").asInt());
        assertThat(debitOf(again.json(), later)).as("not debited in a file already sent").isNull();
        assertThat(file(again.json())).isEqualTo(xml);
        assertThat(jdbc.sql("select count(*) from direct_debit_item where invoice_number = ?").param(number)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void bad_dates_and_empty_files_are_refused_in_french_and_nothing_is_written() {
        ApiClient.Response past = export(LocalDate.now(PARIS));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("detail").asString()).contains("« Date de prélèvement » doit être au plus tôt le");
        ApiClient.Response missing = api().post("/api/billing/direct-debits/collections", agent(), "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("« Date de prélèvement »");

        // Everything due by tomorrow is collected by a first file; a file for the same day has nothing left.
        LocalDate first = newCollectionDate();
        export(first);
        LocalDate nothing = first.minusDays(1);
        ApiClient.Response empty = export(nothing);
        if (empty.status() == 409) {
            assertThat(empty.json().get("detail").asString()).startsWith("Aucune facture à prélever au " + FRENCH.format(nothing));
            assertThat(jdbc.sql("select count(*) from direct_debit_collection where collection_date = ?").param(nothing)
                    .query(Long.class).single()).isZero();
        } else {
            assertThat(empty.status()).as("an earlier run had exported this date").isEqualTo(200);
        }
    }

    @Test
    void the_second_debit_is_recurrent_and_a_change_of_bank_is_told_once_with_smnda() {
        String dossier = newDossier();
        String mandate = signedMandate(dossier, "FR7630006000011234567890189");
        String first = invoice(dossier);
        LocalDate day = newCollectionDate();
        assertThat(debitOf(export(day).json(), first).get("sequenceType").asString()).isEqualTo("FRST");

        ApiClient.Response change = api().post("/api/billing/mandates/" + mandate + "/bank-details", family(dossier),
                "{\"holderName\": \"Claire DURAND\", \"iban\": \"FR1420041010050500013M02606\"}");
        assertThat(change.status()).as(change.toString()).isEqualTo(200);
        assertThat(api().post("/api/billing/mandates/" + mandate + "/signature", family(dossier),
                "{\"code\": \"" + codeOf(mandate, 2) + "\"}").status()).isEqualTo(200);

        String second = invoice(dossier);
        JsonNode next = export(day.plusDays(1)).json();
        JsonNode debit = debitOf(next, second);
        assertThat(debit.get("sequenceType").asString()).isEqualTo("RCUR");
        assertThat(debit.get("amended").asBoolean()).isTrue();
        assertThat(debit.get("maskedIban").asString()).isEqualTo("FR14 **** **** **** **** **** 606");
        String xml = new String(file(next), StandardCharsets.UTF_8);
        assertThat(xml).contains("<AmdmntInd>true</AmdmntInd>", "<Id>SMNDA</Id>", "FR1420041010050500013M02606");

        String third = invoice(dossier);
        JsonNode after = debitOf(export(day.plusDays(2)).json(), third);
        assertThat(after.get("amended").asBoolean()).as("told once").isFalse();
        assertThat(after.get("sequenceType").asString()).isEqualTo("RCUR");
    }

    @Test
    void a_rejected_first_debit_reopens_the_invoice_mails_the_reason_and_the_next_debit_is_first_again() {
        String dossier = newDossier();
        signedMandate(dossier, "FR7630006000011234567890189");
        String number = invoice(dossier);
        LocalDate day = newCollectionDate();
        JsonNode collection = export(day).json();
        String path = "/api/billing/direct-debits/collections/" + collection.get("id").asString() + "/debits/" + number
                + "/rejection";

        ApiClient.Response unknownReason = api().post(path, agent(), "{\"reasonCode\": \"XX99\"}");
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.json().get("detail").asString()).contains("« Motif du rejet »");
        assertThat(api().post(path, family(dossier), "{\"reasonCode\": \"AM04\"}").status()).as("families").isEqualTo(403);

        ApiClient.Response rejected = api().post(path, agent(), "{\"reasonCode\": \"AM04\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("statusLabel").asString()).isEqualTo("Rejeté");
        assertThat(rejected.json().get("rejectionReason").asString()).isEqualTo("Provision insuffisante");
        assertThat(api().post(path, agent(), "{\"reasonCode\": \"AM04\"}").status()).as("twice: nothing more").isEqualTo(200);

        JsonNode reopened = familyInvoice(dossier, number);
        assertThat(reopened.get("status").asString()).isEqualTo("TO_PAY");
        assertThat(reopened.get("payable").asBoolean()).as("payable online now").isTrue();
        assertThat(reopened.get("plannedDebitDate").isNull()).isTrue();
        JsonNode mail = eventOf("DirectDebitRejected", "invoiceNumber", number, 1);
        assertThat(mail.get("reasonLabel").asString()).isEqualTo("Provision insuffisante");
        assertThat(mail.toString()).doesNotContain("30006000011234567890");
        assertThat(KafkaEvents.await(Topics.BILLING, r -> r.value().get("type").asString().endsWith("DirectDebitRejected")
                && number.equals(r.value().at("/data/invoiceNumber").asString()), 1, Duration.ofSeconds(5))).hasSize(1);

        String next = invoice(dossier);
        JsonNode nextFile = export(day.plusDays(1)).json();
        assertThat(debitOf(nextFile, next).get("sequenceType").asString()).as("the first debit was rejected").isEqualTo("FRST");
        assertThat(debitOf(nextFile, number)).as("the reopened invoice is paid online").isNull();
    }

    @Test
    void the_banks_status_report_rejects_its_debits_once_and_names_the_unknown_ones() {
        String dossier = newDossier();
        signedMandate(dossier, "FR7630006000011234567890189");
        String number = invoice(dossier);
        JsonNode collection = export(newCollectionDate()).json();
        String messageId = jdbc.sql("select message_id from direct_debit_collection where id = ?::uuid")
                .param(collection.get("id").asString()).query(String.class).single();
        byte[] report = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>STS-%1$s</MsgId><CreDtTm>2027-01-06T08:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>%1$s</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>%1$s-FRST</OrgnlPmtInfId>
                      <TxInfAndSts><OrgnlEndToEndId>%2$s</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                        <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf>
                        <OrgnlTxRef><Amt><InstdAmt Ccy="EUR">51.50</InstdAmt></Amt></OrgnlTxRef></TxInfAndSts>
                      <TxInfAndSts><OrgnlEndToEndId>INCONNU-1</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                        <StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf>
                        <OrgnlTxRef><Amt><InstdAmt Ccy="EUR">10.00</InstdAmt></Amt></OrgnlTxRef></TxInfAndSts>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>""".formatted(messageId, number).getBytes(StandardCharsets.UTF_8);

        ApiClient.Response read = api().post("/api/billing/direct-debits/status-reports", agent(),
                new Multipart().file("file", "pain002.xml", "application/xml", report));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(read.json().get("unknown").toString()).contains("INCONNU-1");
        JsonNode debit = debitOf(api().get("/api/billing/direct-debits/collections/" + collection.get("id").asString(),
                agent()).json(), number);
        assertThat(debit.get("rejectionReason").asString()).isEqualTo("Compte clôturé");
        assertThat(familyInvoice(dossier, number).get("payable").asBoolean()).isTrue();

        ApiClient.Response twice = api().post("/api/billing/direct-debits/status-reports", agent(),
                new Multipart().file("file", "pain002.xml", "application/xml", report));
        assertThat(twice.json().get("rejected").asInt()).isZero();
        assertThat(twice.json().get("alreadyRejected").asInt()).isEqualTo(1);

        ApiClient.Response notOurs = api().post("/api/billing/direct-debits/status-reports", agent(),
                new Multipart().file("file", "pain002.xml", "application/xml",
                        new String(report, StandardCharsets.UTF_8).replace(messageId, "AUTRE-FICHIER").getBytes(StandardCharsets.UTF_8)));
        assertThat(notOurs.status()).isEqualTo(404);
        assertThat(notOurs.json().get("detail").asString()).contains("« AUTRE-FICHIER »");
        ApiClient.Response notAReport = api().post("/api/billing/direct-debits/status-reports", agent(),
                new Multipart().file("file", "facture.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8)));
        assertThat(notAReport.status()).isEqualTo(400);
        assertThat(notAReport.json().get("detail").asString()).contains("« Fichier » n’est pas un compte rendu de la banque lisible");
    }

    @Test
    void agents_see_every_mandate_masked_and_only_the_treasury_reads_the_whole_iban() {
        String dossier = newDossier();
        String mandate = signedMandate(dossier, "FR7630006000011234567890189");

        JsonNode list = api().get("/api/billing/direct-debits/mandates?dossier=" + dossier, agent()).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.toString()).contains("FR76 **** **** **** **** **** 189").doesNotContain("30006000011234567890");
        JsonNode forAgent = api().get("/api/billing/direct-debits/mandates/" + mandate, agent()).json();
        assertThat(forAgent.get("iban").isNull()).isTrue();
        JsonNode forTreasury = api().get("/api/billing/direct-debits/mandates/" + mandate, treasurer()).json();
        assertThat(forTreasury.get("iban").asString()).isEqualTo("FR7630006000011234567890189");

        assertThat(api().get("/api/billing/direct-debits/mandates/" + mandate, family(dossier)).status()).isEqualTo(403);
        assertThat(api().get("/api/billing/direct-debits/collections", family(dossier)).status()).isEqualTo(403);
        assertThat(export(newCollectionDate()).status()).as("agents may").isIn(200, 201, 409);
        assertThat(api().post("/api/billing/direct-debits/collections", family(dossier),
                "{\"collectionDate\": \"" + newCollectionDate() + "\"}").status()).isEqualTo(403);
        assertThat(api().get("/api/billing/direct-debits/mandates/" + UUID.randomUUID(), agent()).status()).isEqualTo(404);
    }

    @Test
    void the_daily_run_pays_the_debits_that_stood_and_lapses_mandates_unused_for_36_months() {
        String dossier = newDossier();
        String mandate = signedMandate(dossier, "FR7630006000011234567890189");
        String number = invoice(dossier);
        LocalDate day = newCollectionDate();
        export(day);

        jobs.runFor(day.plusDays(7));
        JsonNode paid = api().get("/api/billing/invoices/" + idOf(number), family(dossier)).json();
        assertThat(paid.get("statusLabel").asString()).isEqualTo("Payée");
        assertThat(paid.at("/payment/method").asString()).isEqualTo("Prélèvement automatique");
        assertThat(paid.at("/payment/reference").asString()).isEqualTo("Prélèvement du " + FRENCH.format(day));
        assertThat(jdbc.sql("select status from direct_debit_mandate where id = ?::uuid").param(mandate)
                .query(String.class).single()).as("used 7 days ago").isEqualTo("ACTIVE");

        jobs.runFor(day.plusMonths(36).plusDays(1));
        assertThat(jdbc.sql("select status from direct_debit_mandate where id = ?::uuid").param(mandate)
                .query(String.class).single()).isEqualTo("LAPSED");
        JsonNode lapsed = eventOf("MandateLapsed", "mandateId", mandate, 1);
        assertThat(lapsed.get("lastDebitDate").asString()).isEqualTo(day.toString());
        String later = invoice(dossier);
        assertThat(familyInvoice(dossier, later).get("payable").asBoolean()).as("paid online again").isTrue();
    }
}
