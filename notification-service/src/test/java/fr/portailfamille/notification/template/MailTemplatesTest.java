package fr.portailfamille.notification.template;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.dossier.ContactDetailsChanged;
import fr.portailfamille.events.dossier.DossierCreated;
import fr.portailfamille.events.dossier.RequestStatusChanged;
import fr.portailfamille.platform.branding.Branding;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The French e-mails rendered from their templates, without Spring or SMTP. */
class MailTemplatesTest {

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

    private MailTemplates.RenderedMail render(PortalEvent event, Instant time) {
        EventEnvelope<PortalEvent> envelope = EventEnvelope.wrap(event, "/test", time);
        String template = templates.templateFor(envelope.type()).orElseThrow();
        return templates.render(template, event, envelope);
    }

    @Test
    void an_accepted_request_says_so_with_the_comment_and_the_time_in_paris() {
        MailTemplates.RenderedMail mail = render(new RequestStatusChanged("6000", 3L, "ATTESTATION",
                "Demande d'attestation", "ACCEPTED", "Acceptée", "Attestation envoyée par courrier", "DURAND",
                "claire.durand@example.fr"), Instant.parse("2026-07-01T08:30:00Z"));

        assertThat(mail.subject()).startsWith("Portail Famille : votre démarche « Demande d'attestation »");
        assertThat(mail.text())
                .contains("dossier n° 6000")
                .contains("01/07/2026 à 10h30")
                .contains("Commentaire du service : Attestation envoyée par courrier")
                .contains("https://portail.example.fr/mon-dossier")
                .contains("Communauté de communes du Test");
        assertThat(mail.html()).contains("Attestation envoyée par courrier").contains("https://portail.example.fr/mon-dossier");
    }

    @Test
    void contact_details_list_each_guardian_and_say_what_is_missing() {
        MailTemplates.RenderedMail mail = render(new ContactDetailsChanged("6000", "DURAND", "claire.durand@example.fr",
                null, "ancienne@example.fr", List.of(new ContactDetailsChanged.Guardian(1, "MADAME", "Claire", "DURAND",
                        "claire.durand@example.fr", "+33612345678", null, null, "3 rue des Écoles", null, "66500",
                        "Prades"))), Instant.parse("2026-01-15T23:30:00Z"));

        assertThat(mail.subject()).isEqualTo("Portail Famille : vos coordonnées ont été modifiées");
        assertThat(mail.text())
                .contains("16/01/2026 à 00h30")
                .contains("téléphone : non renseigné")
                .contains("Claire DURAND")
                .contains("3 rue des Écoles, 66500 Prades");
    }

    @Test
    void an_event_without_templates_sends_no_mail() {
        assertThat(templates.templateFor(EventCatalog.entryOf(DossierCreated.class).type())).isEmpty();
        assertThat(templates.templateFor("fr.portailfamille.unknown.Thing")).isEmpty();
    }
}
