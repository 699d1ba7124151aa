package fr.portailfamille.identity.link;

import fr.portailfamille.platform.text.Sha256;
import fr.portailfamille.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V7 on a database that has links in the three former tables: a fresh database of the test
 * PostgreSQL migrated to V6, rows written the way V1–V6 kept them, then migrated to the end.
 */
class SingleUseLinkMigrationTest {

    private static final String T0 = "2026-03-02 08:00:00+00";

    record Link(String purpose, String user, String sentTo, String hash, Instant createdAt, Instant expiresAt,
                Instant usedAt, Instant retiredAt) {
    }

    private static Flyway flyway(DataSource database, String target) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load();
    }

    private static Instant instant(String timestamp) {
        return Instant.parse(timestamp.replace(' ', 'T').replace("+00", "Z"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    @Test
    void version_7_moves_every_link_with_its_hash_expiry_and_use_then_drops_the_old_tables() {
        PostgresServer postgres = PostgresServer.shared();
        DataSource database = postgres.dataSource(postgres.recreateDatabase("identity_migration_v7"));
        flyway(database, "6").migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        long account = jdbc.sql("""
                insert into account (keycloak_user_id, username, email, first_name, last_name, dossier_number, status,
                                     cgu_version, cgu_accepted_at, created_at)
                values ('kc-claire', 'claire.durand', 'claire@example.test', 'Claire', 'DURAND', '6000',
                        'PENDING_ACTIVATION', '2026-01', timestamptz '%1$s', timestamptz '%1$s') returning id"""
                .formatted(T0)).query(Long.class).single();
        jdbc.sql("""
                insert into account_token (account_id, purpose, token_hash, created_at, expires_at, used_at, revoked_at)
                values (:account, 'ACTIVATION', :revoked, timestamptz '2026-03-02 08:00:00+00',
                        timestamptz '2026-03-04 08:00:00+00', null, timestamptz '2026-03-02 09:00:00+00'),
                       (:account, 'ACTIVATION', :pending, timestamptz '2026-03-02 09:00:00+00',
                        timestamptz '2026-03-04 09:00:00+00', null, null)""")
                .param("account", account).param("revoked", Sha256.hex("activation-revoked"))
                .param("pending", Sha256.hex("activation-pending")).update();
        jdbc.sql("""
                insert into password_reset (keycloak_user_id, email, requester_ip, token_hash, created_at, expires_at, used_at)
                values ('kc-paul', 'paul@example.test', '198.51.100.1', :used, timestamptz '2026-03-02 10:00:00+00',
                        timestamptz '2026-03-02 11:00:00+00', timestamptz '2026-03-02 10:10:00+00'),
                       (null, 'nobody@example.test', '198.51.100.2', null, timestamptz '2026-03-02 10:00:00+00',
                        timestamptz '2026-03-02 11:00:00+00', null)""")
                .param("used", Sha256.hex("reset-used")).update();
        jdbc.sql("""
                insert into email_change (keycloak_user_id, old_email, new_email, token_hash, created_at, expires_at, used_at)
                values ('kc-claire', 'claire@example.test', 'claire.new@example.test', :pending,
                        timestamptz '2026-03-02 12:00:00+00', timestamptz '2026-03-03 12:00:00+00', null)""")
                .param("pending", Sha256.hex("email-pending")).update();

        flyway(database, "latest").migrate();

        List<Link> links = jdbc.sql("""
                select purpose, keycloak_user_id, sent_to, token_hash, created_at, expires_at, used_at, retired_at
                from single_use_link order by created_at, purpose""")
                .query((row, n) -> new Link(row.getString("purpose"), row.getString("keycloak_user_id"),
                        row.getString("sent_to"), row.getString("token_hash"), instant(row, "created_at"),
                        instant(row, "expires_at"), instant(row, "used_at"), instant(row, "retired_at")))
                .list();
        assertThat(links).containsExactly(
                new Link("ACTIVATION", "kc-claire", "claire@example.test", Sha256.hex("activation-revoked"),
                        instant("2026-03-02 08:00:00+00"), instant("2026-03-04 08:00:00+00"), null,
                        instant("2026-03-02 09:00:00+00")),
                new Link("ACTIVATION", "kc-claire", "claire@example.test", Sha256.hex("activation-pending"),
                        instant("2026-03-02 09:00:00+00"), instant("2026-03-04 09:00:00+00"), null, null),
                new Link("PASSWORD_RESET", "kc-paul", "paul@example.test", Sha256.hex("reset-used"),
                        instant("2026-03-02 10:00:00+00"), instant("2026-03-02 11:00:00+00"),
                        instant("2026-03-02 10:10:00+00"), null),
                new Link("EMAIL_CHANGE", "kc-claire", "claire.new@example.test", Sha256.hex("email-pending"),
                        instant("2026-03-02 12:00:00+00"), instant("2026-03-03 12:00:00+00"), null, null));
        for (String gone : List.of("account_token", "password_reset", "email_change")) {
            assertThat(jdbc.sql("select to_regclass(:table) is null").param("table", gone).query(Boolean.class).single())
                    .as(gone + " is dropped").isTrue();
        }
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).as("accounts untouched").isEqualTo(1);
    }
}
