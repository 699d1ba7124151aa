package fr.portailfamille.identity.events;

import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.identity.PasswordChanged;
import fr.portailfamille.events.identity.PasswordResetRequested;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.outbox.OutboxRelay;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 009 on the real PostgreSQL and Kafka: an identity event holding a link leaves the outbox as soon as
 * Kafka has it (the other events stay, for inspection), and identity.events keeps its records 24 hours.
 */
@PortalServiceTest
class SecretEventsTest {

    @Autowired
    OutboxPublisher outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private static String uniqueUser() {
        return "secret" + System.nanoTime() % 1_000_000_000L;
    }

    @Test
    void a_reset_link_is_erased_from_the_outbox_once_kafka_has_it_while_other_events_stay() {
        String username = uniqueUser();
        String token = UUID.randomUUID().toString().replace("-", "");
        String email = username + "@example.test";
        List<EventEnvelope<PortalEvent>> published = transactions.execute(status -> List.of(
                outbox.publish(new PasswordResetRequested(username, email, "Claire", "DURAND",
                        "http://localhost:8080/mot-de-passe/" + token, Instant.now().plusSeconds(3600))),
                outbox.publish(new PasswordChanged(username, email, "Claire", "DURAND"))));
        UUID reset = published.get(0).id();
        UUID changed = published.get(1).id();

        List<KafkaEvents.Received> onKafka = KafkaEvents.await(Topics.IDENTITY, r -> username.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(onKafka).hasSize(2);
        assertThat(onKafka.stream().filter(r -> r.value().get("type").asString().endsWith("PasswordResetRequested"))
                .findFirst().orElseThrow().value().at("/data/resetUrl").asString())
                .as("notification-service still gets the link").endsWith(token);
        awaitPublished(changed);

        assertThat(payloadOf(reset)).as("the row with the link is gone once published").isEmpty();
        assertThat(jdbc.sql("select count(*) from outbox_event where payload like :token")
                .param("token", "%" + token + "%").query(Long.class).single()).isZero();
        assertThat(payloadOf(changed)).as("an event without a secret stays for inspection").isPresent();
    }

    @Test
    void secret_rows_published_before_are_swept_while_recent_others_stay() {
        String secret = insertPublished("fr.portailfamille.identity.AccountActivationRequested");
        String other = insertPublished("fr.portailfamille.identity.AccountDeleted");

        relay.deletePublished();

        assertThat(countOf(secret)).as("a published activation link from an earlier version").isZero();
        assertThat(countOf(other)).isEqualTo(1);
    }

    @Test
    void identity_events_keep_their_records_24_hours_in_segments_of_an_hour() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                PortalInfrastructure.kafka().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.IDENTITY);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);

            assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofHours(24).toMillis()));
            assertThat(config.get("segment.ms").value()).isEqualTo(Long.toString(Duration.ofHours(1).toMillis()));
        }
    }

    private Optional<String> payloadOf(UUID eventId) {
        return jdbc.sql("select payload from outbox_event where event_id = :id").param("id", eventId)
                .query(String.class).optional();
    }

    /** Waits (bounded) until the relay's transaction that sent {@code eventId} has committed. */
    private void awaitPublished(UUID eventId) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Long published = jdbc.sql("select count(*) from outbox_event where event_id = :id and published_at is not null")
                    .param("id", eventId).query(Long.class).single();
            if (published > 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("event " + eventId + " was not marked published");
    }

    private String insertPublished(String type) {
        String key = uniqueUser();
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, event_key, event_type, payload, created_at, published_at)
                        values (:id, :topic, :key, :type, '{}', :at, :at)""")
                .param("id", UUID.randomUUID()).param("topic", Topics.IDENTITY).param("key", key).param("type", type)
                .param("at", Timestamp.from(Instant.now().minusSeconds(60))).update();
        return key;
    }

    private long countOf(String key) {
        return jdbc.sql("select count(*) from outbox_event where event_key = :key").param("key", key)
                .query(Long.class).single();
    }
}
