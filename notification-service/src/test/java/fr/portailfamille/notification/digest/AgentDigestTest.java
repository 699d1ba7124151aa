package fr.portailfamille.notification.digest;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.notification.Producers;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.messaging.MessageSent;
import fr.portailfamille.notification.IdentityServiceStub;
import fr.portailfamille.notification.IdentityServiceStub.StubAgent;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.Mails;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.SmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agents' digest on real Kafka, PostgreSQL, SMTP and Keycloak (notification-service's own token), with
 * identity-service's directory played by {@link IdentityServiceStub} (each test its own services and agents).
 * Nothing is scheduled and the interval is the real hour: the tests call the check themselves, and « the
 * hour has passed » is the agents' last digest moved two hours back in the database.
 */
@PortalServiceTest
class AgentDigestTest {

    private static final AtomicLong CONVERSATIONS = new AtomicLong(System.currentTimeMillis() * 10);
    private static final IdentityServiceStub IDENTITY = IdentityServiceStub.shared();

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageDigests digests;

    private final SmtpServer smtp = PortalInfrastructure.smtp();

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static StubAgent agent(String username) {
        String unique = unique(username);
        return new StubAgent(UUID.randomUUID().toString(), unique, unique + "@roussillon-conflent.example",
                "Agent " + username);
    }

    private void publish(MessageSent message) {
        EventEnvelope<PortalEvent> envelope = Producers.envelope(message);
        KafkaEvents.send(EventCatalog.entryOf(MessageSent.class).topic(), envelope.subject(),
                json.writeValueAsString(envelope));
    }

    private static MessageSent sent(String service, long conversation, String subject, boolean first, Instant at) {
        return new MessageSent("6200", conversation, service, "Service Jeunesse", "Inscriptions", subject,
                "Claire DURAND", first, at);
    }

    /** Waits until the consumer has kept {@code count} messages of the service (Kafka is asynchronous). */
    private void awaitCollected(String service, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> digests.collected(service) >= count);
    }

    private int mailsTo(StubAgent agent) {
        return smtp.receivedBy(agent.email()).size();
    }

    /** The hour has passed for every agent of the service. */
    private void anHourLater(String service) {
        jdbc.sql("update message_digest_agent set last_sent_at = last_sent_at - interval '2 hours' "
                + "where service_code = :code and last_sent_at is not null").param("code", service).update();
    }

    private int deliveries(String service) {
        return jdbc.sql("select count(*) from message_digest_delivery d join message_digest_entry e on e.id = d.entry_id "
                + "where e.service_code = :code").param("code", service).query(Integer.class).single();
    }

    @Test
    void several_messages_within_the_hour_make_one_mail_per_agent_of_the_service_listing_them_all_and_none_elsewhere() {
        String jeunesse = unique("jeunesse");
        String enfance = unique("enfance");
        StubAgent julie = agent("julie");
        StubAgent marc = agent("marc");
        StubAgent nadia = agent("nadia");
        StubAgent noEmail = new StubAgent(UUID.randomUUID().toString(), unique("sans-adresse"), null, null);
        IDENTITY.agents(jeunesse, julie, marc, noEmail);
        IDENTITY.agents(enfance, nadia);
        int refusedBefore = IDENTITY.refused();
        long first = CONVERSATIONS.incrementAndGet();
        long second = CONVERSATIONS.incrementAndGet();
        EventEnvelope<PortalEvent> opening = Producers.envelope(sent(jeunesse, first,
                "Inscription au centre de loisirs", true, Instant.parse("2026-07-01T08:30:00Z")));
        String openingPayload = json.writeValueAsString(opening);
        KafkaEvents.send(Topics.MESSAGING, "6200", openingPayload);
        publish(sent(jeunesse, first, "Inscription au centre de loisirs", false, Instant.parse("2026-07-01T09:00:00Z")));
        publish(sent(jeunesse, second, "Question sur les tarifs", true, Instant.parse("2026-07-01T09:15:00Z")));
        KafkaEvents.send(Topics.MESSAGING, "6200", openingPayload); // Kafka delivers it again: counted once
        awaitCollected(jeunesse, 3);

        assertThat(digests.sendDueDigests()).isGreaterThanOrEqualTo(2);

        assertThat(mailsTo(julie)).isEqualTo(1);
        assertThat(mailsTo(marc)).isEqualTo(1);
        assertThat(mailsTo(nadia)).as("no message to Enfance: no mail to its agent").isZero();
        assertThat(IDENTITY.refused()).as("the real Keycloak's token carries agents-directory").isEqualTo(refusedBefore);
        for (StubAgent agent : new StubAgent[] {julie, marc}) {
            MimeMessage mail = smtp.receivedBy(agent.email()).get(0);
            assertThat(Mails.recipients(mail)).as("each agent alone in To").containsExactly(agent.email());
            assertThat(Mails.subject(mail))
                    .isEqualTo("Portail Famille : nouveaux messages des familles — Service Jeunesse (2 conversations)");
            assertThat(Mails.text(mail)).contains("3 messages dans 2 conversations",
                    "- Nouvelle conversation (2 messages) — Service Jeunesse, Inscriptions",
                    "Objet : « Inscription au centre de loisirs »", "Objet : « Question sur les tarifs »",
                    "Dossier n° 6200 (Claire DURAND) — le 01/07/2026 à 11h00", "le 01/07/2026 à 11h15",
                    "http://localhost:8080/agent/messagerie");
            assertThat(Mails.html(mail)).contains("href=\"http://localhost:8080/agent/messagerie\"");
        }
        assertThat(digests.pending(jeunesse)).isZero();
        assertThat(deliveries(jeunesse)).as("3 messages told to 2 agents").isEqualTo(6);

        // Within the hour: a new message waits, a second check sends nothing.
        publish(sent(jeunesse, CONVERSATIONS.incrementAndGet(), "Après le récapitulatif", true, Instant.now()));
        awaitCollected(jeunesse, 4);
        digests.sendDueDigests();
        assertThat(mailsTo(julie)).isEqualTo(1);
        assertThat(mailsTo(marc)).isEqualTo(1);

        // The hour has passed: one more mail each, with the new message only.
        anHourLater(jeunesse);
        digests.sendDueDigests();
        assertThat(mailsTo(julie)).isEqualTo(2);
        assertThat(mailsTo(marc)).isEqualTo(2);
        assertThat(Mails.text(smtp.receivedBy(julie.email()).get(1))).contains("« Après le récapitulatif »")
                .doesNotContain("Inscription au centre de loisirs", "Question sur les tarifs");
        assertThat(mailsTo(nadia)).isZero();

        // Past the hour again with nothing new: nothing sent twice.
        anHourLater(jeunesse);
        digests.sendDueDigests();
        assertThat(mailsTo(julie)).isEqualTo(2);
        assertThat(mailsTo(marc)).isEqualTo(2);
    }

    @Test
    void the_directory_down_sends_and_marks_nothing_and_the_next_check_sends_each_agent_one_digest() {
        String service = unique("jeunesse");
        StubAgent julie = agent("julie");
        StubAgent marc = agent("marc");
        IDENTITY.agents(service, julie, marc);
        IDENTITY.down(service);
        publish(sent(service, CONVERSATIONS.incrementAndGet(), "Pendant la panne", true, Instant.now()));
        publish(sent(service, CONVERSATIONS.incrementAndGet(), "Toujours pendant la panne", true, Instant.now()));
        awaitCollected(service, 2);

        digests.sendDueDigests();

        assertThat(mailsTo(julie)).isZero();
        assertThat(mailsTo(marc)).isZero();
        assertThat(digests.pending(service)).isEqualTo(2);
        assertThat(deliveries(service)).isZero();

        IDENTITY.up(service);
        digests.sendDueDigests();
        digests.sendDueDigests();

        assertThat(mailsTo(julie)).isEqualTo(1);
        assertThat(mailsTo(marc)).isEqualTo(1);
        assertThat(Mails.text(smtp.receivedBy(julie.email()).get(0))).contains("« Pendant la panne »",
                "« Toujours pendant la panne »");
        assertThat(digests.pending(service)).isZero();
    }

    @Test
    void two_instances_checking_at_once_send_each_agent_one_digest() throws Exception {
        String service = unique("jeunesse");
        StubAgent julie = agent("julie");
        StubAgent marc = agent("marc");
        IDENTITY.agents(service, julie, marc);
        publish(sent(service, CONVERSATIONS.incrementAndGet(), "Première demande", true, Instant.now()));
        publish(sent(service, CONVERSATIONS.incrementAndGet(), "Seconde demande", true, Instant.now()));
        awaitCollected(service, 2);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(digests::sendDueDigests);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(digests::sendDueDigests);
        a.get();
        b.get();

        assertThat(mailsTo(julie)).isEqualTo(1);
        assertThat(mailsTo(marc)).isEqualTo(1);
        assertThat(Mails.text(smtp.receivedBy(marc.email()).get(0))).contains("Première demande", "Seconde demande");
    }

    @Test
    void an_agent_who_joins_later_gets_the_messages_nobody_was_told_of_not_the_older_ones() {
        String service = unique("jeunesse");
        StubAgent julie = agent("julie");
        StubAgent newcomer = agent("nouvelle");
        IDENTITY.agents(service, julie);
        publish(sent(service, CONVERSATIONS.incrementAndGet(), "Avant l'arrivée", true, Instant.now()));
        awaitCollected(service, 1);
        digests.sendDueDigests();
        assertThat(mailsTo(julie)).isEqualTo(1);

        IDENTITY.agents(service, julie, newcomer);
        publish(sent(service, CONVERSATIONS.incrementAndGet(), "Après l'arrivée", true, Instant.now()));
        awaitCollected(service, 2);
        anHourLater(service);
        digests.sendDueDigests();

        assertThat(mailsTo(julie)).isEqualTo(2);
        assertThat(mailsTo(newcomer)).isEqualTo(1);
        assertThat(Mails.text(smtp.receivedBy(newcomer.email()).get(0))).contains("« Après l'arrivée »")
                .doesNotContain("Avant l'arrivée");
    }
}
