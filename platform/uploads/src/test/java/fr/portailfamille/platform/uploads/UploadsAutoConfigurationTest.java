package fr.portailfamille.platform.uploads;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** What a service gets by having the module on its classpath. */
class UploadsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class, UploadsAutoConfiguration.class))
            .withPropertyValues("spring.messages.basename=messages")
            .withBean(StoredFileRepository.class, () -> mock(StoredFileRepository.class))
            .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void the_file_store_the_check_with_the_configured_limit_and_the_french_texts() {
        runner.withPropertyValues("spring.servlet.multipart.max-file-size=2MB").run(context -> {
            assertThat(context).hasSingleBean(FileStore.class);
            assertThat(context.getBean(UploadCheck.class).maxSize().toMegabytes()).isEqualTo(2);
            assertThat(context.getBean(MessageSource.class).getMessage("upload.type", null, Locale.FRENCH))
                    .isEqualTo("Ce type de fichier n'est pas accepté : envoyez un PDF ou une image PNG ou JPEG.");
            assertThat(context.getBean(MessageSource.class).getMessage("service.greeting", null, Locale.FRENCH))
                    .as("the service's own texts stay").isEqualTo("Bonjour");
        });
    }

    @Test
    void the_accepted_types_are_pdf_png_and_jpeg_unless_the_service_says_more() {
        runner.run(context -> assertThat(context.getBean(UploadCheck.class).allowedTypes())
                .containsExactlyInAnyOrder("application/pdf", "image/png", "image/jpeg"));
        runner.withPropertyValues("portal.uploads.allowed-types=application/pdf, " + UploadCheck.DOCX)
                .run(context -> assertThat(context.getBean(UploadCheck.class).allowedTypes())
                        .containsExactlyInAnyOrder("application/pdf", UploadCheck.DOCX));
    }

    @Test
    void its_package_is_scanned_beside_the_applications_own() {
        runner.withUserConfiguration(SomeApplication.class).run(context -> assertThat(AutoConfigurationPackages.get(context))
                .contains(SomeApplication.class.getPackageName(), UploadsAutoConfiguration.class.getPackageName()));
    }

    @Test
    void the_tables_migration_only_when_the_service_chooses_its_version() {
        runner.run(context -> assertThat(context).doesNotHaveBean(StoredFileMigration.class));
        runner.withPropertyValues("portal.uploads.flyway-version=4").run(context ->
                assertThat(context.getBean(StoredFileMigration.class).getVersion().getVersion()).isEqualTo("4"));
    }

    @org.springframework.boot.autoconfigure.AutoConfigurationPackage(basePackages = "fr.portailfamille.someservice")
    static class SomeApplication {
    }
}
