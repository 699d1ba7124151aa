package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.billing.MandateActivated;
import fr.portailfamille.events.billing.MandateSignatureRequested;
import fr.portailfamille.notification.delivery.DeliveryLog;
import fr.portailfamille.notification.delivery.DeliveryStatus;
import fr.portailfamille.notification.delivery.MailDelivery;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.Mails;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.SmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The direct-debit mandate's mails (issue 12) on real Kafka, PostgreSQL and SMTP: the one-time code
 * that signs a mandate or a change of bank details, then the mandate active with its RUM.
 */
@PortalServiceTest
class MandateMailsTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String MASKED_IBAN = "FR76 **** **** **** **** **** 189";
    private static final String CREDITOR = "Communauté de communes Roussillon Conflent";

    @Autowired
    JsonMapper json;

    @Autowired
    DeliveryLog deliveries;

    private final SmtpServer smtp = PortalInfrastructure.smtp();

    private static String uniqueAddress(String who) {
        return who + "." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@example.test";
    }

    private EventEnvelope<PortalEvent> publish(PortalEvent event) {
        EventEnvelope<PortalEvent> envelope = EventEnvelope.wrap(event, "/portail-famille/test", Instant.now());
        KafkaEvents.send(EventCatalog.entryOf(event.getClass()).topic(), envelope.subject(),
                json.writeValueAsString(envelope));
        return envelope;
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(address).size() >= count);
        return smtp.receivedBy(address);
    }

    /** The text part with its lines as written (SMTP carries CRLF). */
    private static String text(MimeMessage mail) {
        return Mails.text(mail).replace("\r\n", "\n");
    }

    private void awaitSent(EventEnvelope<PortalEvent> envelope, String template) {
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.find(envelope.id())
                .map(MailDelivery::getStatus).orElse(null) == DeliveryStatus.SENT);
        assertThat(deliveries.find(envelope.id()).orElseThrow().getTemplate()).isEqualTo(template);
    }

    private static MandateSignatureRequested codeRequested(String dossier, String purpose, String code, String email) {
        // 09:40 UTC in December is 10h40 in Paris.
        return new MandateSignatureRequested(dossier, UUID.randomUUID().toString(), purpose, code,
                Instant.parse("2026-12-02T09:40:00Z"), MASKED_IBAN, CREDITOR, "DURAND", email);
    }

    private static MandateActivated activated(String dossier, String purpose, String email) {
        // 09:30 UTC in November is 10h30 in Paris.
        return new MandateActivated(dossier, UUID.randomUUID().toString(), purpose, "RUM-" + dossier + "-000042",
                MASKED_IBAN, CREDITOR, "FR12ZZZ123456", Instant.parse("2026-11-28T09:30:00Z"), "DURAND", email);
    }

    @Test
    void a_signature_code_is_mailed_once_to_the_family_big_in_the_html_and_in_the_text_with_its_expiry_in_paris() {
        String address = uniqueAddress("mandat.code");
        EventEnvelope<PortalEvent> envelope = publish(codeRequested("7100", "SIGNATURE", "482915", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : Votre code de signature du mandat de prélèvement");
        assertThat(Mails.recipients(mail)).containsExactly(address);
        assertThat(text(mail))
                .contains("Voici le code qui signe votre mandat de prélèvement SEPA pour le dossier n° 7100 :\n\n    482915\n")
                .contains("reste valable jusqu'à 10h40 (heure de Paris)")
                .contains("vous signez le mandat de prélèvement SEPA qui autorise " + CREDITOR
                        + " à prélever vos factures sur le compte " + MASKED_IBAN + ".")
                .contains("Ne communiquez ce code à personne : les services de " + CREDITOR
                        + " ne vous le demanderont jamais par téléphone.")
                .contains("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : "
                        + "rien ne sera signé sans ce code.")
                .doesNotContain("null");
        assertThat(Mails.html(mail))
                .contains("font-size:2em", ">482915</strong>", "<strong>10h40</strong>", MASKED_IBAN)
                .contains("Ne communiquez ce code à personne : les services de " + CREDITOR)
                .contains("rien ne sera signé sans ce code.")
                .doesNotContain("null");
        awaitSent(envelope, "billing/MandateSignatureRequested");
        // Exactly one: nothing else reached the family's address.
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void a_code_for_new_bank_details_has_its_own_subject_and_says_what_it_signs() {
        String address = uniqueAddress("mandat.code.rib");
        publish(codeRequested("7101", "BANK_DETAILS_CHANGE", "007351", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : Votre code pour modifier vos coordonnées bancaires");
        assertThat(Mails.recipients(mail)).containsExactly(address);
        assertThat(text(mail))
                .contains("    007351\n")
                .contains("vous signez la modification de votre mandat de prélèvement au profit de " + CREDITOR
                        + " : vos factures seront désormais prélevées sur le compte " + MASKED_IBAN + ".")
                .contains("jusqu'à 10h40 (heure de Paris)")
                .doesNotContain("null");
        assertThat(Mails.html(mail)).contains(">007351</strong>").doesNotContain("null");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void an_active_mandate_gives_the_rum_the_masked_iban_the_creditor_the_refund_right_and_how_to_stop() {
        String address = uniqueAddress("mandat.actif");
        EventEnvelope<PortalEvent> envelope = publish(activated("7102", "SIGNATURE", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : Votre mandat de prélèvement est actif");
        assertThat(Mails.recipients(mail)).containsExactly(address);
        assertThat(text(mail))
                .contains("Votre mandat de prélèvement SEPA est signé et actif pour le dossier n° 7102 :")
                .contains("- Référence unique du mandat (RUM) : RUM-7102-000042")
                .contains("- Compte débité : " + MASKED_IBAN)
                .contains("- Créancier : " + CREDITOR)
                .contains("- Identifiant créancier SEPA (ICS) : FR12ZZZ123456")
                .contains("- Signé le 28/11/2026 à 10h30")
                .contains("prélevées sur ce compte à leur date d'échéance", "« Prélèvement prévu »")
                .contains("Vous bénéficiez d'un droit à remboursement par votre banque selon les conditions décrites "
                        + "dans la convention que vous avez passée avec elle ; une demande de remboursement doit être "
                        + "présentée dans les 8 semaines suivant la date de débit de votre compte.")
                .contains("« Arrêter le prélèvement » dans « Facturation » : http://localhost:8080/facturation")
                .doesNotContain("null");
        assertThat(Mails.html(mail))
                .contains("Référence unique du mandat (RUM) : <strong>RUM-7102-000042</strong>")
                .contains(MASKED_IBAN, "FR12ZZZ123456", "28/11/2026 à 10h30", "8 semaines",
                        "« Prélèvement prévu »", "« Arrêter le prélèvement »")
                .contains("href=\"http://localhost:8080/facturation\"", "Ouvrir « Facturation »")
                .doesNotContain("null");
        awaitSent(envelope, "billing/MandateActivated");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void new_bank_details_signed_have_their_own_subject_and_the_same_summary() {
        String address = uniqueAddress("mandat.rib.actif");
        publish(activated("7103", "BANK_DETAILS_CHANGE", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : Vos nouvelles coordonnées bancaires sont enregistrées");
        assertThat(Mails.recipients(mail)).containsExactly(address);
        assertThat(text(mail))
                .contains("Vos nouvelles coordonnées bancaires sont enregistrées sur votre mandat de prélèvement SEPA "
                        + "pour le dossier n° 7103 :")
                .contains("- Référence unique du mandat (RUM) : RUM-7103-000042", "- Compte débité : " + MASKED_IBAN,
                        "- Modification signée le 28/11/2026 à 10h30", "8 semaines")
                .doesNotContain("null");
        assertThat(Mails.html(mail)).contains("RUM-7103-000042", MASKED_IBAN).doesNotContain("null");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void the_same_code_event_delivered_twice_sends_one_mail() {
        assertDeliveredTwiceMailsOnce(codeRequested("7104", "SIGNATURE", "550126", uniqueAddress("code.deux.fois")),
                codeRequested("7104", "SIGNATURE", "550127", uniqueAddress("marqueur.code")));
    }

    @Test
    void the_same_activation_event_delivered_twice_sends_one_mail() {
        assertDeliveredTwiceMailsOnce(activated("7105", "SIGNATURE", uniqueAddress("actif.deux.fois")),
                activated("7105", "SIGNATURE", uniqueAddress("marqueur.actif")));
    }

    /** As {@code EventMailerTest}: the same record twice, then a marker on the same key (same partition). */
    private void assertDeliveredTwiceMailsOnce(PortalEvent event, PortalEvent marker) {
        String address = ((MailRecipient) event).recipientEmail();
        String markerAddress = ((MailRecipient) marker).recipientEmail();
        EventEnvelope<PortalEvent> envelope = EventEnvelope.wrap(event, "/portail-famille/test", Instant.now());
        String payload = json.writeValueAsString(envelope);
        String topic = EventCatalog.entryOf(event.getClass()).topic();

        KafkaEvents.send(topic, envelope.subject(), payload);
        awaitMails(address, 1);
        KafkaEvents.send(topic, envelope.subject(), payload);
        // Same key, same partition: once the marker's mail is here, the duplicate was consumed.
        EventEnvelope<PortalEvent> markerEnvelope = publish(marker);
        assertThat(markerEnvelope.subject()).isEqualTo(envelope.subject());
        awaitMails(markerAddress, 1);

        assertThat(smtp.receivedBy(address)).hasSize(1);
        assertThat(deliveries.find(envelope.id()).orElseThrow().getAttempts()).isEqualTo(1);
    }
}
