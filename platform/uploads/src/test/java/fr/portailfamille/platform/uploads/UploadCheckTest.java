package fr.portailfamille.platform.uploads;

import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.problem.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The content check: the type comes from the bytes, the refusals carry the French texts every service gives. */
class UploadCheckTest {

    private final UploadCheck check = new UploadCheck(DataSize.ofMegabytes(10));

    /** Problems as a service has them: its own bundle with this module's added, the platform's behind. */
    private static Problems problems() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(UploadsAutoConfiguration.MESSAGES);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Problems(messages);
    }

    private static String detail(ApiProblem problem) {
        return problems().message(problem.messageKey(), problem.args());
    }

    @Test
    void pdf_png_and_jpeg_are_recognised_by_their_bytes() {
        assertThat(check.contentType(SampleFiles.pdf())).isEqualTo("application/pdf");
        assertThat(check.contentType(SampleFiles.png())).isEqualTo("image/png");
        assertThat(check.contentType(SampleFiles.jpeg())).isEqualTo("image/jpeg");
    }

    @Test
    void anything_else_is_refused_with_415_whatever_it_claims_to_be() {
        for (byte[] content : new byte[][] {SampleFiles.executable(), "juste du texte".getBytes(StandardCharsets.UTF_8),
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                {'P', 'K', 3, 4, 20, 0, 0, 0}}) {
            ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> check.contentType(content));
            assertThat(refused.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(refused.slug()).isEqualTo("type-de-fichier-refuse");
            assertThat(detail(refused))
                    .isEqualTo("Ce type de fichier n'est pas accepté : envoyez un PDF ou une image PNG ou JPEG.");
        }
    }

    @Test
    void by_default_word_processing_documents_are_refused_as_before() {
        for (byte[] content : new byte[][] {SampleFiles.odt(), SampleFiles.docx()}) {
            assertThat(catchThrowableOfType(ApiProblem.class, () -> check.contentType(content)).status())
                    .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Test
    void a_service_allowing_odt_and_docx_gets_them_recognised_by_their_content() {
        UploadCheck documents = new UploadCheck(DataSize.ofMegabytes(10), UploadCheck.KNOWN_TYPES);

        assertThat(documents.contentType(SampleFiles.odt())).isEqualTo(UploadCheck.ODT);
        assertThat(documents.contentType(SampleFiles.docx())).isEqualTo(UploadCheck.DOCX);
        assertThat(documents.contentType(SampleFiles.pdf())).isEqualTo("application/pdf");
        assertThat(FileNames.sanitise("compte-rendu", UploadCheck.DOCX)).isEqualTo("compte-rendu.docx");
        assertThat(FileNames.sanitise("lettre.odt", UploadCheck.ODT)).isEqualTo("lettre.odt");
        for (byte[] content : new byte[][] {SampleFiles.docm(), SampleFiles.zipArchive(), SampleFiles.executable()}) {
            assertThat(catchThrowableOfType(ApiProblem.class, () -> documents.contentType(content)).status())
                    .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Test
    void a_type_the_check_cannot_recognise_cannot_be_allowed() {
        assertThatThrownBy(() -> new UploadCheck(DataSize.ofMegabytes(10), java.util.List.of("text/html")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed-types");
    }

    @Test
    void over_the_limit_is_413_giving_the_limit_and_the_limit_itself_is_allowed() {
        check.checkSize("file", DataSize.ofMegabytes(10).toBytes());

        ApiProblem tooLarge = catchThrowableOfType(ApiProblem.class,
                () -> check.checkSize("file", DataSize.ofMegabytes(10).toBytes() + 1));

        assertThat(tooLarge.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(tooLarge.slug()).isEqualTo("fichier-trop-volumineux");
        assertThat(detail(tooLarge)).isEqualTo("Le fichier dépasse la taille maximale de 10 Mo.");
    }

    @Test
    void nothing_sent_is_400_on_the_field() {
        ApiProblem empty = catchThrowableOfType(ApiProblem.class, () -> check.checkSize("attachment", 0));

        assertThat(empty.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.field()).isEqualTo("attachment");
        assertThat(detail(empty)).isEqualTo("est obligatoire : choisissez un fichier");
    }

    @Test
    void the_size_limit_comes_from_the_configuration() {
        UploadCheck small = new UploadCheck(DataSize.ofKilobytes(500));

        assertThatThrownBy(() -> small.checkSize("file", SampleFiles.pdfOver10Mb().length))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(detail(p))
                        .isEqualTo("Le fichier dépasse la taille maximale de 500 Ko."));
    }
}
