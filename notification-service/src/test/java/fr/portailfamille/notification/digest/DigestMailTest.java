package fr.portailfamille.notification.digest;

import fr.portailfamille.notification.template.MailTemplates;
import fr.portailfamille.platform.branding.Branding;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The agents' digest rendered from its templates, without Spring or SMTP. */
class DigestMailTest {

    private static final Branding BRANDING = new Branding("Portail Famille", "Communauté de communes du Test",
            "Test", "https://portail.example.fr", "portail@example.fr");

    private final MailTemplates templates = new MailTemplates(BRANDING, messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void a_digest_lists_each_conversation_with_its_objet_theme_dossier_and_paris_time_and_links_to_the_inbox() {
        MessageDigests.Digest digest = new MessageDigests.Digest("jeunesse", "Service Jeunesse", 3, List.of(
                new MessageDigests.Conversation(7, "6000", "Claire DURAND", "Service Jeunesse", "Inscriptions",
                        "Inscription au centre de loisirs", true, 2, Instant.parse("2026-07-01T08:30:00Z")),
                new MessageDigests.Conversation(8, "6001", null, "Service Jeunesse", null,
                        "Question sur les tarifs", false, 1, Instant.parse("2026-12-01T16:05:00Z"))));

        MailTemplates.RenderedMail mail = templates.render(MessageDigests.TEMPLATE, Map.of("digest", digest));

        assertThat(mail.subject())
                .isEqualTo("Portail Famille : nouveaux messages des familles — Service Jeunesse (2 conversations)");
        assertThat(mail.text()).contains("3 messages dans 2 conversations",
                "- Nouvelle conversation (2 messages) — Service Jeunesse, Inscriptions",
                "Objet : « Inscription au centre de loisirs »", "Dossier n° 6000 (Claire DURAND) — le 01/07/2026 à 10h30",
                "- Réponse de la famille — Service Jeunesse\n", "Dossier n° 6001 — le 01/12/2026 à 17h05",
                "https://portail.example.fr/agent/messagerie").doesNotContain("null");
        assertThat(mail.html()).contains("href=\"https://portail.example.fr/agent/messagerie\"",
                "Inscription au centre de loisirs", "01/12/2026 à 17h05").doesNotContain("??", "null");
    }
}
