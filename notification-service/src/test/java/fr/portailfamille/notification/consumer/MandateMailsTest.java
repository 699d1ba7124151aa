package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.notification.Producers;
import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.billing.DirectDebitRejected;
import fr.portailfamille.events.billing.MandateActivated;
import fr.portailfamille.events.billing.MandateLapsed;
import fr.portailfamille.events.billing.MandateRevoked;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The direct-debit mails (issue 12) on real Kafka, PostgreSQL and SMTP: the one-time code that signs a
 * mandate or a change of bank details, the mandate active with its RUM (and its first debit when
 * planned), stopped by the family or lapsed after 36 months unused, and a debit the bank rejected.
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
        EventEnvelope<PortalEvent> envelope = Producers.envelope(event);
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
        return activated(dossier, purpose, email, null);
    }

    private static MandateActivated activated(String dossier, String purpose, String email, LocalDate firstDebitDate) {
        // 09:30 UTC in November is 10h30 in Paris.
        return new MandateActivated(dossier, UUID.randomUUID().toString(), purpose, "RUM-" + dossier + "-000042",
                MASKED_IBAN, CREDITOR, "FR12ZZZ123456", Instant.parse("2026-11-28T09:30:00Z"), "DURAND", email,
                firstDebitDate);
    }

    private static DirectDebitRejected rejected(String dossier, BigDecimal amount, String reasonCode, String reasonLabel,
                                                String email) {
        return new DirectDebitRejected(dossier, UUID.randomUUID().toString(), "2026-000123", "Novembre 2026", amount,
                LocalDate.of(2026, 12, 15), reasonCode, reasonLabel, "DURAND", email);
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
        EventEnvelope<PortalEvent> envelope = publish(activated("7102", "SIGNATURE", address,
                LocalDate.of(2026, 12, 15)));

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
                .contains("Premier prélèvement prévu le 15/12/2026. Vos factures suivantes seront prélevées à leur "
                        + "date d'échéance : dans « Facturation », elles apparaissent « Prélèvement prévu »")
                .contains("Vous bénéficiez d'un droit à remboursement par votre banque selon les conditions décrites "
                        + "dans la convention que vous avez passée avec elle ; une demande de remboursement doit être "
                        + "présentée dans les 8 semaines suivant la date de débit de votre compte.")
                .contains("« Arrêter le prélèvement » dans « Facturation » : http://localhost:8080/facturation")
                .doesNotContain("null");
        assertThat(Mails.html(mail))
                .contains("Référence unique du mandat (RUM) : <strong>RUM-7102-000042</strong>")
                .contains(MASKED_IBAN, "FR12ZZZ123456", "28/11/2026 à 10h30", "8 semaines",
                        "<strong>Premier prélèvement prévu le 15/12/2026</strong>",
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
                .contains("Vos factures seront prélevées sur ce compte à leur date d'échéance")
                .doesNotContain("Premier prélèvement", "null");
        assertThat(Mails.html(mail)).contains("RUM-7103-000042", MASKED_IBAN).doesNotContain("null");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void an_active_mandate_without_a_planned_first_debit_says_the_next_invoices_are_debited_at_their_due_date() {
        String address = uniqueAddress("mandat.actif.sans.date");
        publish(activated("7106", "SIGNATURE", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : Votre mandat de prélèvement est actif");
        assertThat(text(mail))
                .contains("Vos prochaines factures seront prélevées à leur date d'échéance : dans « Facturation », "
                        + "elles apparaissent « Prélèvement prévu » et vous n'avez plus à les payer en ligne.")
                .doesNotContain("Premier prélèvement", "null");
        assertThat(Mails.html(mail)).contains("Vos prochaines factures seront prélevées à leur date d'échéance")
                .doesNotContain("Premier prélèvement", "null");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void a_rejected_debit_gives_the_invoice_the_amount_the_date_and_the_reason_and_says_to_pay_it_online() {
        String address = uniqueAddress("prelevement.rejete");
        EventEnvelope<PortalEvent> envelope = publish(rejected("7200", new BigDecimal("51.50"), "AM04",
                "Provision insuffisante", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : votre prélèvement a été rejeté");
        assertThat(Mails.recipients(mail)).containsExactly(address);
        assertThat(text(mail))
                .contains("Votre banque a rejeté le prélèvement d'une facture de votre dossier n° 7200 :\n"
                        + "- facture n° 2026-000123\n"
                        + "- période : Novembre 2026\n"
                        + "- montant : 51,50 €\n"
                        + "- prélèvement prévu le : 15/12/2026\n"
                        + "- motif du rejet : Provision insuffisante\n")
                .contains("Cette facture n'est pas réglée : elle est de nouveau payable en ligne dans « Facturation » : "
                        + "http://localhost:8080/facturation")
                .contains("Vos prochaines factures restent prélevées automatiquement à leur date d'échéance")
                .contains("Pensez à approvisionner votre compte avant la date d'échéance de vos prochaines factures.")
                .doesNotContain("Modifier mes coordonnées bancaires", "FR76", "null");
        assertThat(Mails.html(mail))
                .contains("facture n° <strong>2026-000123</strong>", "Novembre 2026", ">51,50 €</span>", "15/12/2026",
                        "motif du rejet : <strong>Provision insuffisante</strong>",
                        "de nouveau payable en ligne dans « Facturation »", "href=\"http://localhost:8080/facturation\"")
                .doesNotContain("Modifier mes coordonnées bancaires", "FR76", "null");
        awaitSent(envelope, "billing/DirectDebitRejected");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void a_debit_rejected_for_the_account_says_to_check_the_bank_details_and_never_shows_an_iban() {
        // The event has no IBAN to show, nor ever will: none of its components is one.
        assertThat(Arrays.stream(DirectDebitRejected.class.getRecordComponents()).map(c -> c.getName().toLowerCase()))
                .noneMatch(name -> name.contains("iban") || name.contains("account"));
        String address = uniqueAddress("prelevement.rejete.compte");
        publish(rejected("7201", new BigDecimal("1234.5"), "AC04", "Compte clôturé", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : votre prélèvement a été rejeté");
        assertThat(text(mail))
                .contains("- montant : 1 234,50 €", "- motif du rejet : Compte clôturé")
                .contains("Ce motif concerne votre compte : indiquez votre nouveau compte avec « Modifier mes coordonnées "
                        + "bancaires » dans « Facturation »")
                .contains("Vos prochaines factures restent prélevées")
                .doesNotContain("FR76", "null");
        assertThat(Mails.html(mail))
                .contains("1 234,50 €", "Compte clôturé", "« Modifier mes coordonnées bancaires »")
                .doesNotContain("FR76", "null");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void a_lapsed_mandate_says_it_is_no_longer_valid_after_36_months_and_how_to_join_again() {
        String address = uniqueAddress("mandat.caduc");
        EventEnvelope<PortalEvent> envelope = publish(new MandateLapsed("7300", UUID.randomUUID().toString(),
                "RUM-7300-000042", LocalDate.of(2023, 11, 15), "DURAND", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : votre mandat de prélèvement n'est plus valable");
        assertThat(Mails.recipients(mail)).containsExactly(address);
        assertThat(text(mail))
                .contains("Votre mandat de prélèvement SEPA pour le dossier n° 7300 n'est plus valable : selon les règles "
                        + "du prélèvement SEPA, un mandat qui n'a servi à aucun prélèvement pendant 36 mois cesse "
                        + "d'être valable.")
                .contains("- Référence unique du mandat (RUM) : RUM-7300-000042\n- Dernier prélèvement le 15/11/2023\n")
                .contains("Vos factures ne seront donc plus prélevées : payez-les en ligne, en toute sécurité, dans "
                        + "« Facturation » : http://localhost:8080/facturation")
                .contains("« Adhérer au prélèvement automatique » dans « Facturation » : "
                        + "http://localhost:8080/facturation/prelevement")
                .doesNotContain("null");
        assertThat(Mails.html(mail))
                .contains("<strong>RUM-7300-000042</strong>", "Dernier prélèvement le 15/11/2023", "36 mois",
                        "« Adhérer au prélèvement automatique »", "href=\"http://localhost:8080/facturation/prelevement\"")
                .doesNotContain("null");
        awaitSent(envelope, "billing/MandateLapsed");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void a_lapsed_mandate_never_debited_says_so() {
        String address = uniqueAddress("mandat.caduc.jamais");
        publish(new MandateLapsed("7301", UUID.randomUUID().toString(), "RUM-7301-000042", null, "DURAND", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(text(mail)).contains("- Aucune facture n'a été prélevée avec ce mandat\n")
                .doesNotContain("Dernier prélèvement", "null");
        assertThat(Mails.html(mail)).contains("Aucune facture n&#39;a été prélevée avec ce mandat")
                .doesNotContain("Dernier prélèvement", "null");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void a_revoked_mandate_says_invoices_are_paid_online_from_the_next_file_but_one_already_sent_is_still_debited() {
        String address = uniqueAddress("mandat.revoque");
        // 09:30 UTC in December is 10h30 in Paris.
        EventEnvelope<PortalEvent> envelope = publish(new MandateRevoked("7400", UUID.randomUUID().toString(),
                "RUM-7400-000042", Instant.parse("2026-12-02T09:30:00Z"), "DURAND", address));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : le prélèvement automatique est arrêté");
        assertThat(Mails.recipients(mail)).containsExactly(address);
        assertThat(text(mail))
                .contains("Le prélèvement automatique de vos factures est arrêté pour le dossier n° 7400 : votre mandat "
                        + "de prélèvement SEPA est révoqué.")
                .contains("- Référence unique du mandat (RUM) : RUM-7400-000042\n- Arrêté le 02/12/2026 à 10h30\n")
                .contains("À partir du prochain fichier de prélèvement, vos factures ne seront plus prélevées : "
                        + "payez-les en ligne, en toute sécurité, dans « Facturation » : http://localhost:8080/facturation")
                .contains("Une facture déjà comprise dans un fichier de prélèvement envoyé à la banque sera tout de même "
                        + "prélevée à la date prévue : ne la payez pas en ligne.")
                .contains("« Adhérer au prélèvement automatique »")
                .contains("Si vous n'êtes pas à l'origine de cet arrêt, écrivez au service Facturation")
                .doesNotContain("null");
        assertThat(Mails.html(mail))
                .contains("<strong>RUM-7400-000042</strong>", "02/12/2026 à 10h30", "prochain fichier de prélèvement",
                        "sera tout de même prélevée", "href=\"http://localhost:8080/facturation\"")
                .doesNotContain("null");
        awaitSent(envelope, "billing/MandateRevoked");
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
        EventEnvelope<PortalEvent> envelope = Producers.envelope(event);
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
