package org.spinepathway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.spinepathway.platform.control.SchemaMigrator.MigrationOutcome;
import org.spinepathway.testing.EmbeddedDatabase;

/** The Flyway migrations against a real PostgreSQL: from empty, and again on a migrated database. */
class SchemaMigrationIT {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    private final EmbeddedDatabase postgres = EmbeddedDatabase.get();
    private final SchemaMigrator migrator = new SchemaMigrator(getClass().getClassLoader());

    @Test
    void migrate_shouldCreateEveryTableOnAnEmptyDatabase_andApplyNothingTheSecondTime() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migration"));
        List<Path> migrations = migrationFiles();

        MigrationOutcome first = migrator.migrate(dataSource);
        assertEquals(migrations.size(), first.migrationsApplied());
        assertEquals(String.valueOf(latestVersion(migrations)), first.schemaVersion());

        MigrationOutcome second = migrator.migrate(dataSource);
        assertEquals(0, second.migrationsApplied(), "a restart must not re-apply migrations");
        assertEquals(first.schemaVersion(), second.schemaVersion());
    }

    @Test
    void migrate_shouldGiveEveryTableAuditColumnsAndAnOptimisticLockVersion() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("columns"));
        migrator.migrate(dataSource);

        for (String table : List.of("user_account", "patient", "episode_of_care")) {
            Set<String> columns = columnsOf(dataSource, table);
            assertTrue(columns.containsAll(Set.of("version", "created_at", "created_by", "updated_at", "updated_by")),
                    table + " lacks audit or version columns: " + columns);
        }
        for (String clinicalTable : List.of("patient", "episode_of_care")) {
            assertTrue(columnsOf(dataSource, clinicalTable).containsAll(Set.of("voided_at", "voided_by", "void_reason")),
                    clinicalTable + " must be voidable, never deleted");
        }
    }

    @Test
    void voidingAPatient_shouldRequireWhoAndWhy() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("voiding"));
        migrator.migrate(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO patient (mrn, given_name, family_name, birth_date, sex, created_by, updated_by)"
                    + " VALUES ('SP100001', 'Ada', 'Lovelace', DATE '1970-01-01', 'FEMALE', 'test', 'test')");

            SQLException withoutReason = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE patient SET voided_at = now(), voided_by = 'test' WHERE mrn = 'SP100001'"));
            assertEquals("23514", withoutReason.getSQLState(), "check constraint violation expected");

            assertEquals(1, statement.executeUpdate(
                    "UPDATE patient SET voided_at = now(), voided_by = 'test', void_reason = 'duplicate record' WHERE mrn = 'SP100001'"));
        }
    }

    @Test
    void usernames_shouldBeUniqueWhateverTheirCase() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("usernames"));
        migrator.migrate(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String insert = "INSERT INTO user_account (username, password_hash, role, display_name, created_by, updated_by)"
                    + " VALUES ('%s', 'hash', 'PHYSIO', 'Pat Physio', 'test', 'test')";
            statement.execute(insert.formatted("pat"));
            SQLException duplicate = assertThrows(SQLException.class, () -> statement.execute(insert.formatted("PAT")));
            assertEquals("23505", duplicate.getSQLState(), "unique violation expected");
        }
    }

    @Test
    void auditEventsAndTheirSeals_shouldBeAppendOnly_evenForDirectSql() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("audit"));
        migrator.migrate(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO audit_event (username, action, detail) VALUES ('pat', 'READ', 'chart')");
            statement.execute("INSERT INTO audit_seal (seq, event_id, chain_sha256) SELECT 1, id, repeat('a', 64) FROM audit_event");
            for (String change : List.of("UPDATE audit_event SET detail = 'nothing happened'",
                    "DELETE FROM audit_event", "TRUNCATE audit_event",
                    "UPDATE audit_seal SET chain_sha256 = repeat('b', 64)", "DELETE FROM audit_seal", "TRUNCATE audit_seal")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(change), change);
                // The seals' foreign key refuses to truncate the events before their trigger can (0A000).
                assertTrue(Set.of("42501", "0A000").contains(refused.getSQLState()), change + ": " + refused.getSQLState());
            }
            try (ResultSet rs = statement.executeQuery("SELECT detail FROM audit_event")) {
                assertTrue(rs.next());
                assertEquals("chart", rs.getString(1));
            }
        }
    }

    @Test
    void theApplicationsRole_shouldOnlyAddToTheAuditTrail_andNeitherDisableItsTriggersNorChangeTheSchema() throws Exception {
        String url = postgres.createDatabase("privilege");
        migrator.migrate(postgres.ownerDataSource(url), EmbeddedDatabase.APPLICATION);
        try (Connection connection = postgres.applicationDataSource(url).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO audit_event (username, action, detail) VALUES ('pat', 'READ', 'chart')");
            statement.execute("INSERT INTO audit_seal (seq, event_id, chain_sha256) SELECT 1, id, repeat('a', 64) FROM audit_event");
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM audit_event JOIN audit_seal ON event_id = id")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1), "the application adds to the trail and reads it");
            }
            statement.executeQuery("SELECT count(*) FROM patient").close();
            statement.execute("UPDATE user_account SET display_name = display_name WHERE id < 0");
            for (String refused : List.of("UPDATE audit_event SET detail = 'nothing happened'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event", "UPDATE audit_seal SET chain_sha256 = repeat('b', 64)", "DELETE FROM audit_seal",
                    "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update", "ALTER TABLE audit_event DISABLE TRIGGER ALL",
                    "DROP TRIGGER audit_event_no_update ON audit_event", "DELETE FROM flyway_schema_history",
                    "ALTER TABLE patient ADD COLUMN sneaky TEXT", "CREATE TABLE sneaky (id INTEGER)")) {
                SQLException denied = assertThrows(SQLException.class, () -> statement.execute(refused), refused);
                assertEquals("42501", denied.getSQLState(), refused + ": " + denied.getMessage());
            }
        }
    }

    private static Set<String> columnsOf(DataSource dataSource, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getColumns(null, "public", table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        assertTrue(!columns.isEmpty(), "table " + table + " does not exist");
        return columns;
    }

    private static List<Path> migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("db/migration"))) {
            List<Path> migrations = files.filter(f -> VERSIONED.matcher(f.getFileName().toString()).matches()).toList();
            assertTrue(!migrations.isEmpty(), "no migrations found in db/migration");
            return migrations;
        }
    }

    private static int latestVersion(List<Path> migrations) {
        return migrations.stream().mapToInt(f -> {
            Matcher m = VERSIONED.matcher(f.getFileName().toString());
            m.matches();
            return Integer.parseInt(m.group(1));
        }).max().orElseThrow();
    }
}
