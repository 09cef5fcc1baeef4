package org.spinepathway.platform.boundary;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.spinepathway.platform.control.SchemaMigrator;
import org.spinepathway.platform.control.SchemaMigrator.MigrationOutcome;

/**
 * Owns the clinic datasource and migrates its schema when the application starts, before any
 * feature uses the database.
 * <p>
 * If PostgreSQL is not reachable at start-up the application still deploys: it reports itself not
 * ready ({@code /health/ready} is 503) and retries the migration every
 * {@code clinic.db.migration-retry-seconds} until the database answers. That way a database that
 * starts after the application server (a common order in containers) needs no restart.
 * <p>
 * The pool validates connections before handing them out and drops them all when one fails, so the
 * application recovers by itself after a database outage.
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATASOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=clinic.db.url}",
        user = "${MPCONFIG=clinic.db.user}",
        password = "${MPCONFIG=clinic.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "connectTimeout=5",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=10000"
        })
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DatabaseMigration {

    public static final String DATASOURCE = "java:app/jdbc/clinic";

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @Resource
    TimerService timerService;

    @Inject
    Event<SchemaMigrated> schemaMigrated;

    @Inject
    @ConfigProperty(name = "clinic.db.migration-retry-seconds")
    int retrySeconds;

    @Inject
    @ConfigProperty(name = "clinic.db.url")
    String url;

    /** The role the application connects as; given the privileges it needs when another role owns the schema. */
    @Inject
    @ConfigProperty(name = "clinic.db.user")
    String applicationUser;

    /** The schema's owner, which runs the migrations; none: the application's own role does. */
    @Inject
    @ConfigProperty(name = "clinic.db.migration-user")
    Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = "clinic.db.migration-password")
    Optional<String> migrationPassword;

    private volatile String schemaVersion;

    // Flyway manages its own connections and transactions; a surrounding JTA transaction would
    // also swallow the seeding steps' failures until its commit.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrateAtStartup() {
        if (!tryMigrate()) {
            timerService.createIntervalTimer(retrySeconds * 1000L, retrySeconds * 1000L, new TimerConfig("schema-migration-retry", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void retry(Timer timer) {
        if (isMigrated() || tryMigrate()) {
            timer.cancel();
        }
    }

    /** True once the schema has been brought up to date by this instance. */
    public boolean isMigrated() {
        return schemaVersion != null;
    }

    /** The schema version after migration, or {@code null} while it has not succeeded. */
    public String schemaVersion() {
        return schemaVersion;
    }

    private synchronized boolean tryMigrate() {
        if (isMigrated()) {
            return true;
        }
        try {
            SchemaMigrator migrator = new SchemaMigrator(getClass().getClassLoader());
            MigrationOutcome outcome = migrationUser.map(String::strip).filter(u -> !u.isEmpty()).isEmpty() ? migrator.migrate(dataSource)
                    : migrator.migrate(ownersDataSource(), applicationUser);
            LOG.info(() -> "Database schema at version " + outcome.schemaVersion() + " (" + outcome.migrationsApplied() + " migrations applied now)");
            schemaVersion = outcome.schemaVersion();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Database not ready, schema migration will be retried in " + retrySeconds + " s: " + rootMessage(e));
            LOG.log(Level.FINE, "Schema migration failure", e);
            return false;
        }
        try {
            schemaMigrated.fire(new SchemaMigrated(schemaVersion));
        } catch (RuntimeException e) {
            // The schema is fine; a seeding step is not, and retrying the migration would not help.
            LOG.log(Level.SEVERE, "A start-up step after the schema migration failed", e);
        }
        return true;
    }

    /** Connections as the schema's owner, for Flyway alone (it opens and closes its own). */
    private DataSource ownersDataSource() {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(url);
        owner.setUser(migrationUser.orElseThrow().strip());
        owner.setPassword(migrationPassword.orElse(""));
        owner.setConnectTimeout(5);
        return owner;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
