package fr.portailfamille.notification.template;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.messaging.MessageReplied;
import fr.portailfamille.events.messaging.MessageSent;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.billing.DirectDebitRejected;
import fr.portailfamille.events.billing.InvoiceCancelled;
import fr.portailfamille.events.billing.InvoiceIssued;
import fr.portailfamille.events.billing.MandateActivated;
import fr.portailfamille.events.billing.MandateLapsed;
import fr.portailfamille.events.billing.MandateRevoked;
import fr.portailfamille.events.billing.PaidInvoice;
import fr.portailfamille.events.billing.PaymentFailed;
import fr.portailfamille.events.billing.PaymentSucceeded;
import fr.portailfamille.events.dossier.ContactDetailsChanged;
import fr.portailfamille.events.dossier.DossierCreated;
import fr.portailfamille.events.dossier.RequestStatusChanged;
import fr.portailfamille.platform.branding.Branding;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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

    private static final PaidInvoice SEPTEMBER = new PaidInvoice("inv-1", "2026-000123", "Septembre 2026",
            new BigDecimal("51.50"));
    private static final PaidInvoice OCTOBER = new PaidInvoice("inv-2", "2026-000187", "Octobre 2026",
            new BigDecimal("1200.00"));

    @Test
    void amounts_read_as_in_france_rounded_to_the_cent() {
        MailTemplates.Amounts amounts = new MailTemplates.Amounts();

        assertThat(amounts.euros(new BigDecimal("51.5"))).isEqualTo("51,50 €");
        assertThat(amounts.euros(new BigDecimal("1251.50"))).isEqualTo("1 251,50 €");
        assertThat(amounts.euros(new BigDecimal("0.005"))).isEqualTo("0,01 €");
        assertThat(amounts.euros(new BigDecimal("1234567.8"))).isEqualTo("1 234 567,80 €");
        assertThat(amounts.euros(null)).isEmpty();
    }

    @Test
    void a_new_invoice_gives_amount_period_number_due_date_and_the_way_to_pay_without_the_pdf() {
        MailTemplates.RenderedMail mail = render(new InvoiceIssued("6000", "inv-1", "2026-000123", "Septembre 2026",
                new BigDecimal("51.50"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                "facture-2026-000123.pdf", 48_213, "/api/billing/invoices/inv-1/pdf", "DURAND",
                "claire.durand@example.fr"), Instant.parse("2026-10-01T06:00:00Z"));

        assertThat(mail.subject()).isEqualTo("Portail Famille : Nouvelle facture disponible — Septembre 2026");
        assertThat(mail.text())
                .contains("dossier n° 6000")
                .contains("- facture n° 2026-000123")
                .contains("- période : Septembre 2026")
                .contains("- montant : 51,50 €")
                .contains("- émise le : 01/10/2026")
                .contains("- à payer avant le : 31/10/2026")
                .contains("payer en ligne")
                .contains("https://portail.example.fr/facturation")
                .contains("« Mes documents » : https://portail.example.fr/mon-dossier/documents")
                .contains("la facture n'est pas jointe à ce message")
                .contains("Communauté de communes du Test")
                .doesNotContain("/api/billing", "facture-2026-000123.pdf", "null");
        assertThat(mail.html())
                .contains("<strong style=\"white-space:nowrap\">51,50 €</strong>")
                .contains("<strong>31/10/2026</strong>")
                .contains("href=\"https://portail.example.fr/facturation\"")
                .contains("href=\"https://portail.example.fr/mon-dossier/documents\"")
                .doesNotContain("/api/billing");
    }

    @Test
    void a_new_invoice_without_issue_date_or_period_leaves_no_empty_line() {
        MailTemplates.RenderedMail mail = render(new InvoiceIssued("6000", "inv-1", "2026-000123", null,
                new BigDecimal("7.5"), null, LocalDate.of(2026, 3, 5), "f.pdf", 1, "/p"), Instant.now());

        assertThat(mail.subject()).isEqualTo("Portail Famille : Nouvelle facture disponible");
        assertThat(mail.text()).contains("- montant : 7,50 €").contains("- à payer avant le : 05/03/2026")
                .doesNotContain("émise le", "null");
    }

    @Test
    void a_cancelled_invoice_gives_the_agents_reason_and_says_there_is_nothing_to_pay() {
        MailTemplates.RenderedMail mail = render(new InvoiceCancelled("6000", "inv-1", "2026-000123", "Septembre 2026",
                new BigDecimal("51.50"), "Facture émise en double : la bonne est la n° 2026-000124.", "DURAND",
                "claire.durand@example.fr"), Instant.parse("2026-10-03T13:05:00Z"));

        assertThat(mail.subject()).isEqualTo("Portail Famille : Facture annulée — n° 2026-000123");
        assertThat(mail.text())
                .contains("annulé le 03/10/2026 à 15h05")
                .contains("- facture n° 2026-000123", "- période : Septembre 2026", "- montant : 51,50 €")
                .contains("Motif de l'annulation : Facture émise en double : la bonne est la n° 2026-000124.")
                .contains("Vous n'avez rien à payer pour cette facture.")
                .contains("https://portail.example.fr/facturation", "https://portail.example.fr/messagerie");
        assertThat(mail.html()).contains("<em>Facture émise en double : la bonne est la n° 2026-000124.</em>",
                "<strong>Vous n'avez rien à payer pour cette facture.</strong>");
    }

    @Test
    void a_cancelled_invoice_without_reason_has_no_empty_reason_line() {
        MailTemplates.RenderedMail mail = render(new InvoiceCancelled("6000", "inv-1", "2026-000123", "Septembre 2026",
                new BigDecimal("51.50"), null, "DURAND", "claire.durand@example.fr"), Instant.now());

        assertThat(mail.text()).doesNotContain("Motif", "null");
        assertThat(mail.html()).doesNotContain("Motif");
    }

    @Test
    void a_receipt_lists_each_invoice_with_the_time_in_paris_the_reference_and_the_card() {
        MailTemplates.RenderedMail mail = render(new PaymentSucceeded("6000", "pay-1", "SYSTEMPAY", "X7K2P9",
                new BigDecimal("1251.50"), Instant.parse("2026-11-28T09:30:00Z"), List.of(SEPTEMBER, OCTOBER),
                "DURAND", "claire.durand@example.fr"), Instant.parse("2026-11-28T09:30:02Z"));

        assertThat(mail.subject()).isEqualTo("Portail Famille : Paiement reçu — 1 251,50 €");
        assertThat(mail.text())
                .contains("dossier n° 6000")
                .contains("- montant : 1 251,50 €")
                .contains("- date : 28/11/2026 à 10h30")
                .contains("- moyen de paiement : carte bancaire")
                .contains("- référence de la transaction : X7K2P9")
                .contains("Factures réglées :")
                .contains("- n° 2026-000123 — Septembre 2026 — 51,50 €\n- n° 2026-000187 — Octobre 2026 — 1 200,00 €")
                .contains("https://portail.example.fr/facturation");
        assertThat(mail.html())
                .contains("<td style=\"padding:0.25em 1em 0.25em 0\">n° 2026-000187</td>")
                .contains("white-space:nowrap\">1 200,00 €</td>")
                .contains("<strong>X7K2P9</strong>")
                .contains("Factures réglées :");
    }

    @Test
    void a_payfip_receipt_in_summer_names_the_dgfip_and_one_invoice() {
        MailTemplates.RenderedMail mail = render(new PaymentSucceeded("6000", "pay-2", "PAYFIP", "1c2b3a4d5e",
                new BigDecimal("51.50"), Instant.parse("2026-07-01T21:59:00Z"), List.of(SEPTEMBER), "DURAND",
                "claire.durand@example.fr"), Instant.parse("2026-07-01T22:00:00Z"));

        assertThat(mail.subject()).isEqualTo("Portail Famille : Paiement reçu — 51,50 €");
        assertThat(mail.text())
                .contains("- date : 01/07/2026 à 23h59")
                .contains("- moyen de paiement : PayFiP (paiement en ligne de la DGFiP)")
                .contains("Facture réglée :\n- n° 2026-000123 — Septembre 2026 — 51,50 €");
    }

    @Test
    void a_refused_payment_says_why_that_the_invoices_are_payable_again_and_what_to_check() {
        MailTemplates.RenderedMail mail = render(new PaymentFailed("6000", "pay-3", "SYSTEMPAY", "REFUSED",
                "Paiement refusé", new BigDecimal("1251.50"), List.of(SEPTEMBER, OCTOBER), "DURAND",
                "claire.durand@example.fr"), Instant.parse("2026-11-28T09:31:00Z"));

        assertThat(mail.subject()).isEqualTo("Portail Famille : Paiement refusé");
        assertThat(mail.text())
                .contains("Votre paiement de 1 251,50 € du 28/11/2026 à 10h31 pour le dossier n° 6000 n'a pas abouti : "
                        + "il a été refusé par votre banque.")
                .contains("Moyen de paiement : carte bancaire.")
                .contains("Ces factures ne sont pas réglées :\n- n° 2026-000123 — Septembre 2026 — 51,50 €\n"
                        + "- n° 2026-000187 — Octobre 2026 — 1 200,00 €")
                .contains("Elles sont de nouveau payables en ligne dans « Facturation » : https://portail.example.fr/facturation")
                .contains("plafond de paiement", "utilisez une autre carte")
                .contains("service Facturation depuis la Messagerie du portail : https://portail.example.fr/messagerie");
        assertThat(mail.html())
                .contains("il a été refusé par votre banque")
                .contains("utilisez une autre carte")
                .contains("n° 2026-000187")
                .contains("href=\"https://portail.example.fr/messagerie\"");
    }

    @Test
    void an_abandoned_payment_and_an_expired_one_have_their_own_subject_and_reason() {
        MailTemplates.RenderedMail abandoned = render(new PaymentFailed("6000", "pay-4", "SYSTEMPAY", "ABANDONED",
                "Paiement abandonné", new BigDecimal("51.50"), List.of(SEPTEMBER), "DURAND", "c@example.fr"),
                Instant.parse("2026-11-28T09:31:00Z"));
        MailTemplates.RenderedMail expired = render(new PaymentFailed("6000", "pay-5", "PAYFIP", "EXPIRED",
                "Paiement abandonné", new BigDecimal("51.50"), List.of(SEPTEMBER), "DURAND", "c@example.fr"),
                Instant.parse("2026-11-28T09:31:00Z"));

        assertThat(abandoned.subject()).isEqualTo("Portail Famille : Paiement abandonné");
        assertThat(abandoned.text())
                .contains("n'a pas abouti : il a été abandonné sur la page de paiement sécurisée")
                .contains("Cette facture n'est pas réglée :\n- n° 2026-000123 — Septembre 2026 — 51,50 €")
                .contains("Elle est de nouveau payable en ligne dans « Facturation » : https://portail.example.fr/facturation")
                .doesNotContain("autre carte", "débité");
        assertThat(expired.subject()).isEqualTo("Portail Famille : Paiement non abouti");
        assertThat(expired.text())
                .contains("la banque ne nous l'a pas confirmé dans le délai prévu")
                .contains("Moyen de paiement : PayFiP (paiement en ligne de la DGFiP).")
                .contains("ne payez pas une seconde fois");
    }

    @Test
    void an_outcome_this_build_does_not_know_falls_back_to_the_label_billing_gave() {
        MailTemplates.RenderedMail mail = render(new PaymentFailed("6000", "pay-6", "SEPA", "SOMETHING_NEW",
                "Paiement interrompu", new BigDecimal("51.50"), List.of(SEPTEMBER), "DURAND", "c@example.fr"),
                Instant.now());

        assertThat(mail.subject()).isEqualTo("Portail Famille : Paiement interrompu");
        assertThat(mail.text()).contains("n'a pas abouti : Paiement interrompu.", "Moyen de paiement : SEPA.")
                .doesNotContain("??", "null");
        assertThat(mail.html()).doesNotContain("??");
    }

    @Test
    void a_reply_names_the_service_links_to_the_conversation_and_never_carries_the_answer() {
        MailTemplates.RenderedMail jeunesse = render(new MessageReplied("6000", 42, "jeunesse", "Service Jeunesse",
                "Claire DURAND", "claire.durand@example.fr", List.of("claire.durand@example.fr"),
                Instant.parse("2026-07-01T08:30:00Z")), Instant.parse("2026-07-01T08:30:00Z"));
        MailTemplates.RenderedMail facturation = render(new MessageReplied("6000", 43, "facturation", "Facturation",
                "Claire DURAND", "claire.durand@example.fr", List.of(), Instant.parse("2026-07-01T08:30:00Z")),
                Instant.parse("2026-07-01T08:30:00Z"));

        assertThat(jeunesse.subject()).isEqualTo("Portail Famille : Vous avez reçu une réponse du Service Jeunesse");
        assertThat(jeunesse.text()).contains("dossier n° 6000", "https://portail.example.fr/messagerie/conversations/42",
                "connectez-vous pour la lire").doesNotContain("Objet");
        assertThat(jeunesse.html()).contains("href=\"https://portail.example.fr/messagerie/conversations/42\"",
                "Lire la réponse").doesNotContain("??");
        assertThat(facturation.subject()).isEqualTo("Portail Famille : Vous avez reçu une réponse du service Facturation");
    }

    @Test
    void a_debit_rejected_without_reason_or_date_leaves_no_empty_line_and_gives_no_advice() {
        MailTemplates.RenderedMail mail = render(new DirectDebitRejected("6000", "i-1", "2026-000123", null,
                new BigDecimal("8.8"), null, null, null, "DURAND", "claire.durand@example.fr"),
                Instant.parse("2026-12-16T08:00:00Z"));

        assertThat(mail.subject()).isEqualTo("Portail Famille : votre prélèvement a été rejeté");
        assertThat(mail.text())
                .contains("- facture n° 2026-000123\n- montant : 8,80 €\n- motif du rejet : non communiqué par la banque\n")
                .contains("https://portail.example.fr/facturation")
                .doesNotContain("période", "prélèvement prévu le", "Ce motif concerne votre compte", "??", "null");
        assertThat(mail.html()).contains("non communiqué par la banque", "8,80 €")
                .doesNotContain("période", "prélèvement prévu le", "??", "null");
    }

    @Test
    void a_debit_rejected_for_a_wrong_bic_says_to_check_the_bank_details_in_text_and_html() {
        MailTemplates.RenderedMail mail = render(new DirectDebitRejected("6000", "i-1", "2026-000123", "Octobre 2026",
                new BigDecimal("51.50"), LocalDate.of(2026, 11, 5), "RC01", "Code banque (BIC) incorrect", "DURAND",
                "claire.durand@example.fr"), Instant.parse("2026-11-06T08:00:00Z"));

        assertThat(mail.text()).contains("- prélèvement prévu le : 05/11/2026\n",
                "vérifiez le code banque (BIC) de vos coordonnées bancaires et corrigez-le avec « Modifier mes coordonnées "
                        + "bancaires » dans « Facturation ».");
        assertThat(mail.html()).contains("« Modifier mes coordonnées bancaires »", "05/11/2026").doesNotContain("??");
    }

    @Test
    void a_mandate_revoked_without_its_time_takes_the_events_and_one_without_rum_has_no_rum_line() {
        MailTemplates.RenderedMail mail = render(new MandateRevoked("6000", "m-1", null, null, "DURAND",
                "claire.durand@example.fr"), Instant.parse("2026-12-02T09:30:00Z"));

        assertThat(mail.subject()).isEqualTo("Portail Famille : le prélèvement automatique est arrêté");
        assertThat(mail.text()).contains("est révoqué.\n- Arrêté le 02/12/2026 à 10h30\n")
                .doesNotContain("RUM", "??", "null");
        assertThat(mail.html()).contains("02/12/2026 à 10h30").doesNotContain("RUM", "??", "null");
    }

    @Test
    void a_lapsed_mandate_and_an_active_one_with_its_first_debit_render_in_both_parts() {
        MailTemplates.RenderedMail lapsed = render(new MandateLapsed("6000", "m-1", "RUM-6000-000001", null, "DURAND",
                "claire.durand@example.fr"), Instant.parse("2026-12-02T09:30:00Z"));
        MailTemplates.RenderedMail active = render(new MandateActivated("6000", "m-1", "SIGNATURE", "RUM-6000-000001",
                "FR76 **** 189", null, null, null, "DURAND", "claire.durand@example.fr", LocalDate.of(2026, 12, 15)),
                Instant.parse("2026-11-28T09:30:00Z"));

        assertThat(lapsed.subject()).isEqualTo("Portail Famille : votre mandat de prélèvement n'est plus valable");
        assertThat(lapsed.text()).contains("36 mois", "- Aucune facture n'a été prélevée avec ce mandat\n",
                "https://portail.example.fr/facturation/prelevement").doesNotContain("??", "null");
        assertThat(lapsed.html()).contains("36 mois", "Aucune facture n").doesNotContain("??", "null");
        assertThat(active.text()).contains("Premier prélèvement prévu le 15/12/2026.", "- Signé le 28/11/2026 à 10h30")
                .doesNotContain("??", "null");
        assertThat(active.html()).contains("Premier prélèvement prévu le 15/12/2026").doesNotContain("??", "null");
    }

    @Test
    void an_event_without_templates_sends_no_mail() {
        assertThat(templates.templateFor(EventCatalog.entryOf(MessageSent.class).type())).isEmpty();
        assertThat(templates.templateFor(EventCatalog.entryOf(DossierCreated.class).type())).isEmpty();
        assertThat(templates.templateFor("fr.portailfamille.unknown.Thing")).isEmpty();
    }
}
