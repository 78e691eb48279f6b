package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportNotAdmitted;
import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.testing.SampleData;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which imports may start: one run at a time per organisation, decided by the database so that it holds across
 * nodes; no more imports read at once on a node than {@code klassrum.import.parallel} (1 here, as by default); a
 * run that fails in any way ends FAILED with its reason; and a run that a crashed node left RUNNING is closed as
 * interrupted, while a run that a live node still works on is left alone.
 */
class ImportAdmissionTest {

    private static TestDatabase db;
    private static TestTransactions transactions;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("import_admission");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private static RosterImports imports() {
        return RosterImportsTest.importsOn(transactions, RosterImportsTest.DAY);
    }

    /** An import of the tenant that stops in its READING phase until released, run in the background. */
    private final class HeldImport {
        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile UUID runId;
        final Future<ImportSummary> result;

        HeldImport(UUID tenant) throws InterruptedException {
            ImportProgressListener holding = (run, phase, done, total) -> {
                if ("READING".equals(phase) && runId == null) {
                    runId = run;
                    reading.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            result = background.submit(() -> imports().importFolder(tenant, SampleData.sdsV21(), "integration:first", holding));
            assertThat(reading.await(60, TimeUnit.SECONDS)).as("the first import reached READING").isTrue();
        }

        ImportSummary finish() throws Exception {
            release.countDown();
            return result.get(60, TimeUnit.SECONDS);
        }
    }

    /** A run of the tenant recorded RUNNING an hour ago by a node that was then killed: no one holds its run lock. */
    private static UUID leftRunningByACrash(UUID tenant) throws java.sql.SQLException {
        UUID crashed = UUID.randomUUID();
        db.executeSql("insert into import_run (id, tenant_id, actor, format, full_set, files, import_date, started_at,"
                + " status, progress_done, progress_total, problem_count) values ('" + crashed + "', '" + tenant
                + "', 'integration:test', 'SDS_V2_1', true, 'users.csv', date '2026-03-01', now() - interval '1 hour',"
                + " 'RUNNING', 0, 0, 0)");
        return crashed;
    }

    private static List<ImportStatus> statuses(UUID tenant) {
        return imports().runs(tenant).stream().map(ImportSummary::status).toList();
    }

    @Test
    void a_second_import_of_the_organisation_is_refused_naming_the_running_run_and_nothing_of_it_is_read()
            throws Exception {
        UUID tenant = RosterImportsTest.newTenant(db);
        HeldImport first = new HeldImport(tenant);

        assertThatThrownBy(() -> imports().importFolder(tenant, SampleData.sdsV21(), "integration:retry"))
                .isInstanceOfSatisfying(ImportNotAdmitted.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(ImportNotAdmitted.Reason.ORGANISATION_BUSY);
                    assertThat(refused.runningRun()).contains(first.runId);
                });
        assertThat(statuses(tenant)).as("no run was recorded for the refused import").containsExactly(ImportStatus.RUNNING);

        assertThat(first.finish().status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(imports().importFolder(tenant, SampleData.sdsV21(), "integration:retry").status())
                .as("once the first run has ended, the next is admitted").isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(statuses(tenant)).containsOnly(ImportStatus.SUCCEEDED);
    }

    @Test
    void while_the_node_reads_one_import_another_organisations_import_is_refused_as_busy() throws Exception {
        UUID reading = RosterImportsTest.newTenant(db);
        UUID other = RosterImportsTest.newTenant(db);
        HeldImport first = new HeldImport(reading);

        assertThatThrownBy(() -> imports().importFolder(other, SampleData.sdsV21(), "integration:other"))
                .isInstanceOfSatisfying(ImportNotAdmitted.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(ImportNotAdmitted.Reason.NODE_BUSY);
                    assertThat(refused.runningRun()).isEmpty();
                });
        assertThat(statuses(other)).isEmpty();

        assertThat(first.finish().status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(imports().importFolder(other, SampleData.sdsV21(), "integration:other").status())
                .isEqualTo(ImportStatus.SUCCEEDED);
    }

    @Test
    void an_error_while_importing_ends_the_run_failed_with_the_reason_instead_of_leaving_it_running() {
        UUID tenant = RosterImportsTest.newTenant(db);
        ImportProgressListener outOfMemory = (run, phase, done, total) -> {
            if ("PLANNING".equals(phase)) {
                throw new OutOfMemoryError("Java heap space");
            }
        };

        ImportSummary run = imports().importFolder(tenant, SampleData.sdsV21(), "integration:test", outOfMemory);

        assertThat(run.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(run.problems()).singleElement().asString().contains("OutOfMemoryError").contains("Java heap space");
        assertThat(statuses(tenant)).containsExactly(ImportStatus.FAILED);
        assertThat(imports().importFolder(tenant, SampleData.sdsV21(), "integration:test").status())
                .isEqualTo(ImportStatus.SUCCEEDED);
    }

    @Test
    void a_run_a_crashed_node_left_running_is_closed_as_interrupted_and_the_next_import_completes() throws Exception {
        UUID tenant = RosterImportsTest.newTenant(db);
        UUID crashed = leftRunningByACrash(tenant);

        ImportSummary next = imports().importFolder(tenant, SampleData.sdsV21(), "integration:test");

        assertThat(next.status()).isEqualTo(ImportStatus.SUCCEEDED);
        ImportSummary closed = imports().run(tenant, crashed).orElseThrow();
        assertThat(closed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(closed.finishedAt()).isNotNull();
        assertThat(closed.problems()).singleElement().asString().contains("interrupted");
    }

    @Test
    void at_start_up_only_runs_that_no_node_works_on_are_closed_as_interrupted() throws Exception {
        UUID live = RosterImportsTest.newTenant(db);
        UUID crashedTenant = RosterImportsTest.newTenant(db);
        UUID crashed = leftRunningByACrash(crashedTenant);
        HeldImport running = new HeldImport(live);

        assertThat(imports().closeInterruptedRuns()).isEqualTo(1);

        assertThat(imports().run(crashedTenant, crashed).orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
        assertThat(imports().run(live, running.runId).orElseThrow().status())
                .as("the run this node still works on is left alone").isEqualTo(ImportStatus.RUNNING);
        assertThat(running.finish().status()).isEqualTo(ImportStatus.SUCCEEDED);
    }

    /**
     * {@code kill -9} in the middle of writing: PostgreSQL rolls the writing transaction back with the killed session,
     * so the roster is as it was; the run left RUNNING is closed as interrupted by the next import, which completes.
     */
    @Test
    void a_process_killed_while_writing_leaves_the_roster_as_it_was_and_the_next_import_completes() throws Exception {
        UUID tenant = RosterImportsTest.newTenant(db);
        Map<String, Long> before = db.rowCounts();
        Process importing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ImportKilledMidWrite.class.getName(), db.jdbcUrl(),
                tenant.toString(), SampleData.sdsV21().toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(importing.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> said = new java.util.ArrayList<>();
            for (String line; (line = output.readLine()) != null && !line.equals(ImportKilledMidWrite.WRITING); ) {
                said.add(line);
            }
            assertThat(importing.isAlive()).as(String.join("\n", said)).isTrue();
            importing.destroyForcibly(); // SIGKILL
            assertThat(importing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            importing.destroyForcibly();
        }
        assertThat(statuses(tenant)).as("the killed process's run").containsExactly(ImportStatus.RUNNING);
        // PostgreSQL ends the killed process's sessions once it sees their connections closed: the writing
        // transaction is rolled back and the run lock released.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.number("select count(*) from pg_locks where locktype = 'advisory'") > 0
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(db.number("select count(*) from person where tenant_id = '" + tenant + "'")).isZero();
        assertThat(db.rowCounts()).as("the roster is as it was, but for the run's row")
                .isEqualTo(withOneMoreRun(before));

        ImportSummary next = imports().importFolder(tenant, SampleData.sdsV21(), "integration:test");

        assertThat(next.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(next.created(se.klassrum.roster.entity.ImportKind.PERSON)).isEqualTo(8);
        assertThat(statuses(tenant)).containsExactlyInAnyOrder(ImportStatus.SUCCEEDED, ImportStatus.FAILED);
    }

    private static Map<String, Long> withOneMoreRun(Map<String, Long> counts) {
        Map<String, Long> more = new java.util.LinkedHashMap<>(counts);
        more.merge("import_run", 1L, Long::sum);
        return more;
    }
}
