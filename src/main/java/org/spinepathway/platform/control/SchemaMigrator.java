package org.spinepathway.platform.control;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the SQL migrations shipped on the classpath under {@code db/migration}. Flyway is the
 * only thing that changes the schema; JPA never generates DDL.
 */
public class SchemaMigrator {

    public static final String MIGRATIONS_LOCATION = "classpath:db/migration";

    private final ClassLoader classLoader;

    public SchemaMigrator(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Brings the schema up to date; on an up-to-date database it applies nothing.
     *
     * @return the number of migrations applied and the resulting schema version
     */
    public MigrationOutcome migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(MIGRATIONS_LOCATION)
                // A landed migration is never edited: a changed checksum must stop the start-up.
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new MigrationOutcome(result.migrationsExecuted, version);
    }

    public record MigrationOutcome(int migrationsApplied, String schemaVersion) {
    }
}
