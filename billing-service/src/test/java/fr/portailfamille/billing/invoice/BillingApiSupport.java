package fr.portailfamille.billing.invoice;

import fr.portailfamille.billing.payment.payfip.PayfipStub;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.RunningService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * billing-service's invoice API tests: the service on real PostgreSQL and Kafka, its service-account
 * token from the real Keycloak of deploy/keycloak (client {@code billing-service}, role
 * {@code invoicing}), dossier-service's billing profiles from {@link DossierServiceStub}.
 */
public abstract class BillingApiSupport extends RunningService {

    static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    static final DossierServiceStub DOSSIER = new DossierServiceStub();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();

    @DynamicPropertySource
    static void keycloakAndDossier(DynamicPropertyRegistry registry) {
        registry.add("portal.keycloak.url", KEYCLOAK::url);
        registry.add("portal.services.dossier-url", DOSSIER::url);
        // The background expiry check of this context asks the same PayFiP as PayfipPaymentApiTest.
        registry.add("portal.billing.payment.payfip.service-url", () -> PayfipStub.shared().url().toString());
    }

    @Autowired
    protected JdbcClient jdbc;

    @AfterEach
    void dossierServiceAnswersAgain() {
        DOSSIER.answer.set(DossierServiceStub.Answer.PROFILES);
    }

    /** An invoice number no other test (nor an earlier run on the same database) uses: « T-3F9K2-7 ». */
    protected static String newNumber() {
        return "T-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    protected String agent() {
        return keycloak.agent("facturation");
    }

    protected String family(String dossier) {
        return keycloak.family(dossier);
    }

    /** The seed's invoice (44.00 + 7.50 = 51.50) under another number, for a dossier, as a JSON invoice. */
    protected static String seedInvoice(String number, String dossier) {
        return """
                {"number": "%s", "dossierNumber": "%s", "period": "Septembre 2026",
                 "issueDate": "2026-10-05", "dueDate": "2026-10-31", "total": 51.50,
                 "lines": [
                   {"beneficiary": "DURAND Marie", "service": "Repas Enfants", "unitPrice": 4.40, "quantity": 10.00, "amount": 44.00},
                   {"beneficiary": "DURAND Marie", "service": "Atelier 3D", "unitPrice": 0.75, "quantity": 10.00, "amount": 7.50}]}"""
                .formatted(number, dossier);
    }

    protected static String batch(String... invoices) {
        return "{\"invoices\": [" + String.join(",", invoices) + "]}";
    }

    protected ApiClient.Response importJson(String json) {
        return api().post("/api/billing/imports", agent(), json);
    }

    ApiClient.Response importCsv(String csv) {
        return api().post("/api/billing/imports", agent(), new Multipart()
                .file("file", "factures.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** Imports one seed-like invoice for the dossier and gives its id. */
    UUID issued(String dossier) {
        String number = newNumber();
        ApiClient.Response response = importJson(batch(seedInvoice(number, dossier)));
        if (response.status() != 201) {
            throw new IllegalStateException("Import failed: " + response);
        }
        return idOf(number);
    }

    protected UUID idOf(String number) {
        return jdbc.sql("select id from invoice where number = ?").param(number).query(UUID.class).single();
    }

    long invoicesNumbered(String... numbers) {
        return jdbc.sql("select count(*) from invoice where number in (:numbers)")
                .param("numbers", java.util.List.of(numbers)).query(Long.class).single();
    }

    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
