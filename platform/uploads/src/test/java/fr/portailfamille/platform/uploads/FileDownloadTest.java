package fr.portailfamille.platform.uploads;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class FileDownloadTest {

    @Test
    void a_download_is_an_attachment_with_its_utf8_name_never_sniffed_nor_cached() {
        byte[] pdf = SampleFiles.pdf();

        ResponseEntity<byte[]> response = new FileDownload("Attestation présence.pdf", "application/pdf", pdf)
                .asAttachment();

        HttpHeaders headers = response.getHeaders();
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(pdf);
        assertThat(headers.getContentType()).hasToString("application/pdf");
        assertThat(headers.getContentLength()).isEqualTo(pdf.length);
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("filename*=UTF-8''Attestation%20pr%C3%A9sence.pdf");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getCacheControl()).isEqualTo("private, no-store");
    }
}
