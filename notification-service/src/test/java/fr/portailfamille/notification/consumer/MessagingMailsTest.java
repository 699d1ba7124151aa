package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.messaging.MessageReplied;
import fr.portailfamille.events.messaging.MessageSent;
import fr.portailfamille.notification.delivery.DeliveryLog;
import fr.portailfamille.notification.delivery.DeliveryStatus;
import fr.portailfamille.notification.delivery.MailDelivery;
import fr.portailfamille.notification.digest.MessageDigests;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Messagerie's mails on real Kafka, PostgreSQL and SMTP: the family's reply mail, and the agents'
 * digest (the tests' interval is 1 s and nothing is scheduled: the tests call the check themselves).
 */
@PortalServiceTest
class MessagingMailsTest {

    private static final AtomicLong CONVERSATIONS = new AtomicLong(System.currentTimeMillis() * 10);

    @Autowired
    JsonMapper json;

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    MessageDigests digests;

    private final SmtpServer smtp = PortalInfrastructure.smtp();

    private static String uniqueAddress(String who) {
        return who + "." + System.nanoTime() + "@example.test";
    }

    private EventEnvelope<PortalEvent> publish(PortalEvent event) {
        EventEnvelope<PortalEvent> envelope = EventEnvelope.wrap(event, "/portail-famille/test", Instant.now());
        KafkaEvents.send(EventCatalog.entryOf(event.getClass()).topic(), envelope.subject(),
                json.writeValueAsString(envelope));
        return envelope;
    }

    private static MessageSent sent(String service, long conversation, String subject, boolean first, Instant at) {
        return new MessageSent("6200", conversation, service, "Service Test", "Inscriptions", subject,
                "Claire DURAND", first, at);
    }

    private void awaitPending(String service, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> digests.pending(service) >= count);
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

    @Test
    void several_messages_make_one_digest_per_service_listing_them_all_counted_once_and_never_sent_twice() {
        String boxOne = "boite.digest-one@example.test";
        String boxTwo = "boite.digest-two@example.test";
        int beforeOne = smtp.receivedBy(boxOne).size();
        int beforeTwo = smtp.receivedBy(boxTwo).size();
        long first = CONVERSATIONS.incrementAndGet();
        long second = CONVERSATIONS.incrementAndGet();
        long third = CONVERSATIONS.incrementAndGet();
        EventEnvelope<PortalEvent> opening = EventEnvelope.wrap(sent("test-digest-one", first,
                "Inscription au centre de loisirs", true, Instant.parse("2026-07-01T08:30:00Z")),
                "/portail-famille/test", Instant.now());
        String openingPayload = json.writeValueAsString(opening);
        KafkaEvents.send(Topics.MESSAGING, "6200", openingPayload);
        publish(sent("test-digest-one", first, "Inscription au centre de loisirs", false,
                Instant.parse("2026-07-01T09:00:00Z")));
        publish(sent("test-digest-one", second, "Question sur les tarifs", true, Instant.parse("2026-07-01T09:15:00Z")));
        KafkaEvents.send(Topics.MESSAGING, "6200", openingPayload); // Kafka delivers it again: counted once
        publish(sent("test-digest-two", third, "Problème de connexion", true, Instant.parse("2026-07-01T09:20:00Z")));
        awaitPending("test-digest-two", 1);
        assertThat(digests.pending("test-digest-one")).isEqualTo(3);

        assertThat(digests.sendDueDigests()).isGreaterThanOrEqualTo(2);

        assertThat(smtp.receivedBy(boxOne)).hasSize(beforeOne + 1);
        assertThat(smtp.receivedBy(boxTwo)).hasSize(beforeTwo + 1);
        MimeMessage one = smtp.receivedBy(boxOne).get(beforeOne);
        assertThat(Mails.subject(one))
                .isEqualTo("Portail Famille : nouveaux messages des familles — Service Test (2 conversations)");
        assertThat(Mails.text(one)).contains("3 messages dans 2 conversations",
                "- Nouvelle conversation (2 messages) — Service Test, Inscriptions",
                "Objet : « Inscription au centre de loisirs »", "Objet : « Question sur les tarifs »",
                "Dossier n° 6200 (Claire DURAND) — le 01/07/2026 à 11h00", "le 01/07/2026 à 11h15",
                "http://localhost:8080/agent/messagerie").doesNotContain("Problème de connexion");
        assertThat(Mails.html(one)).contains("href=\"http://localhost:8080/agent/messagerie\"");
        assertThat(Mails.text(smtp.receivedBy(boxTwo).get(beforeTwo))).contains("Objet : « Problème de connexion »");
        assertThat(digests.pending("test-digest-one")).isZero();

        // Past the interval, nothing new: no second digest of the same messages.
        await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
        digests.sendDueDigests();
        assertThat(smtp.receivedBy(boxOne)).hasSize(beforeOne + 1);
        assertThat(smtp.receivedBy(boxTwo)).hasSize(beforeTwo + 1);
    }

    @Test
    void nothing_new_sends_no_digest_and_two_instances_checking_at_once_send_one() throws Exception {
        String box = "boite.digest-three@example.test";
        int before = smtp.receivedBy(box).size();
        await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
        digests.sendDueDigests();
        assertThat(smtp.receivedBy(box)).hasSize(before);

        publish(sent("test-digest-three", CONVERSATIONS.incrementAndGet(), "Première demande", true, Instant.now()));
        publish(sent("test-digest-three", CONVERSATIONS.incrementAndGet(), "Seconde demande", true, Instant.now()));
        awaitPending("test-digest-three", 2);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(digests::sendDueDigests);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(digests::sendDueDigests);
        a.get();
        b.get();

        assertThat(smtp.receivedBy(box)).hasSize(before + 1);
        assertThat(Mails.text(smtp.receivedBy(box).get(before))).contains("Première demande", "Seconde demande");
    }

    @Test
    void a_service_gets_at_most_one_digest_per_interval() {
        String box = "boite.digest-interval@example.test";
        int before = smtp.receivedBy(box).size();
        publish(sent("test-digest-interval", CONVERSATIONS.incrementAndGet(), "Avant", true, Instant.now()));
        awaitPending("test-digest-interval", 1);
        await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
        digests.sendDueDigests();
        assertThat(smtp.receivedBy(box)).hasSize(before + 1);

        publish(sent("test-digest-interval", CONVERSATIONS.incrementAndGet(), "Après", true, Instant.now()));
        awaitPending("test-digest-interval", 1);
        digests.sendDueDigests();
        assertThat(smtp.receivedBy(box)).as("within the interval: it waits").hasSize(before + 1);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
            digests.sendDueDigests();
            return smtp.receivedBy(box).size() == before + 2;
        });
        assertThat(Mails.text(smtp.receivedBy(box).get(before + 1))).contains("« Après »").doesNotContain("« Avant »");
    }
}
