package fr.portailfamille.platform.uploads;

import fr.portailfamille.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored-file tables on a real PostgreSQL, in the three cases the README's decision is about: a
 * new database, a database that already applied the service's own migrations, and a database whose
 * service created the tables itself (dossier-service's V6).
 */
class StoredFileMigrationDatabaseTest {

    private static DataSource newDatabase(String name) {
        PostgresServer postgres = PostgresServer.shared();
        return postgres.dataSource(postgres.recreateDatabase(name));
    }

    private static int migrate(DataSource database, String location, JavaMigration... platform) {
        return Flyway.configure().dataSource(database).locations("classpath:db/uploads-test/" + location)
                .javaMigrations(platform).load().migrate().migrationsExecuted;
    }

    private static long count(DataSource database, String table) {
        return JdbcClient.create(database).sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void on_a_new_database_the_tables_come_at_the_services_chosen_version_before_what_references_them() {
        DataSource database = newDatabase("uploads_new");

        assertThat(migrate(database, "service", new StoredFileMigration("2"))).isEqualTo(3);
        assertThat(migrate(database, "service", new StoredFileMigration("2"))).as("validated, nothing to redo").isZero();

        JdbcClient jdbc = JdbcClient.create(database);
        assertThat(jdbc.sql("select version from flyway_schema_history order by installed_rank")
                .query(String.class).list()).containsExactly("1", "2", "3");
        assertThat(count(database, "stored_file")).isZero();
        assertThat(count(database, "stored_file_content")).isZero();
    }

    @Test
    void a_database_that_already_applied_the_services_migrations_gets_the_tables_as_its_next_migration() {
        DataSource database = newDatabase("uploads_existing");
        Flyway.configure().dataSource(database).locations("classpath:db/uploads-test/service")
                .target("1").load().migrate();

        assertThat(migrate(database, "service", new StoredFileMigration("2"))).as("platform's 2, then the service's 3")
                .isEqualTo(2);
        assertThat(count(database, "stored_file")).isZero();
    }

    @Test
    void a_database_whose_service_created_the_tables_keeps_them_and_their_rows() {
        DataSource database = newDatabase("uploads_owner");
        migrate(database, "owner");

        assertThat(migrate(database, "owner", new StoredFileMigration("2"))).isEqualTo(1);
        assertThat(count(database, "stored_file")).isEqualTo(1);
    }
}
