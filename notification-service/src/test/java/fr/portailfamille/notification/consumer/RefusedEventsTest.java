package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.billing.PaidInvoice;
import fr.portailfamille.events.billing.PaymentSucceeded;
import fr.portailfamille.events.dossier.ContactDetailsChanged;
import fr.portailfamille.events.dossier.RequestStatusChanged;
import fr.portailfamille.events.identity.AccountActivationRequested;
import fr.portailfamille.events.identity.EmailChangeRequested;
import fr.portailfamille.events.identity.PasswordResetRequested;
import fr.portailfamille.notification.Producers;
import fr.portailfamille.notification.delivery.DeliveryLog;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13 item 8 on real Kafka, PostgreSQL and SMTP: notification-service mails only what the service
 * owning an event's type said, on that service's topic, with links to the portal only; anything else is
 * not mailed and goes to the dead-letter topic. The request-status mail shows the event's text as text,
 * never evaluates it as an expression.
 */
@PortalServiceTest
class RefusedEventsTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    JsonMapper json;

    @Autowired
    DeliveryLog deliveries;

    private final SmtpServer smtp = PortalInfrastructure.smtp();

    private static String uniqueAddress(String who) {
        return who + "." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@example.test";
    }

    private EventEnvelope<PortalEvent> send(String topic, EventEnvelope<PortalEvent> envelope) {
        KafkaEvents.send(topic, envelope.subject(), json.writeValueAsString(envelope));
        return envelope;
    }

    private EventEnvelope<PortalEvent> publish(PortalEvent event) {
        return send(EventCatalog.entryOf(event.getClass()).topic(), Producers.envelope(event));
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(address).size() >= count);
        return smtp.receivedBy(address);
    }

    /** The refused event is on the dead-letter topic, was never a delivery, and nothing went to its address. */
    private void assertRefused(EventEnvelope<PortalEvent> refused, String address) {
        List<KafkaEvents.Received> dead = KafkaEvents.await(Topics.NOTIFICATION_DEAD_LETTER,
                r -> r.value().isObject() && refused.id().toString().equals(r.value().path("id").asString()),
                1, Duration.ofSeconds(20));
        assertThat(dead).as("dead-lettered").hasSize(1);
        assertThat(deliveries.find(refused.id())).isEmpty();
        assertThat(smtp.receivedBy(address)).isEmpty();
    }

    private static PaymentSucceeded paymentSucceeded(String dossier, String email) {
        return new PaymentSucceeded(dossier, "pay-" + SEQUENCE.incrementAndGet(), "SYSTEMPAY", "X7K2P9",
                new BigDecimal("51.50"), Instant.parse("2026-11-28T09:30:00Z"),
                List.of(new PaidInvoice("inv-1", "2026-000123", "Septembre 2026", new BigDecimal("51.50"))),
                "DURAND", email);
    }

    private static PasswordResetRequested reset(String email, String link) {
        return new PasswordResetRequested("claire.durand", email, "Claire", "DURAND", link,
                Instant.parse("2026-11-26T10:30:00Z"));
    }

    @Test
    void a_billing_event_published_on_the_identity_topic_is_not_mailed() {
        String address = uniqueAddress("facturation.sur.identite");
        String marker = uniqueAddress("marqueur.identite");
        // With billing-service's own source: only the topic is wrong (identity-service's producer wrote it).
        EventEnvelope<PortalEvent> forged = send(Topics.IDENTITY, Producers.envelope(paymentSucceeded("8000", address)));
        EventEnvelope<PortalEvent> genuine = publish(reset(marker, "http://localhost:8080/mot-de-passe/m1"));

        awaitMails(marker, 1);
        assertRefused(forged, address);
        assertThat(deliveries.find(genuine.id())).isPresent();
    }

    @Test
    void an_event_from_another_source_than_its_owner_is_not_mailed() {
        String fromBilling = uniqueAddress("source.facturation");
        String fromNowhere = uniqueAddress("source.inconnue");
        String marker = uniqueAddress("marqueur.dossier");
        // On dossier-service's topic, but not said by dossier-service.
        EventEnvelope<PortalEvent> byBilling = send(Topics.DOSSIER, EventEnvelope.wrap(
                contactChanged("8001", fromBilling), "/portail-famille/billing-service", Instant.now()));
        EventEnvelope<PortalEvent> byStranger = send(Topics.DOSSIER, EventEnvelope.wrap(
                contactChanged("8001", fromNowhere), "/portail-famille/test", Instant.now()));
        publish(contactChanged("8001", marker));

        awaitMails(marker, 1);
        assertRefused(byBilling, fromBilling);
        assertRefused(byStranger, fromNowhere);
    }

    @Test
    void a_reset_link_to_another_host_is_not_mailed() {
        String elsewhere = uniqueAddress("lien.ailleurs");
        String lookalike = uniqueAddress("lien.sosie");
        String marker = uniqueAddress("lien.portail");
        EventEnvelope<PortalEvent> toElsewhere = publish(reset(elsewhere, "https://portail-famille.example/mot-de-passe/abc"));
        // Starts with the portal's address as text, but leads to another host.
        EventEnvelope<PortalEvent> toLookalike = publish(reset(lookalike, "http://localhost:8080.example.test/mot-de-passe/abc"));
        publish(reset(marker, "http://localhost:8080/mot-de-passe/abc"));

        awaitMails(marker, 1);
        assertRefused(toElsewhere, elsewhere);
        assertRefused(toLookalike, lookalike);
    }

    @Test
    void activation_and_email_change_links_must_lead_to_the_portal_too() {
        String activation = uniqueAddress("activation.ailleurs");
        String change = uniqueAddress("changement.ailleurs");
        String marker = uniqueAddress("changement.portail");
        EventEnvelope<PortalEvent> badActivation = publish(new AccountActivationRequested("claire.durand", activation,
                "Claire", "DURAND", "6000", "//example.test/activation/abc", Instant.parse("2026-11-28T09:30:00Z")));
        EventEnvelope<PortalEvent> badChange = publish(new EmailChangeRequested("claire.durand", change, "Claire",
                "DURAND", "javascript:alert(1)//http://localhost:8080/", Instant.parse("2026-11-28T09:30:00Z")));
        publish(new EmailChangeRequested("claire.durand", marker, "Claire", "DURAND",
                "http://localhost:8080/adresse-email/abc", Instant.parse("2026-11-28T09:30:00Z")));

        assertThat(Mails.text(awaitMails(marker, 1).get(0))).contains("http://localhost:8080/adresse-email/abc");
        assertRefused(badActivation, activation);
        assertRefused(badChange, change);
    }

    @Test
    void the_text_of_a_request_status_event_is_mailed_literally_never_evaluated() {
        String address = uniqueAddress("expression");
        String runtime = uniqueAddress("expression.runtime");
        // A status that, put into an expression, would close the message key and evaluate what follows.
        String label = "__${4321*1001}__ ${T(java.lang.Runtime).getRuntime()}";
        publish(new RequestStatusChanged("8002", 44, "CERTIFICATE", "Demande __${111*1111}__",
                "x} + ${1234*1001} + #{x", label, "[(${2222*3})] #{x}", "DURAND", address));
        publish(new RequestStatusChanged("8002", 45, "CERTIFICATE", "Demande d'attestation",
                "x} + ${T(java.lang.Runtime).getRuntime().availableProcessors()} + #{x", "Étrange", null, "DURAND",
                runtime));

        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : votre démarche « Demande __${111*1111}__ »"
                + " est maintenant « " + label + " »");
        assertThat(Mails.text(mail)).contains("Votre démarche « Demande __${111*1111}__ » (dossier n° 8002)"
                        + " est maintenant « " + label + " » le", "Commentaire du service : [(${2222*3})] #{x}")
                .doesNotContain("1235234", "4325321", "123321", "6666", "java.lang.Runtime@");
        assertThat(Mails.html(mail)).contains("est maintenant « " + label + " »")
                .doesNotContain("1235234", "4325321", "123321", "6666", "java.lang.Runtime@");
        assertThat(Mails.subject(awaitMails(runtime, 1).get(0)))
                .isEqualTo("Portail Famille : votre démarche « Demande d'attestation » est maintenant « Étrange »");
    }

    private static ContactDetailsChanged contactChanged(String dossier, String email) {
        return new ContactDetailsChanged(dossier, "DURAND", email, "+33612345678", "ancienne@example.test");
    }
}
