package fr.portailfamille.dossier.request;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.platform.uploads.SampleFiles;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** « Demande d'attestation » with free text and an optional attachment (multipart). */
@PortalServiceTest
class RequestAttachmentApiTest extends DossierApiSupport {

    private ApiClient.Response file(String number, String token, Multipart form) {
        return api().post("/api/dossier/dossiers/" + number + "/requests", token, form);
    }

    private static Multipart certificate(String description) {
        return new Multipart().field("type", "CERTIFICATE").field("description", description);
    }

    private JsonNode requests(String number) {
        return api().get("/api/dossier/dossiers/" + number + "/requests", keycloak.family(number)).json();
    }

    @Test
    void a_family_files_a_request_with_an_attachment_that_the_agent_downloads() {
        String number = dossier();
        byte[] pdf = SampleFiles.pdf();

        ApiClient.Response filed = file(number, keycloak.family(number),
                certificate("Attestation de quotient familial, justificatif CAF joint")
                        .file("file", "justificatif CAF.pdf", "application/pdf", pdf));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode attachment = requests(number).get(0).get("attachment");
        assertThat(attachment.get("fileName").asString()).isEqualTo("justificatif CAF.pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(pdf.length);
        HttpResponse<byte[]> download = api().download(attachment.get("downloadUrl").asString(), keycloak.agent("jeunesse"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        ApiClient.Response accepted = api().post("/api/dossier/requests/" + filed.json().get("id").asLong() + "/accept",
                keycloak.agent("jeunesse"), "{}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().at("/attachment/fileName").asString()).isEqualTo("justificatif CAF.pdf");
    }

    @Test
    void the_attachment_is_optional_in_a_multipart_request_too() {
        String number = dossier();

        ApiClient.Response filed = file(number, keycloak.family(number), certificate("Attestation de présence"));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(requests(number).get(0).get("attachment").isNull()).isTrue();
    }

    @Test
    void a_refused_attachment_leaves_no_request_behind() {
        String number = dossier();

        ApiClient.Response exe = file(number, keycloak.family(number), certificate("Voir pièce jointe")
                .file("file", "photo.jpg", "image/jpeg", SampleFiles.executable()));
        ApiClient.Response big = file(number, keycloak.family(number), certificate("Voir pièce jointe")
                .file("file", "scan.pdf", "application/pdf", SampleFiles.pdfOver10Mb()));
        ApiClient.Response noText = file(number, keycloak.family(number), new Multipart().field("type", "CERTIFICATE")
                .file("file", "scan.pdf", "application/pdf", SampleFiles.pdf()));

        assertThat(exe.status()).isEqualTo(415);
        assertThat(big.status()).isEqualTo(413);
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.json().at("/errors/0/field").asString()).isEqualTo("description");
        assertThat(requests(number)).isEmpty();
    }

    @Test
    void another_family_cannot_download_the_attachment_nor_file_on_the_dossier() {
        String number = dossier();
        file(number, keycloak.family(number), certificate("Justificatif joint")
                .file("file", "j.png", "image/png", SampleFiles.png()));
        String url = requests(number).get(0).at("/attachment/downloadUrl").asString();
        String intruder = keycloak.family("999");

        HttpResponse<byte[]> download = api().download(url, intruder);
        ApiClient.Response filed = file(number, intruder, certificate("Intrus")
                .file("file", "j.png", "image/png", SampleFiles.png()));

        assertThat(download.statusCode()).isEqualTo(404);
        assertThat(filed.status()).isEqualTo(404);
        assertThat(requests(number)).hasSize(1);
    }
}
