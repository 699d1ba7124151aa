package fr.portailfamille.platform.uploads;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;

/**
 * Creates the stored-file tables ({@value #SCRIPT}) as one migration of the service's own Flyway
 * history, at the version the service chose ({@code portal.uploads.flyway-version}): it takes its
 * place in the service's sequence, collides with none of its versions and runs on databases that
 * already exist. Idempotent ({@code if not exists}). The checksum is the script's, so Flyway tells if
 * the script was ever changed after a database applied it: never change it, add a migration.
 */
final class StoredFileMigration implements JavaMigration {

    static final String SCRIPT = "db/platform/uploads/stored_file.sql";

    private final MigrationVersion version;
    private final String sql;

    StoredFileMigration(String version) {
        this.version = MigrationVersion.fromVersion(version);
        this.sql = script();
    }

    static String script() {
        try {
            return new ClassPathResource(SCRIPT, StoredFileMigration.class.getClassLoader())
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return "platform uploads stored file";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(sql);
        }
    }
}
