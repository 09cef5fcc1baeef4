package org.spinepathway.platform.control;

import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the SQL migrations shipped on the classpath under {@code db/migration}. Flyway is the
 * only thing that changes the schema; JPA never generates DDL.
 */
public class SchemaMigrator {

    public static final String MIGRATIONS_LOCATION = "classpath:db/migration";

    /** Role names the grants take (written into their SQL): letters, digits, underscores; or empty. */
    private static final Pattern ROLE_NAME = Pattern.compile("|[A-Za-z_][A-Za-z0-9_]{0,62}");

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
        return migrate(dataSource, "");
    }

    /**
     * As {@link #migrate(DataSource)}, connected as the schema's owner; afterwards
     * {@code applicationRole}, the role the application connects as, gets the privileges it needs
     * and no more ({@code db/migration/afterMigrate.sql}). An empty role grants nothing.
     */
    public MigrationOutcome migrate(DataSource dataSource, String applicationRole) {
        if (!ROLE_NAME.matcher(applicationRole).matches()) {
            throw new IllegalArgumentException("Not a role name PostgreSQL takes unquoted: " + LogSafe.text(applicationRole));
        }
        MigrateResult result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(MIGRATIONS_LOCATION)
                .placeholders(Map.of("application_role", applicationRole))
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
