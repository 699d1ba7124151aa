package fr.portailfamille.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A real PostgreSQL 17 (zonky's embedded binaries from Maven Central), one server per JVM, one
 * fresh database per service. As root, zonky runs it through {@code unshare -U} (STACK.md pitfall 1).
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private static PostgresServer shared;

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                shared = new PostgresServer(postgres);
                // zonky's own hook races Spring's context shutdown (STACK.md pitfall 2): stop the
                // server after the test contexts had a moment to close their pools.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Thread.sleep(1500);
                        postgres.close();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }, "postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start", e);
            }
        }
        return shared;
    }

    /**
     * A server of its own on {@code port} whose data stays in {@code dataDirectory} between runs
     * (the local stack). The caller stops it with {@link #close()}.
     */
    public static PostgresServer persistent(java.nio.file.Path dataDirectory, int port) {
        try {
            java.nio.file.Files.createDirectories(dataDirectory);
            return new PostgresServer(EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one SQL statement on the {@code postgres} database as the superuser. */
    public void execute(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates {@code name} (lower-cased, dashes to underscores) if it does not exist; returns its name. */
    public String createDatabase(String name) {
        String database = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return database;
    }

    /** Drops and recreates {@code name}: a service started on it finds an empty database. */
    public String recreateDatabase(String name) {
        String database = createDatabase(name);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("drop database " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + database, e);
        }
        return database;
    }

    public DataSource dataSource(String database) {
        return postgres.getDatabase(USER, database);
    }
}
