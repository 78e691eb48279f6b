package se.klassrum.web.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness rule, against a real PostgreSQL: ready only once start-up has finished, then while the database answers. */
class DatabaseReadinessTest {

    private final StartupProgress progress = new StartupProgress();

    @Test
    void isDownWhileStartUpRunsEvenThoughTheDatabaseAnswers() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DatabaseReadiness readiness = readiness(postgres);

            assertDownWaitingFor(readiness.verdict(), "the schema migration");
            progress.migration(MigrationStatus.migrated("42"));
            assertDownWaitingFor(readiness.verdict(), "the demo data");
            progress.demoDataSettled();
            assertDownWaitingFor(readiness.verdict(), "the web application");
            progress.webStarted();

            DatabaseReadiness.Verdict ready = readiness.verdict();
            assertThat(ready.up()).isTrue();
            assertThat(ready.data()).containsEntry("schemaVersion", "42");
        }
    }

    @Test
    void onceStartedOnlyTheDatabaseMakesItDown() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        DatabaseReadiness readiness = readiness(postgres);
        progress.migration(MigrationStatus.migrated("42"));
        progress.demoDataSettled();
        progress.webStarted();
        for (int call = 0; call < 20; call++) {
            assertThat(readiness.verdict().up()).isTrue();
        }

        postgres.close();

        DatabaseReadiness.Verdict down = readiness.verdict();
        assertThat(down.up()).isFalse();
        assertThat(down.data()).doesNotContainKey("startup").containsKey("reason");
    }

    @Test
    void aFailedMigrationIsDownWithItsReasonAndNotPending() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DatabaseReadiness readiness = readiness(postgres);
            progress.migration(MigrationStatus.failed("Klassrum could not migrate the database: boom"));
            progress.demoDataSettled();
            progress.webStarted();

            DatabaseReadiness.Verdict down = readiness.verdict();

            assertThat(down.up()).isFalse();
            assertThat(down.data()).containsEntry("migration", "FAILED")
                    .containsEntry("reason", "Klassrum could not migrate the database: boom").doesNotContainKey("startup");
        }
    }

    private DatabaseReadiness readiness(EmbeddedPostgres postgres) {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.progress = progress;
        readiness.dataSource = postgres.getPostgresDatabase();
        return readiness;
    }

    private static void assertDownWaitingFor(DatabaseReadiness.Verdict response, String awaited) {
        assertThat(response.up()).isFalse();
        assertThat(response.data()).containsEntry("startup", "PENDING")
                .containsEntry("reason", "start-up has not finished: waiting for " + awaited);
    }
}
