package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.notification.Producers;
import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.billing.InvoiceIssued;
import fr.portailfamille.events.billing.PaidInvoice;
import fr.portailfamille.events.billing.PaymentSucceeded;
import fr.portailfamille.events.dossier.ContactDetailsChanged;
import fr.portailfamille.events.dossier.DocumentPublished;
import fr.portailfamille.events.identity.AccountActivationRequested;
import fr.portailfamille.events.identity.AccountLinkedToDossier;
import fr.portailfamille.events.identity.PasswordResetRequested;
import fr.portailfamille.events.dossier.DossierCreated;
import fr.portailfamille.events.dossier.RequestStatusChanged;
import fr.portailfamille.notification.delivery.DeliveryLog;
import fr.portailfamille.notification.delivery.DeliveryStatus;
import fr.portailfamille.notification.delivery.MailDelivery;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.Mails;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.SmtpServer;
import fr.portailfamille.testsupport.RunningService;
import fr.portailfamille.testsupport.StandardServiceChecks;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PortalServiceTest
class EventMailerTest extends RunningService implements StandardServiceChecks {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    JsonMapper json;

    @Autowired
    DeliveryLog deliveries;

    private final SmtpServer smtp = PortalInfrastructure.smtp();

    @Override
    public String protectedPath() {
        return "/api/notification/anything";
    }

    @Override
    public List<String> deploymentSecrets() {
        return List.of("SPRING_DATASOURCE_PASSWORD", "PORTAL_KEYCLOAK_CLIENT_SECRET");
    }

    @AfterEach
    void smtpBack() {
        smtp.start();
    }

    private static String uniqueAddress(String who) {
        return who + "." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@example.test";
    }

    private EventEnvelope<PortalEvent> publish(PortalEvent event) {
        EventEnvelope<PortalEvent> envelope = Producers.envelope(event);
        KafkaEvents.send(EventCatalog.entryOf(event.getClass()).topic(), envelope.subject(),
                json.writeValueAsString(envelope));
        return envelope;
    }

    private static ContactDetailsChanged contactChanged(String dossier, String email) {
        return new ContactDetailsChanged(dossier, "DURAND", email, "+33612345678", "ancienne@example.test");
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(address).size() >= count);
        return smtp.receivedBy(address);
    }

    @Test
    void contact_details_changed_sends_a_french_mail_from_the_authority() {
        String address = uniqueAddress("marie.durand");
        EventEnvelope<PortalEvent> envelope = publish(contactChanged("6000", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : vos coordonnées ont été modifiées");
        assertThat(Mails.from(mail)).isEqualTo("portail-famille@roussillon-conflent.fr");
        assertThat(Mails.text(mail)).contains("dossier n° 6000", "famille DURAND", address, "+33612345678",
                "Communauté de communes Roussillon Conflent");
        assertThat(Mails.html(mail)).contains("<strong>6000</strong>", "href=\"http://localhost:8080\"",
                "Ouvrir le portail");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.find(envelope.id())
                .map(MailDelivery::getStatus).orElse(null) == DeliveryStatus.SENT);
        MailDelivery delivery = deliveries.find(envelope.id()).orElseThrow();
        assertThat(delivery.getRecipient()).isEqualTo(address);
        assertThat(delivery.getTemplate()).isEqualTo("dossier/ContactDetailsChanged");
        assertThat(delivery.getAttempts()).isEqualTo(1);
        assertThat(delivery.getSentAt()).isNotNull();
    }

    @Test
    void a_request_status_change_tells_the_family_in_french_with_the_agents_comment() {
        String address = uniqueAddress("demarche");
        publish(new RequestStatusChanged("6000", 42, "CERTIFICATE", "Demande d'attestation", "ACCEPTED", "Acceptée",
                "Attestation déposée dans vos documents.", "DURAND", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : votre démarche « Demande d'attestation » a été acceptée");
        assertThat(Mails.text(mail)).contains("dossier n° 6000", "a été acceptée le",
                "Commentaire du service : Attestation déposée dans vos documents.", "http://localhost:8080/mon-dossier");
        assertThat(Mails.html(mail)).contains("<strong>Demande d&#39;attestation</strong>", "Voir mes démarches");
    }

    @Test
    void a_contact_change_with_guardians_lists_each_ones_new_address() {
        String address = uniqueAddress("claire.durand");
        publish(new ContactDetailsChanged("6000", "DURAND", address, "+33781223344", "ancienne@example.test",
                List.of(new ContactDetailsChanged.Guardian(1, "MADAME", "Claire", "DURAND", address, "+33781223344",
                        null, null, "12 avenue du Canigou", "Bâtiment B", "66500", "Prades"))));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.text(mail)).contains("Claire DURAND", "12 avenue du Canigou, Bâtiment B, 66500 Prades",
                "+33781223344");
        assertThat(Mails.html(mail)).contains("<strong>Claire DURAND</strong>", "66500 Prades");
    }

    @Test
    void a_published_document_tells_the_family_without_attaching_the_file() throws Exception {
        String address = uniqueAddress("document");
        publish(new DocumentPublished("6000", 7, "ATTESTATION", "Attestation", "Attestation de présence 2026",
                "DURAND", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : un nouveau document est disponible dans votre espace");
        assertThat(Mails.text(mail)).contains("dossier n° 6000", "Attestation — Attestation de présence 2026",
                "http://localhost:8080/mon-dossier/documents");
        assertThat(Mails.html(mail)).contains("Ouvrir « Mes documents »", "connectez-vous pour le télécharger");
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        mail.writeTo(raw);
        assertThat(raw.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContainIgnoringCase("Content-Disposition: attachment");
    }

    @Test
    void a_registration_gets_the_activation_mail_with_its_single_use_link_and_expiry_in_paris_time() {
        String address = uniqueAddress("inscription");
        publish(new AccountActivationRequested("claire.durand", address, "Claire", "DURAND", "6000",
                "http://localhost:8080/activation/abcDEF123", Instant.parse("2026-11-28T09:30:00Z")));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : activez votre compte");
        assertThat(Mails.text(mail)).contains("« claire.durand »", "dossier n° 6000",
                "http://localhost:8080/activation/abcDEF123", "28/11/2026 à 10h30");
        assertThat(Mails.html(mail)).contains("href=\"http://localhost:8080/activation/abcDEF123\"", "Activez votre compte");
    }

    @Test
    void a_password_reset_mail_carries_the_link_never_a_password_and_a_second_account_is_told_to_the_first() {
        String address = uniqueAddress("oubli");
        publish(new PasswordResetRequested("claire.durand", address, "Claire", "DURAND",
                "http://localhost:8080/mot-de-passe/xyz789", Instant.parse("2026-11-26T10:30:00Z")));
        String holder = uniqueAddress("titulaire");
        publish(new AccountLinkedToDossier("claire.durand", holder, "Claire", "DURAND", "6000", "Julien DURAND"));

        MimeMessage reset = awaitMails(address, 1).get(0);
        MimeMessage linked = awaitMails(holder, 1).get(0);

        assertThat(Mails.subject(reset)).isEqualTo("Portail Famille : choisissez un nouveau mot de passe");
        assertThat(Mails.text(reset)).contains("http://localhost:8080/mot-de-passe/xyz789", "26/11/2026 à 11h30")
                .doesNotContainIgnoringCase("mot de passe est");
        assertThat(Mails.subject(linked)).isEqualTo("Portail Famille : un nouveau compte a été relié à votre dossier");
        assertThat(Mails.text(linked)).contains("Julien DURAND", "dossier n° 6000");
    }

    @Test
    void a_refusal_without_comment_says_so_without_an_empty_comment_line() {
        String address = uniqueAddress("refus");
        publish(new RequestStatusChanged("6000", 43, "CHILD_INFORMATION_CHANGE",
                "Demande de modification d'informations enfant", "IN_PROGRESS", "En cours de traitement", null,
                "DURAND", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).endsWith("« Demande de modification d'informations enfant » est en cours de traitement");
        assertThat(Mails.text(mail)).doesNotContain("Commentaire du service");
    }

    @Test
    void the_same_event_delivered_twice_sends_one_mail() {
        String address = uniqueAddress("deux.fois");
        String marker = uniqueAddress("marqueur");
        EventEnvelope<PortalEvent> envelope = Producers.envelope(contactChanged("6001", address));
        String payload = json.writeValueAsString(envelope);

        KafkaEvents.send(Topics.DOSSIER, "6001", payload);
        awaitMails(address, 1);
        KafkaEvents.send(Topics.DOSSIER, "6001", payload);
        // Same key, same partition: once the marker's mail is here, the duplicate was consumed.
        publish(contactChanged("6001", marker));
        awaitMails(marker, 1);

        assertThat(smtp.receivedBy(address)).hasSize(1);
        assertThat(deliveries.find(envelope.id()).orElseThrow().getAttempts()).isEqualTo(1);
    }

    private static PaymentSucceeded paymentSucceeded(String dossier, String email) {
        return new PaymentSucceeded(dossier, "pay-" + SEQUENCE.incrementAndGet(), "SYSTEMPAY", "X7K2P9",
                new BigDecimal("51.50"), Instant.parse("2026-11-28T09:30:00Z"),
                List.of(new PaidInvoice("inv-1", "2026-000123", "Septembre 2026", new BigDecimal("51.50"))),
                "DURAND", email);
    }

    @Test
    void a_payment_received_mails_the_receipt_with_the_amount_and_the_invoice() {
        String address = uniqueAddress("paiement");
        EventEnvelope<PortalEvent> envelope = publish(paymentSucceeded("7000", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : Paiement reçu — 51,50 €");
        assertThat(Mails.recipients(mail)).containsExactly(address);
        assertThat(Mails.text(mail)).contains("dossier n° 7000", "- montant : 51,50 €", "- date : 28/11/2026 à 10h30",
                "- moyen de paiement : carte bancaire", "- référence de la transaction : X7K2P9",
                "- n° 2026-000123 — Septembre 2026 — 51,50 €", "http://localhost:8080/facturation");
        assertThat(Mails.html(mail)).contains("51,50 €", "n° 2026-000123", "href=\"http://localhost:8080/facturation\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.find(envelope.id())
                .map(MailDelivery::getStatus).orElse(null) == DeliveryStatus.SENT);
        assertThat(deliveries.find(envelope.id()).orElseThrow().getTemplate()).isEqualTo("billing/PaymentSucceeded");
    }

    @Test
    void the_same_payment_event_delivered_twice_sends_one_receipt() {
        String address = uniqueAddress("recu.deux.fois");
        String marker = uniqueAddress("marqueur.facturation");
        EventEnvelope<PortalEvent> envelope = Producers.envelope(paymentSucceeded("7001", address));
        String payload = json.writeValueAsString(envelope);

        KafkaEvents.send(Topics.BILLING, "7001", payload);
        awaitMails(address, 1);
        KafkaEvents.send(Topics.BILLING, "7001", payload);
        // Same key, same partition: once the marker's mail is here, the duplicate was consumed.
        publish(paymentSucceeded("7001", marker));
        awaitMails(marker, 1);

        assertThat(smtp.receivedBy(address)).hasSize(1);
        assertThat(deliveries.find(envelope.id()).orElseThrow().getAttempts()).isEqualTo(1);
    }

    @Test
    void a_new_invoice_is_announced_with_its_due_date_and_never_with_the_pdf_attached() throws Exception {
        String address = uniqueAddress("facture");
        publish(new InvoiceIssued("7002", "inv-9", "2026-000123", "Septembre 2026", new BigDecimal("51.50"),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "facture-2026-000123.pdf", 48_213,
                "/api/billing/invoices/inv-9/pdf", "DURAND", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : Nouvelle facture disponible — Septembre 2026");
        assertThat(Mails.text(mail)).contains("- montant : 51,50 €", "- à payer avant le : 31/10/2026",
                "http://localhost:8080/facturation", "« Mes documents »");
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        mail.writeTo(raw);
        assertThat(raw.toString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContainIgnoringCase("Content-Disposition: attachment")
                .doesNotContain("application/pdf", "facture-2026-000123.pdf");
    }

    @Test
    void an_event_without_an_address_sends_nothing_is_not_dead_lettered_and_the_consumer_goes_on() {
        String marker = uniqueAddress("apres.sans.adresse");
        // Written before billing carried the family's address: no e-mail to write to.
        EventEnvelope<PortalEvent> addressless = publish(new InvoiceIssued("7003", "inv-10", "2026-000124",
                "Octobre 2026", new BigDecimal("12.00"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                "f.pdf", 1, "/p"));
        publish(paymentSucceeded("7003", marker));

        awaitMails(marker, 1);

        assertThat(deliveries.find(addressless.id())).isEmpty();
        assertThat(KafkaEvents.await(Topics.NOTIFICATION_DEAD_LETTER, r -> r.value().isObject()
                && addressless.id().toString().equals(r.value().path("id").asString()), 1, Duration.ofSeconds(3)))
                .isEmpty();
    }

    @Test
    void events_without_a_template_are_ignored_and_the_consumer_goes_on() {
        String created = uniqueAddress("cree");
        String unknown = uniqueAddress("inconnu");
        String marker = uniqueAddress("marqueur");
        EventEnvelope<PortalEvent> dossierCreated = publish(new DossierCreated("6002", "MARTIN", created));
        UUID unknownId = UUID.randomUUID();
        KafkaEvents.send(Topics.DOSSIER, "6002", """
                {"specversion":"1.0","id":"%s","type":"fr.portailfamille.dossier.SomethingNew",
                 "source":"/portail-famille/future","time":"2026-11-26T10:00:00Z","subject":"6002",
                 "data":{"email":"%s"}}""".formatted(unknownId, unknown));
        publish(contactChanged("6002", marker));

        awaitMails(marker, 1);

        assertThat(smtp.receivedBy(created)).isEmpty();
        assertThat(smtp.receivedBy(unknown)).isEmpty();
        assertThat(deliveries.find(dossierCreated.id())).isEmpty();
        assertThat(deliveries.find(unknownId)).isEmpty();
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_and_the_consumer_goes_on() {
        String marker = uniqueAddress("apres.illisible");
        String garbage = "ceci n'est pas un événement " + UUID.randomUUID();

        KafkaEvents.send(Topics.DOSSIER, "6003", garbage);
        publish(contactChanged("6003", marker));

        awaitMails(marker, 1);
        List<KafkaEvents.Received> dead = KafkaEvents.await(Topics.NOTIFICATION_DEAD_LETTER,
                r -> r.value().isString() && garbage.equals(r.value().asString()), 1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo("6003");
    }

    @Test
    void smtp_down_retries_then_marks_failed_and_dead_letters_the_event() {
        String address = uniqueAddress("smtp.panne");
        smtp.stop();

        EventEnvelope<PortalEvent> envelope = publish(contactChanged("6004", address));

        await().atMost(Duration.ofSeconds(40)).until(() -> deliveries.find(envelope.id())
                .map(MailDelivery::getStatus).orElse(null) == DeliveryStatus.FAILED);
        MailDelivery delivery = deliveries.find(envelope.id()).orElseThrow();
        assertThat(delivery.getAttempts()).isEqualTo(4);
        assertThat(delivery.getLastError()).isNotBlank();
        List<KafkaEvents.Received> dead = KafkaEvents.await(Topics.NOTIFICATION_DEAD_LETTER,
                r -> r.value().isObject() && envelope.id().toString().equals(r.value().get("id").asString()),
                1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        smtp.start();
        assertThat(smtp.receivedBy(address)).isEmpty();
    }

    @Test
    void smtp_back_within_the_retry_budget_delivers_exactly_once() {
        String address = uniqueAddress("smtp.retour");
        smtp.stop();

        EventEnvelope<PortalEvent> envelope = publish(contactChanged("6005", address));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.find(envelope.id())
                .map(d -> d.getLastError() != null).orElse(false));
        smtp.start();

        awaitMails(address, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.find(envelope.id())
                .map(MailDelivery::getStatus).orElse(null) == DeliveryStatus.SENT);
        assertThat(deliveries.find(envelope.id()).orElseThrow().getAttempts()).isBetween(2, 4);
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void every_event_with_a_template_has_all_three_parts_and_names_a_recipient() {
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            String name = entry.templateName();
            if (new ClassPathResource("mail/" + name + ".html").exists()) {
                assertThat(new ClassPathResource("mail/" + name + ".txt").exists()).as(name + ".txt").isTrue();
                assertThat(new ClassPathResource("mail/" + name + ".subject.txt").exists())
                        .as(name + ".subject.txt").isTrue();
                assertThat(MailRecipient.class).as(name).isAssignableFrom(entry.recordClass());
            }
        }
        assertThat(Optional.of(EventCatalog.entryOf(ContactDetailsChanged.class).templateName()))
                .contains("dossier/ContactDetailsChanged");
    }
}
