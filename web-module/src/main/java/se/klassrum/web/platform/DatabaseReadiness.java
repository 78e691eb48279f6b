package se.klassrum.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready means: the schema was migrated at start-up and the database answers now. Anything else is
 * DOWN with the one-line reason, so {@code /health/ready} doubles as the first diagnostic.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        MigrationStatus status = migration.status();
        if (!status.isMigrated()) {
            return response.down().withData("migration", status.state().name()).withData("reason", status.detail()).build();
        }
        response.withData("schemaVersion", status.detail());
        try (Connection connection = migration.dataSource().getConnection()) {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return response.up().build();
            }
            return response.down().withData("reason", "the database did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s").build();
        } catch (SQLException unreachable) {
            return response.down().withData("reason", DatabaseMigration.oneLine(unreachable)).build();
        }
    }
}
