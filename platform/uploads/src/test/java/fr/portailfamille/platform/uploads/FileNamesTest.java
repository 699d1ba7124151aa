package fr.portailfamille.platform.uploads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void folders_and_dangerous_characters_are_removed_accents_kept() {
        assertThat(FileNames.sanitise("..\\..\\Windows\\attestation <été>.pdf", "application/pdf"))
                .isEqualTo("attestation été.pdf");
        assertThat(FileNames.sanitise("/etc/../passwd\u0000.pdf", "application/pdf")).isEqualTo("passwd.pdf");
        assertThat(FileNames.sanitise("...", "application/pdf")).isEqualTo("document.pdf");
        assertThat(FileNames.sanitise(null, "image/png")).isEqualTo("document.png");
    }

    @Test
    void the_extension_says_what_the_content_is() {
        assertThat(FileNames.sanitise("photo.pdf", "image/png")).isEqualTo("photo.pdf.png");
        assertThat(FileNames.sanitise("photo.JPEG", "image/jpeg")).isEqualTo("photo.JPEG");
        assertThat(FileNames.sanitise("scan", "application/pdf")).isEqualTo("scan.pdf");
    }

    @Test
    void long_names_are_cut_keeping_the_extension() {
        String sanitised = FileNames.sanitise("a".repeat(400) + ".pdf", "application/pdf");
        assertThat(sanitised).hasSize(FileNames.MAX_LENGTH).endsWith("a.pdf");
    }
}
