package se.klassrum.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready means: start-up has finished (the schema migrated, the demo data loaded when enabled, the web
 * application initialised) and the database answers now. Anything else is DOWN with the one-line reason,
 * so {@code /health/ready} doubles as the first diagnostic. While start-up runs the answer says
 * {@code "startup":"PENDING"}; once it has finished, only the database can make it DOWN again.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    StartupProgress progress;

    @Resource(lookup = KlassrumDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        Verdict verdict = verdict();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database").status(verdict.up());
        verdict.data().forEach(response::withData);
        return response.build();
    }

    /** Up or down, and the data that say why. */
    record Verdict(boolean up, Map<String, String> data) {
    }

    Verdict verdict() {
        MigrationStatus status = progress.migration();
        Map<String, String> data = new LinkedHashMap<>();
        if (status.state() == MigrationStatus.State.FAILED) {
            data.put("migration", status.state().name());
            data.put("reason", status.detail());
            return new Verdict(false, data);
        }
        if (!progress.finished()) {
            data.put("startup", "PENDING");
            data.put("migration", status.state().name());
            data.put("reason", "start-up has not finished: waiting for " + progress.awaiting());
            return new Verdict(false, data);
        }
        data.put("schemaVersion", status.detail());
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return new Verdict(true, data);
            }
            data.put("reason", "the database did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s");
        } catch (SQLException unreachable) {
            data.put("reason", DatabaseMigration.oneLine(unreachable));
        }
        return new Verdict(false, data);
    }
}
