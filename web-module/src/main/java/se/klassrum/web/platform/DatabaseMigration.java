package se.klassrum.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before the application serves its first request: a {@code @Startup}
 * singleton runs during deployment, and Payara routes no request to the application until deployment
 * has finished.
 * <p>
 * A database that is not reachable yet (it may still be starting) is awaited for
 * {@code klassrum.db.wait-seconds}. If it stays unreachable, one clear line is logged instead of a stack
 * trace and the readiness check reports the reason, so that an operator sees at once what is wrong.
 * The outcome is kept in {@link StartupProgress}, which the readiness check reads.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(250);

    @Resource(lookup = KlassrumDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "klassrum.db.url")
    String databaseUrl;

    @Inject
    @ConfigProperty(name = "klassrum.db.wait-seconds", defaultValue = "60")
    int waitSeconds;

    @Inject
    StartupProgress progress;

    @PostConstruct
    void migrate() {
        try {
            awaitDatabase();
        } catch (SQLException unreachable) {
            fail("Klassrum cannot reach the database at " + databaseUrl + " (waited " + waitSeconds + " s): "
                    + oneLine(unreachable));
            return;
        }
        try {
            MigrateResult result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            progress.migration(MigrationStatus.migrated(version));
            LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                    + " migration(s) applied now)");
        } catch (RuntimeException migrationFailed) {
            fail("Klassrum could not migrate the database at " + databaseUrl + ": " + oneLine(migrationFailed));
        }
    }

    /** The outcome of the start-up migration; read by the readiness check and the demo data. */
    public MigrationStatus status() {
        return progress.migration();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @SuppressWarnings("try") // the connection is opened only to prove the database answers
    private void awaitDatabase() throws SQLException {
        Instant deadline = Instant.now().plusSeconds(Math.max(0, waitSeconds));
        boolean announced = false;
        while (true) {
            try (Connection ignored = dataSource.getConnection()) {
                return;
            } catch (SQLException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                if (!announced) {
                    LOG.info(() -> "Waiting up to " + waitSeconds + " s for the database at " + databaseUrl);
                    announced = true;
                }
                sleep();
            }
        }
    }

    private void fail(String message) {
        progress.migration(MigrationStatus.failed(message));
        LOG.severe(message);
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The innermost cause's message on one line: what an operator needs, without a stack trace. */
    static String oneLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }
}
