package fr.portailfamille.dossier.document;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.events.Topics;
import fr.portailfamille.platform.uploads.SampleFiles;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** « Mes documents »: agents make files available, families list and download their own. */
@PortalServiceTest
class DocumentApiTest extends DossierApiSupport {

    @Autowired
    JdbcClient jdbc;

    private ApiClient.Response upload(String number, String token, Multipart form) {
        return api().post("/api/dossier/dossiers/" + number + "/documents", token, form);
    }

    private static Multipart attestation(String fileName, String claimedType, byte[] content) {
        return new Multipart().field("type", "ATTESTATION").field("title", "Attestation de présence 2026")
                .file("file", fileName, claimedType, content);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long documentsOf(String number) {
        return jdbc.sql("select count(*) from document d join dossier o on o.id = d.dossier_id where o.number = :n")
                .param("n", number).query(Long.class).single();
    }

    @Test
    void an_agent_publishes_a_pdf_the_family_lists_and_downloads_it_as_an_attachment_and_is_told() {
        String number = dossier();
        byte[] pdf = SampleFiles.pdf();

        ApiClient.Response published = upload(number, keycloak.agent("jeunesse"),
                attestation("Attestation présence.pdf", "application/pdf", pdf));

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonNode listed = api().get("/api/dossier/dossiers/" + number + "/documents", keycloak.family(number)).json().get(0);
        assertThat(listed.get("title").asString()).isEqualTo("Attestation de présence 2026");
        assertThat(listed.get("typeLabel").asString()).isEqualTo("Attestation");
        assertThat(listed.get("fileName").asString()).isEqualTo("Attestation présence.pdf");
        assertThat(listed.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(listed.get("publishedAt").asString()).endsWith("Z");

        HttpResponse<byte[]> download = api().download(listed.get("downloadUrl").asString(), keycloak.family(number));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("filename*=UTF-8''Attestation%20pr%C3%A9sence.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.DOSSIER,
                r -> number.equals(r.key()) && r.value().get("type").asString().endsWith("DocumentPublished"),
                1, Duration.ofSeconds(30));
        JsonNode data = events.get(0).value().get("data");
        assertThat(data.get("title").asString()).isEqualTo("Attestation de présence 2026");
        assertThat(data.get("email").asString()).isEqualTo("durand." + number + "@example.test");
    }

    @Test
    void the_type_comes_from_the_content_not_the_name_nor_the_browsers_claim() {
        String number = dossier();
        long filesBefore = count("stored_file");

        ApiClient.Response disguised = upload(number, keycloak.agent("jeunesse"),
                attestation("facture.pdf", "application/pdf", SampleFiles.executable()));
        ApiClient.Response text = upload(number, keycloak.agent("jeunesse"),
                attestation("note.pdf", "application/pdf", "juste du texte".getBytes()));
        ApiClient.Response png = upload(number, keycloak.agent("jeunesse"),
                attestation("scan.pdf", "application/pdf", SampleFiles.png()));

        assertThat(disguised.status()).isEqualTo(415);
        assertThat(disguised.json().get("detail").asString())
                .isEqualTo("Ce type de fichier n'est pas accepté : envoyez un PDF ou une image PNG ou JPEG.");
        assertThat(text.status()).isEqualTo(415);
        assertThat(png.status()).as("a PNG is allowed, named for what it is").isEqualTo(201);
        assertThat(png.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(png.json().get("fileName").asString()).isEqualTo("scan.pdf.png");
        assertThat(count("stored_file")).isEqualTo(filesBefore + 1);
        assertThat(documentsOf(number)).isEqualTo(1);
    }

    @Test
    void a_file_over_10_mb_gets_413_with_the_limit_and_nothing_is_stored() {
        String number = dossier();
        long filesBefore = count("stored_file");

        ApiClient.Response response = upload(number, keycloak.agent("jeunesse"),
                attestation("gros.pdf", "application/pdf", SampleFiles.pdfOver10Mb()));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo("Le fichier dépasse la taille maximale de 10 Mo.");
        assertThat(count("stored_file")).isEqualTo(filesBefore);
        assertThat(documentsOf(number)).isZero();
    }

    @Test
    void missing_title_file_or_an_invoice_type_get_400_naming_the_field() {
        String number = dossier();
        String agent = keycloak.agent("jeunesse");

        ApiClient.Response noTitle = upload(number, agent, new Multipart().field("type", "REGLEMENT")
                .file("file", "r.pdf", "application/pdf", SampleFiles.pdf()));
        ApiClient.Response noFile = upload(number, agent, new Multipart().field("type", "REGLEMENT").field("title", "Règlement"));
        ApiClient.Response invoice = upload(number, agent, new Multipart().field("type", "FACTURE").field("title", "Facture")
                .file("file", "f.pdf", "application/pdf", SampleFiles.pdf()));

        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().at("/errors/0/field").asString()).isEqualTo("title");
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().at("/errors/0/field").asString()).isEqualTo("file");
        assertThat(invoice.status()).isEqualTo(400);
        assertThat(invoice.json().at("/errors/0/field").asString()).isEqualTo("type");
        assertThat(documentsOf(number)).isZero();
    }

    @Test
    void another_family_neither_lists_nor_downloads_and_families_do_not_upload() {
        String number = dossier();
        JsonNode published = upload(number, keycloak.agent("jeunesse"),
                attestation("a.pdf", "application/pdf", SampleFiles.pdf())).json();
        String intruder = keycloak.family("999");

        ApiClient.Response list = api().get("/api/dossier/dossiers/" + number + "/documents", intruder);
        HttpResponse<byte[]> download = api().download(published.get("downloadUrl").asString(), intruder);
        ApiClient.Response familyUpload = upload(number, keycloak.family(number),
                attestation("b.pdf", "application/pdf", SampleFiles.pdf()));

        assertThat(list.status()).isEqualTo(404);
        assertThat(download.statusCode()).isEqualTo(404);
        assertThat(new String(download.body())).doesNotContain("%PDF");
        assertThat(familyUpload.status()).isEqualTo(403);
        assertThat(documentsOf(number)).isEqualTo(1);
    }

    @Test
    void a_family_without_documents_gets_an_empty_list_and_an_unknown_document_is_404() {
        String number = dossier();

        ApiClient.Response list = api().get("/api/dossier/dossiers/" + number + "/documents", keycloak.family(number));
        HttpResponse<byte[]> unknown = api().download("/api/dossier/documents/987654321/content", keycloak.family(number));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).isEmpty();
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
