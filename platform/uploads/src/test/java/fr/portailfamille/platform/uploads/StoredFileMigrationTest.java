package fr.portailfamille.platform.uploads;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredFileMigrationTest {

    @Test
    void it_takes_the_version_the_service_chose_and_the_scripts_checksum() {
        StoredFileMigration migration = new StoredFileMigration("3");

        assertThat(migration.getVersion()).isEqualTo(MigrationVersion.fromVersion("3"));
        assertThat(migration.getChecksum()).isEqualTo(new StoredFileMigration("7").getChecksum());
    }

    @Test
    void the_script_is_idempotent_so_a_database_that_has_the_tables_keeps_them() {
        String script = StoredFileMigration.script();

        assertThat(script).contains("create table if not exists stored_file (")
                .contains("create table if not exists stored_file_content (")
                .doesNotContainPattern("create table (?!if not exists)");
    }
}
