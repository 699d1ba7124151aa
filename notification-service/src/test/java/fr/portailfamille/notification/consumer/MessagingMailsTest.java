package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.notification.Producers;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.messaging.MessageReplied;
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
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Messagerie's reply mail to the family on real Kafka, PostgreSQL and SMTP (the agents' digest:
 * {@code digest.AgentDigestTest}).
 */
@PortalServiceTest
class MessagingMailsTest {

    private static final AtomicLong CONVERSATIONS = new AtomicLong(System.currentTimeMillis() * 10);

    @Autowired
    JsonMapper json;

    @Autowired
    DeliveryLog deliveries;

    private final SmtpServer smtp = PortalInfrastructure.smtp();

    private static String uniqueAddress(String who) {
        return who + "." + System.nanoTime() + "@example.test";
    }

    private EventEnvelope<PortalEvent> publish(PortalEvent event) {
        EventEnvelope<PortalEvent> envelope = Producers.envelope(event);
        KafkaEvents.send(EventCatalog.entryOf(event.getClass()).topic(), envelope.subject(),
                json.writeValueAsString(envelope));
        return envelope;
    }

    @Test
    void a_reply_mails_every_known_address_of_the_family_once_with_the_link_and_never_the_content() {
        String last = uniqueAddress("claire.durand");
        String other = uniqueAddress("julien.durand");
        long conversation = CONVERSATIONS.incrementAndGet();
        EventEnvelope<PortalEvent> envelope = publish(new MessageReplied("6100", conversation, "jeunesse",
                "Service Jeunesse", "Claire DURAND", last, List.of(last, other), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.receivedBy(last).isEmpty()
                && !smtp.receivedBy(other).isEmpty());
        MimeMessage mail = smtp.receivedBy(last).get(0);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : Vous avez reçu une réponse du Service Jeunesse");
        assertThat(Mails.recipients(mail)).containsExactly(last, other);
        assertThat(Mails.text(mail)).contains("dossier n° 6100",
                "http://localhost:8080/messagerie/conversations/" + conversation, "connectez-vous pour la lire");
        assertThat(Mails.html(mail)).contains("href=\"http://localhost:8080/messagerie/conversations/" + conversation
                + "\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.find(envelope.id())
                .map(MailDelivery::getStatus).orElse(null) == DeliveryStatus.SENT);
        assertThat(deliveries.find(envelope.id()).orElseThrow().getRecipient()).isEqualTo(last + ", " + other);
        // One mail to both: the SMTP server keeps a copy per mailbox, both of the same message.
        assertThat(smtp.receivedBy(last)).hasSize(2);
        assertThat(smtp.receivedBy(last).stream().map(MessagingMailsTest::messageId).distinct()).hasSize(1);
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_reply_with_no_known_address_sends_nothing_and_is_not_dead_lettered() {
        String marker = uniqueAddress("apres.reponse.sans.adresse");
        EventEnvelope<PortalEvent> addressless = publish(new MessageReplied("6101", CONVERSATIONS.incrementAndGet(),
                "jeunesse", "Service Jeunesse", "Claire DURAND", null, List.of(), Instant.now()));
        // Same dossier, same partition: once the marker's mail is here, the addressless one was consumed.
        publish(new MessageReplied("6101", CONVERSATIONS.incrementAndGet(), "jeunesse", "Service Jeunesse",
                "Claire DURAND", marker, List.of(marker), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.receivedBy(marker).isEmpty());

        assertThat(deliveries.find(addressless.id())).isEmpty();
        assertThat(KafkaEvents.await(Topics.NOTIFICATION_DEAD_LETTER, r -> r.value().isObject()
                && addressless.id().toString().equals(r.value().path("id").asString()), 1, Duration.ofSeconds(3)))
                .isEmpty();
    }
}
