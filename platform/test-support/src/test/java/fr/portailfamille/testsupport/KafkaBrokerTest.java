package fr.portailfamille.testsupport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker tests rely on: it keeps its records across a stop and a start on the same port. */
class KafkaBrokerTest {

    @Test
    void records_survive_a_broker_restart() {
        KafkaBroker broker = PortalInfrastructure.kafka();
        String bootstrap = broker.bootstrapServers();
        KafkaEvents.send("test-support.restart", "k", "{\"before\":\"restart\"}");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
        List<KafkaEvents.Received> records = KafkaEvents.await("test-support.restart",
                r -> "k".equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value().get("before").asString()).isEqualTo("restart");
    }

    @Test
    void each_service_gets_its_own_database() throws Exception {
        PostgresServer postgres = PortalInfrastructure.postgres();
        String first = postgres.createDatabase("first-service");
        String second = postgres.createDatabase("second-service");

        assertThat(first).isEqualTo("first_service");
        try (var connection = postgres.dataSource(first).getConnection();
             var statement = connection.createStatement()) {
            statement.execute("create table only_here (id int)");
        }
        try (var connection = postgres.dataSource(second).getConnection();
             var rs = connection.getMetaData().getTables(null, null, "only_here", null)) {
            assertThat(rs.next()).as("table of another service's database").isFalse();
        }
    }

    @Test
    void realm_file_gets_the_demo_users() throws Exception {
        String realm = KeycloakServer.realmWithDemoUsers(KeycloakServer.repositoryRoot());

        assertThat(realm).contains("\"realm\":\"portail-famille\"", "claire.durand", "agent.jeunesse",
                "service-account-identity-service");
    }
}
