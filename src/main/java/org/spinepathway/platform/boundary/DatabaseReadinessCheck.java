package org.spinepathway.platform.boundary;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: up only when the schema has been migrated and the database answers now.
 * A load balancer stops sending patients to an instance that would only show them errors.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 3;

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!migration.isMigrated()) {
            return response.down().withData("reason", "schema migration has not completed").build();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return response.down().withData("reason", "database did not answer").build();
            }
            return response.up().withData("schemaVersion", migration.schemaVersion()).build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("reason", "database unreachable").build();
        }
    }
}
