package se.klassrum.roster.boundary;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.ImportTransactions;
import se.klassrum.roster.importer.OneRosterDelta;
import se.klassrum.roster.importer.RosterImporter;
import se.klassrum.roster.importer.SyntheticMunicipality;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The roster import at the scale of Stockholm, against the physical floor: not a test, and not a JMH benchmark
 * (each figure is a timing of a multi-minute operation, and the figures depend on each other: the COPY loads the
 * rows the import wrote, the delta applies to the imported roster). The measured steps (2 to 5 below) run three
 * times ({@code -Dimport-benchmark.rounds}), each time in a fresh database, and every figure is printed as the median
 * of the three with the three values, with the machine's load average before and after: on a shared machine one
 * timing alone is not reproducible. Run by the Maven profile {@code benchmark}
 * with {@code -Dimport-benchmark.skip=false}; see README.md, "Benchmarks".
 * <p>
 * In one JVM (meant to run with {@code -Xmx1g}) and on one embedded PostgreSQL, as the persistence tests use it:
 * <ol>
 *     <li>writes the synthetic municipality of {@link SyntheticMunicipality} in School Data Sync v2.1 CSV, a full set
 *     and the next night's full set (about 1 % of the rows differ), and the same changes as a OneRoster 1.2 delta
 *     ({@link OneRosterDelta});</li>
 *     <li>imports the full set into an empty, migrated database through {@link RosterImports#importFolder}, timed,
 *     with JDBC batch writing as the WAR's persistence unit has it (batch size 1000) and the heap watched;</li>
 *     <li>copies the very rows the import wrote (exported with {@code COPY ... TO STDOUT} beforehand, untimed) with
 *     {@code COPY ... FROM STDIN} through pgjdbc's {@link CopyManager}, all eight tables in one transaction, timed,
 *     into fresh tables of the roster's schema (keys, unique constraints, checks, indexes and foreign keys): the
 *     physical floor of writing these rows into these tables. Then into keyed tables without foreign keys and into
 *     plain tables of the same columns, for comparison;</li>
 *     <li>imports the OneRoster delta as the next day's upload, timed, with the heap watched;</li>
 *     <li>imports the next night's full set on the same day, timed: it must find nothing left to change;</li>
 *     <li>runs the full import, the delta and the next night's full set once more, in a fresh database and a JVM of
 *     their own with 70 % of this one's heap ({@link ImportInSmallHeap});</li>
 *     <li>prints the figures and PASS or FAIL for each target (full import ≤ 3 × COPY and delta ≤ 5 % of the full
 *     import, judged on the medians; every import succeeds in 70 % of the heap). A missed target does not fail the build; an import that does not succeed
 *     (a generator bug) does.</li>
 * </ol>
 * A CHECKPOINT precedes every timed step, so that none pays for the writes of the one before. Before the delta the
 * roster tables are vacuumed and analysed (untimed), as autovacuum would have done by the next night.
 */
public final class ImportScaleBenchmark {

    private static final long MIB = 1024 * 1024;
    /** The tables the import writes, each after those it refers to. */
    private static final List<String> TABLES = List.of("school", "person", "school_role", "subject", "syllabus",
            "study_group", "membership", "guardian_link");

    /** Each measured step runs this many times, each time in a fresh database; the report gives the median. */
    private static final int ROUNDS = Integer.getInteger("import-benchmark.rounds", 3);

    private final PrintStream out = System.out;
    private final Map<String, String> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("import-benchmark.dir", "target/import-scale")).toAbsolutePath();
        long seed = Long.getLong("import-benchmark.seed", 12_000L);
        double scale = Double.parseDouble(System.getProperty("import-benchmark.scale", "1"));
        LocalDate today = LocalDate.now(RosterImporter.SCHOOL_ZONE);
        int schoolYear = Integer.getInteger("import-benchmark.school-year",
                today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1);
        SyntheticMunicipality.Size size = scale == 1 ? SyntheticMunicipality.Size.STOCKHOLM
                : SyntheticMunicipality.Size.STOCKHOLM.scaled(scale);
        new ImportScaleBenchmark().run(folder, seed, schoolYear, size);
        // The embedded PostgreSQL is stopped by TestDatabase's shutdown hook.
        System.exit(0);
    }

    private void run(Path folder, long seed, int schoolYear, SyntheticMunicipality.Size size) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "Roster import at scale: %d CPUs, Java %s, max heap %d MiB, GC %s%n",
                runtime.availableProcessors(), System.getProperty("java.version"), runtime.maxMemory() / MIB,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")));

        Path full = folder.resolve("full");
        Path delta = folder.resolve("delta");
        SyntheticMunicipality.Stats stats = generate(folder, full, delta, seed, schoolYear, size);
        Path oneRosterDelta = folder.resolve("delta-oneroster");
        deleteTree(oneRosterDelta);
        int deltaRows = OneRosterDelta.write(full, delta, oneRosterDelta);
        out.printf(Locale.ROOT, "  the same changes as a OneRoster 1.2 delta: %d rows in %s%n", deltaRows, oneRosterDelta);

        String loadBefore = loadAverage();
        out.println("load average before (1, 5, 15 min): " + loadBefore);
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            out.printf(Locale.ROOT, "%n===== round %d of %d, in a fresh database =====%n", round, ROUNDS);
            rounds.add(round(folder, full, delta, oneRosterDelta));
        }
        SmallHeap smallHeap = smallHeap(full, oneRosterDelta, delta, runtime.maxMemory() * 7 / 10);
        String loadAfter = loadAverage();
        out.println("load average after (1, 5, 15 min): " + loadAfter);
        if (!rounds.isEmpty()) { // -Dimport-benchmark.rounds=0 checks only the heap
            report(stats, rounds, runtime.maxMemory(), loadBefore, loadAfter);
        }
        reportSmallHeap(smallHeap);
        Files.writeString(folder.resolve("result.txt"), String.join("\n", results.values()) + "\n");
        for (Round round : rounds) {
            if (broken(round.full()) || round.delta() != null && broken(round.delta())
                    || round.again() != null && broken(round.again())) {
                throw new IllegalStateException("an import of the synthetic municipality did not succeed for another"
                        + " reason than the heap: see above");
            }
        }
    }

    /** The measured steps of one round: the full import, the COPY floors, the delta, the same night as a full set. */
    private record Round(Measured full, Floors copy, Measured delta, Measured again) {
    }

    private Round round(Path folder, Path full, Path delta, Path oneRosterDelta) throws Exception {
        TestDatabase db = TestDatabase.create("import_scale");
        // JDBC batch writing as the WAR's persistence unit sets it (batch size 1000, web-module's persistence.xml).
        try (TestTransactions transactions = new TestTransactions(db, 1000)) {
            out.println("PostgreSQL: " + db.text("select version()"));
            UUID tenant = db.inTransaction(em -> new RosterAdministration(em).createTenant(null, UUID.randomUUID(),
                    "Stockholms stad (syntetisk)"));

            // (a) the full set into an empty database
            checkpoint(db);
            Measured fullRun = importTimed("full import", db, transactions, Clock.system(RosterImporter.SCHOOL_ZONE),
                    tenant, full);
            out.printf(Locale.ROOT, "database size after the full import: %d MiB%n",
                    Long.parseLong(db.text("select pg_database_size(current_database())")) / MIB);

            // (b) the same rows with raw COPY
            double copyPlain = Double.NaN;
            double copyKeyed = Double.NaN;
            double copySchema = Double.NaN;
            if (fullRun.succeeded()) {
                Path dump = folder.resolve("copy");
                Map<String, Long> rows = export(db, tenant, dump);
                copyPlain = copyTimed(db, dump, rows, "copy_plain", "", false);
                copyKeyed = copyTimed(db, dump, rows, "copy_keyed", " including all", false);
                copySchema = copyTimed(db, dump, rows, "copy_schema", " including all", true);
            }

            // (c) the next night's changes as a OneRoster delta, then (d) the same night as a new full set, which
            // must then find nothing left to change
            Measured deltaRun = null;
            Measured againRun = null;
            if (fullRun.succeeded()) {
                vacuumAnalyze(db);
                Clock nextDay = Clock.offset(Clock.system(RosterImporter.SCHOOL_ZONE), Duration.ofDays(1));
                checkpoint(db);
                deltaRun = importTimed("delta import (OneRoster 1.2 delta)", db, transactions, nextDay, tenant,
                        oneRosterDelta);
                if (deltaRun.succeeded()) {
                    checkpoint(db);
                    againRun = importTimed("the same night as a new full set (School Data Sync v2.1)", db, transactions,
                            nextDay, tenant, delta);
                }
            }
            return new Round(fullRun, new Floors(copyPlain, copyKeyed, copySchema), deltaRun, againRun);
        } finally {
            db.close();
        }
    }

    // ---------------------------------------------------------------- the same work in 70 % of the heap

    /** The three imports of a round, run again in a JVM of their own with a heap of 70 % of this one's. */
    private record SmallHeap(long maxHeap, List<String> results, int exitCode) {

        boolean succeeded() {
            return exitCode == 0 && results.size() == 3 && results.stream().allMatch(r -> r.contains("SUCCEEDED"));
        }
    }

    /**
     * The heap target, judged by what it means: the full import, the delta and the next night's full set, in a fresh
     * database, one after the other in one JVM ({@link ImportInSmallHeap}) whose heap is 70 % of this one's. The peak
     * "after a GC" of a roomy heap says little about what an import needs: G1 leaves old garbage until it needs the room.
     */
    private SmallHeap smallHeap(Path full, Path oneRosterDelta, Path delta, long maxHeap) throws Exception {
        out.printf(Locale.ROOT, "%n===== the same three imports in a heap of %d MiB (70 %%), in a fresh database =====%n",
                maxHeap / MIB);
        TestDatabase db = TestDatabase.create("import_small_heap");
        try {
            UUID tenant = db.inTransaction(em -> new RosterAdministration(em).createTenant(null, UUID.randomUUID(),
                    "Stockholms stad (syntetisk)"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-Xmx" + maxHeap / MIB + "m", "-XX:+UseG1GC",
                    "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    ImportInSmallHeap.class.getName(), db.jdbcUrl(), tenant.toString(), full.toString(),
                    oneRosterDelta.toString(), delta.toString())
                    .redirectErrorStream(true).start();
            List<String> results = new ArrayList<>();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(ImportInSmallHeap.RESULT)) {
                        results.add(line.substring(ImportInSmallHeap.RESULT.length()));
                        out.println(line.substring(ImportInSmallHeap.RESULT.length()));
                    } else if (line.contains("OutOfMemoryError") || line.startsWith("  ")) {
                        out.println(line);
                    }
                }
            }
            return new SmallHeap(maxHeap, results, process.waitFor());
        } finally {
            db.close();
        }
    }

    private void reportSmallHeap(SmallHeap smallHeap) {
        line(String.format(Locale.ROOT, "the same three imports in a heap of %d MiB (70 %% of the heap), in a JVM of"
                        + " their own: %s   target: every import succeeds   %s", smallHeap.maxHeap() / MIB,
                smallHeap.results().isEmpty() ? "no result" : String.join("; ", smallHeap.results()),
                smallHeap.succeeded() ? "PASS" : "FAIL (exit code " + smallHeap.exitCode() + ")"));
    }

    /** The machine's load average over 1, 5 and 15 minutes, from /proc/loadavg (Linux), else the JVM's 1-minute one. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException notLinux) {
            return String.format(Locale.ROOT, "%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    // ---------------------------------------------------------------- the synthetic municipality

    private SyntheticMunicipality.Stats generate(Path folder, Path full, Path delta, long seed, int schoolYear,
                                                 SyntheticMunicipality.Size size) throws IOException {
        long started = System.nanoTime();
        // Regenerated every run (it takes seconds), beside the old set, then moved into place: never half a set.
        SyntheticMunicipality.Stats stats = SyntheticMunicipality.write(folder.resolve("tmp-full"),
                folder.resolve("tmp-delta"), seed, schoolYear, size);
        deleteTree(full);
        deleteTree(delta);
        Files.move(folder.resolve("tmp-full"), full);
        Files.move(folder.resolve("tmp-delta"), delta);
        double seconds = seconds(started);
        out.printf(Locale.ROOT, "%nSynthetic municipality (seed %d, school year %d/%02d), written in %.1f s to %s:%n",
                seed, schoolYear, (schoolYear + 1) % 100, seconds, folder);
        out.printf(Locale.ROOT, "  %d schools, %d students, %d staff (%d teachers), %d guardians; %d sections, %d classes,"
                        + " %d courses%n", size.schools(), size.students(), size.staff(), size.teachers(), size.guardians(),
                stats.sections(), stats.classes(), stats.courses());
        out.printf(Locale.ROOT, "  %d student enrollments, %d teacher enrollments, %d guardian relationships%n",
                stats.studentEnrollments(), stats.teacherEnrollments(), stats.guardianLinks());
        out.printf(Locale.ROOT, "  %-22s %10s %10s %9s %9s %9s%n", "file", "full rows", "delta rows", "removed", "added",
                "changed");
        for (SyntheticMunicipality.FileRows file : stats.files()) {
            out.printf(Locale.ROOT, "  %-22s %10d %10d %9d %9d %9d%n", file.file(), file.full(), file.delta(),
                    file.removed(), file.added(), file.changed());
        }
        out.printf(Locale.ROOT, "  the delta differs in %d of %d rows (%.2f %%), %d MiB on disk per set%n",
                stats.differingRows(), stats.fullRows(), 100.0 * stats.differingRows() / stats.fullRows(),
                folderSize(full) / MIB);
        return stats;
    }

    // ---------------------------------------------------------------- imports

    /** One timed import: the run as recorded, or the error that ended it (e.g. OutOfMemoryError). */
    private record Measured(String name, double seconds, ImportSummary run, Throwable error, HeapMonitor.Peak heap,
                            Map<String, Double> phases, CpuMeter.Used cpu) {

        boolean succeeded() {
            return run != null && run.status() == ImportStatus.SUCCEEDED;
        }
    }

    private Measured importTimed(String name, TestDatabase db, TestTransactions transactions, Clock clock, UUID tenant,
                                 Path folder) {
        System.gc();
        CpuMeter cpu = CpuMeter.start(db);
        PhaseTimer phases = new PhaseTimer();
        ImportSummary run = null;
        Throwable error = null;
        out.printf(Locale.ROOT, "%n%s of %s ...%n", name, folder);
        HeapMonitor heap = HeapMonitor.start();
        long started = System.nanoTime();
        phases.start(started);
        try {
            run = new RosterImports(transactions, clock).importFolder(tenant, folder, "benchmark", phases);
        } catch (OutOfMemoryError | RuntimeException e) {
            error = e;
        }
        long ended = System.nanoTime();
        phases.end(ended);
        HeapMonitor.Peak peak = heap.stop();
        CpuMeter.Used used = cpu.stop();
        double seconds = (ended - started) / 1e9;
        out.printf(Locale.ROOT, "%s: %.1f s, status %s%n", name, seconds,
                run != null ? run.status() : "ended by " + error);
        out.printf(Locale.ROOT, "  phases: %s%n", phases.seconds().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "  heap: peak used %d MiB, peak after a GC %d MiB (max heap %d MiB); %d GC pauses,"
                        + " %.1f s in total%n", peak.used() / MIB, peak.afterGc() / MIB,
                Runtime.getRuntime().maxMemory() / MIB, peak.collections(), peak.collectionMillis() / 1000.0);
        out.printf(Locale.ROOT, "  CPU: %s%n", used.describe(seconds));
        if (run != null) {
            out.println("  counts (created/updated/ended): " + run.counts().stream()
                    .filter(c -> c.created() + c.updated() + c.ended() > 0)
                    .map(ImportScaleBenchmark::count).collect(Collectors.joining(", ")));
            run.notes().forEach(note -> out.println("  note: " + note));
            run.problems().stream().limit(20).forEach(problem -> out.println("  problem: " + problem));
        }
        return new Measured(name, seconds, run, error, peak, phases.seconds(), used);
    }

    private static String count(ImportCount count) {
        return count.kind() + " " + count.created() + "/" + count.updated() + "/" + count.ended();
    }

    // ---------------------------------------------------------------- COPY, the physical floor

    /** Writes the tenant's rows of each table in COPY text format to a file (untimed); returns rows per table. */
    private Map<String, Long> export(TestDatabase db, UUID tenant, Path dump) throws SQLException, IOException {
        Files.createDirectories(dump);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = db.dataSource().getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TABLES) {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(dump.resolve(table + ".tsv")),
                        1 << 20)) {
                    rows.put(table, copy.copyOut("COPY (SELECT * FROM public." + table + " WHERE tenant_id = '" + tenant
                            + "') TO STDOUT", file));
                }
            }
        }
        out.printf(Locale.ROOT, "%nrows the full import wrote (exported for COPY, %d MiB): %s%n", folderSize(dump) / MIB,
                rows.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        return rows;
    }

    /**
     * Creates a table in the schema for each roster table ({@code like public.T} + {@code like}), then COPYs the
     * exported rows into all of them in one transaction, timed from the first COPY to the commit.
     */
    private double copyTimed(TestDatabase db, Path dump, Map<String, Long> rows, String schema, String like,
                             boolean foreignKeys) throws SQLException, IOException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
            for (String table : TABLES) {
                statement.execute("create table " + schema + "." + table + " (like public." + table + like + ")");
            }
            if (foreignKeys) {
                addForeignKeys(connection, schema);
            }
        }
        checkpoint(db);
        long started;
        long copied = 0;
        try (Connection connection = db.dataSource().getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            connection.setAutoCommit(false);
            started = System.nanoTime();
            for (String table : TABLES) {
                try (InputStream file = new BufferedInputStream(Files.newInputStream(dump.resolve(table + ".tsv")), 1 << 20)) {
                    copied += copy.copyIn("COPY " + schema + "." + table + " FROM STDIN", file);
                }
            }
            connection.commit();
        }
        double seconds = seconds(started);
        long expected = rows.values().stream().mapToLong(Long::longValue).sum();
        if (copied != expected) {
            throw new IllegalStateException("COPY loaded " + copied + " rows, not " + expected);
        }
        out.printf(Locale.ROOT, "COPY of the same %d rows into %s tables (%s): %.1f s%n", copied,
                like.isEmpty() ? "plain" : foreignKeys ? "schema" : "keyed",
                like.isEmpty() ? "like public.T: columns and NOT NULL only"
                        : foreignKeys ? "like public.T including all, and the same foreign keys: the roster's own schema"
                        : "like public.T including all: also keys, unique constraints, checks, indexes; no foreign keys",
                seconds);
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema " + schema + " cascade");
        }
        return seconds;
    }

    /**
     * Gives the copies the foreign keys of the roster tables: each constraint's definition as PostgreSQL prints it,
     * added with the copy's schema first on the search path, so that it refers to the copies (and to public.tenant).
     */
    private static void addForeignKeys(Connection connection, String schema) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path = public");
            for (String table : TABLES) {
                try (var rs = statement.executeQuery("select conname, pg_get_constraintdef(c.oid) from pg_constraint c"
                        + " where c.conrelid = 'public." + table + "'::regclass and c.contype = 'f' order by conname")) {
                    while (rs.next()) {
                        keys.add(new String[]{table, rs.getString(1), rs.getString(2)});
                    }
                }
            }
            statement.execute("set search_path = " + schema + ", public");
            for (String[] key : keys) {
                statement.execute("alter table " + key[0] + " add constraint " + key[1] + " " + key[2]);
            }
            statement.execute("reset search_path");
        }
    }

    // ---------------------------------------------------------------- the report

    /** The times of COPYing the rows the full import wrote into plain tables, keyed tables and the roster's schema. */
    private record Floors(double plain, double keyed, double schema) {
    }

    private void report(SyntheticMunicipality.Stats stats, List<Round> rounds, long maxHeap, String loadBefore,
                        String loadAfter) {
        out.println();
        line("=== Roster import at scale: median of " + rounds.size() + " rounds (each in a fresh database; the three"
                + " values in brackets), " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version") + ", max heap " + maxHeap / MIB + " MiB ===");
        line("load average (1, 5, 15 min): before " + loadBefore + ", after " + loadAfter);
        line(String.format(Locale.ROOT, "set: %d schools, %d students, %d staff, %d guardians, %d student enrollments;"
                        + " %d rows in %d files; the next night differs in %.2f %% of the rows",
                stats.size().schools(), stats.size().students(), stats.size().staff(), stats.size().guardians(),
                stats.studentEnrollments(), stats.fullRows(), stats.files().size(),
                100.0 * stats.differingRows() / stats.fullRows()));
        boolean allFull = rounds.stream().allMatch(round -> round.full().succeeded());
        line(String.format(Locale.ROOT, "full import:                 %s s  (%s)",
                median(rounds, round -> round.full().seconds()),
                allFull ? "SUCCEEDED" : "did not succeed: " + rounds.stream().map(round -> describe(round.full()))
                        .collect(Collectors.joining(", "))));
        line(String.format(Locale.ROOT, "raw COPY, roster schema:     %s s  (the same tables: keys, unique constraints,"
                + " checks, indexes, foreign keys)", median(rounds, round -> round.copy().schema())));
        line(String.format(Locale.ROOT, "raw COPY, keyed tables:      %s s  (as above without foreign keys)",
                median(rounds, round -> round.copy().keyed())));
        line(String.format(Locale.ROOT, "raw COPY, plain tables:      %s s  (columns only: no index at all)",
                median(rounds, round -> round.copy().plain())));
        double ratio = medianOf(rounds, round -> round.full().seconds() / round.copy().schema());
        line(String.format(Locale.ROOT, "ratio full / COPY:           %s    target <= 3      %s  (to keyed tables %s,"
                        + " to plain tables %s)", median(rounds, round -> round.full().seconds() / round.copy().schema()),
                verdict(allFull && ratio <= 3), median(rounds, round -> round.full().seconds() / round.copy().keyed()),
                median(rounds, round -> round.full().seconds() / round.copy().plain())));
        long peak = 0;
        long peakAfterGc = 0;
        boolean outOfMemory = false;
        for (Round round : rounds) {
            for (Measured run : java.util.Arrays.asList(round.full(), round.delta(), round.again())) {
                if (run != null) {
                    peak = Math.max(peak, run.heap().used());
                    peakAfterGc = Math.max(peakAfterGc, run.heap().afterGc());
                    outOfMemory |= outOfMemory(run);
                }
            }
        }
        // Not the heap target: in a roomy heap G1 leaves old garbage until it needs the room, so these peaks say as much
        // about the collector as about the import. The target is judged by the imports in 70 % of the heap (below).
        line(String.format(Locale.ROOT, "peak heap in this JVM (highest of all rounds): %d MiB used, %d MiB after a GC;"
                        + " max heap %d MiB%s", peak / MIB, peakAfterGc / MIB, maxHeap / MIB,
                outOfMemory ? "   OUT OF MEMORY" : ""));
        for (Round round : rounds) {
            line(String.format(Locale.ROOT, "  peak heap used/after a GC (MiB): full %s, delta %s, full set again %s",
                    heap(round.full()), heap(round.delta()), heap(round.again())));
        }
        boolean allDeltas = rounds.stream().allMatch(round -> round.delta() != null && round.delta().succeeded());
        if (allDeltas) {
            double share = medianOf(rounds, round -> 100 * round.delta().seconds() / round.full().seconds());
            line(String.format(Locale.ROOT, "delta import (OneRoster):    %s s  (SUCCEEDED)",
                    median(rounds, round -> round.delta().seconds())));
            line(String.format(Locale.ROOT, "delta / full:                %s %%  target <= 5 %%   %s",
                    median(rounds, round -> 100 * round.delta().seconds() / round.full().seconds()),
                    verdict(share <= 5)));
        } else {
            line("delta import:                did not succeed in every round: " + rounds.stream()
                    .map(round -> round.delta() == null ? "not run" : describe(round.delta()))
                    .collect(Collectors.joining(", ")) + "   FAIL");
        }
        if (rounds.stream().allMatch(round -> round.again() != null)) {
            List<Long> changes = rounds.stream().map(round -> round.again().run() == null ? -1L : round.again().run()
                    .counts().stream().mapToLong(c -> c.created() + c.updated() + c.ended()).sum()).toList();
            line(String.format(Locale.ROOT, "same night as a full set:    %s s  (%s; %s %% of the full import), changes"
                            + " left after the delta: %s   %s", median(rounds, round -> round.again().seconds()),
                    rounds.stream().allMatch(round -> round.again().succeeded()) ? "SUCCEEDED" : "did not succeed",
                    median(rounds, round -> 100 * round.again().seconds() / round.full().seconds()), changes,
                    changes.stream().allMatch(c -> c == 0) ? "the delta did the same as the full set"
                            : "DIFFERS: see its counts above"));
        }
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            for (Measured run : java.util.Arrays.asList(round.full(), round.delta(), round.again())) {
                if (run != null) {
                    line("round " + (i + 1) + ", " + run.name() + ": phases (s) " + phases(run) + "; CPU "
                            + run.cpu().describe(run.seconds()) + String.format(Locale.ROOT, "; GC %d pauses %.1f s",
                            run.heap().collections(), run.heap().collectionMillis() / 1000.0));
                }
            }
        }
    }

    /** "median (first, second, third)" of a figure of every round, one decimal each. */
    private static String median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        return String.format(Locale.ROOT, "%8.1f (%s)", medianOf(rounds, figure), rounds.stream()
                .map(round -> String.format(Locale.ROOT, "%.1f", figure.applyAsDouble(round)))
                .collect(Collectors.joining(", ")));
    }

    static double medianOf(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String heap(Measured run) {
        return run == null ? "-" : run.heap().used() / MIB + "/" + run.heap().afterGc() / MIB;
    }

    /** Ran out of heap: a missed target, reported as such. */
    private static boolean outOfMemory(Measured run) {
        return run.error() instanceof OutOfMemoryError
                || run.run() != null && run.run().problems().stream().anyMatch(p -> p.contains("OutOfMemoryError"));
    }

    /** Did not succeed for another reason: the benchmark itself is wrong (e.g. the generator wrote a bad set). */
    private static boolean broken(Measured run) {
        return !run.succeeded() && !outOfMemory(run);
    }

    private static String phases(Measured run) {
        return run.phases().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String describe(Measured run) {
        return run.run() != null ? run.run().status().toString() : String.valueOf(run.error());
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    private void line(String text) {
        out.println(text);
        results.put(String.valueOf(results.size()), text);
    }

    // ---------------------------------------------------------------- database helpers

    private static void checkpoint(TestDatabase db) throws SQLException {
        db.executeSql("checkpoint");
    }

    private void vacuumAnalyze(TestDatabase db) throws SQLException {
        long started = System.nanoTime();
        for (String table : TABLES) {
            db.executeSql("vacuum (analyze) " + table);
        }
        out.printf(Locale.ROOT, "%nvacuum (analyze) of the roster tables before the delta (untimed): %.1f s%n",
                seconds(started));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long folderSize(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    // ---------------------------------------------------------------- phases

    /** Wall time per phase of the import, from the progress the importer reports. */
    private static final class PhaseTimer implements ImportProgressListener {

        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private String phase;
        private long since;

        void start(long now) {
            phase = "RECORDING_RUN";
            since = now;
        }

        @Override
        public void progress(UUID runId, String phase, long done, long total) {
            if (!phase.equals(this.phase)) {
                long now = System.nanoTime();
                seconds.merge(this.phase, (now - since) / 1e9, Double::sum);
                this.phase = phase;
                since = now;
            }
        }

        /** The last phase (COMMITTING) lasts until the import returns, its run recorded as finished. */
        void end(long now) {
            seconds.merge(phase, (now - since) / 1e9, Double::sum);
            phase = "AFTER";
            since = now;
        }

        Map<String, Double> seconds() {
            return seconds;
        }
    }

    // ---------------------------------------------------------------- CPU

    /**
     * CPU time used while an import runs: by this JVM (every thread, the garbage collector's too) and by the embedded
     * PostgreSQL (the postmaster and all its processes, from /proc; Linux only, else not shown). Tells whether an
     * import waits for the database or the database for it.
     */
    private static final class CpuMeter {

        record Used(double jvm, double postgres) {

            String describe(double wall) {
                return String.format(Locale.ROOT, "JVM %.1f s, PostgreSQL %s, wall %.1f s", jvm,
                        Double.isNaN(postgres) ? "unknown" : String.format(Locale.ROOT, "%.1f s", postgres), wall);
            }
        }

        private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

        private final long postmaster;
        private final long jvmBefore;
        private final double postgresBefore;

        private CpuMeter(long postmaster) {
            this.postmaster = postmaster;
            this.jvmBefore = jvmNanos();
            this.postgresBefore = postgresSeconds(postmaster);
        }

        static CpuMeter start(TestDatabase db) {
            long postmaster = -1;
            try {
                long checkpointer = Long.parseLong(db.text("select pid from pg_stat_activity where backend_type = 'checkpointer'"));
                postmaster = stat(checkpointer)[1];
            } catch (RuntimeException | IOException unknown) {
                // not Linux, or no /proc: PostgreSQL's CPU is not shown
            }
            return new CpuMeter(postmaster);
        }

        Used stop() {
            return new Used((jvmNanos() - jvmBefore) / 1e9, postgresSeconds(postmaster) - postgresBefore);
        }

        private static long jvmNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** The postmaster's CPU and its reaped children's, plus that of its living children. */
        private static double postgresSeconds(long postmaster) {
            if (postmaster < 0) {
                return Double.NaN;
            }
            try (var processes = Files.list(Path.of("/proc"))) {
                long ticks = 0;
                for (Path process : processes.toList()) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long pid = Long.parseLong(name);
                    try {
                        long[] stat = stat(pid);
                        if (pid == postmaster || stat[1] == postmaster) {
                            ticks += stat[2] + stat[3] + stat[4] + stat[5];
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
                return ticks / TICKS_PER_SECOND;
            } catch (IOException unknown) {
                return Double.NaN;
            }
        }

        /** pid, ppid, utime, stime, cutime, cstime of a process, from /proc/[pid]/stat. */
        private static long[] stat(long pid) throws IOException {
            String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new long[]{pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        }
    }

    // ---------------------------------------------------------------- heap

    /**
     * Watches the heap while an import runs: samples the used heap every 10 ms, and takes each garbage
     * collection's heap before (the highest it got) and after (an upper bound of the live data).
     */
    static final class HeapMonitor {

        record Peak(long used, long afterGc, long collections, long collectionMillis) {
        }

        private final AtomicLong used = new AtomicLong();
        private final AtomicLong afterGc = new AtomicLong();
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                used.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
                afterGc.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
            }
        };
        private final long collectionsBefore = collections();
        private final long millisBefore = collectionMillis();
        private volatile boolean running = true;
        private final Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");

        static HeapMonitor start() {
            HeapMonitor monitor = new HeapMonitor();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(monitor.listener, null, null);
                    monitor.emitters.add(emitter);
                }
            }
            monitor.sampler.setDaemon(true);
            monitor.sampler.start();
            return monitor;
        }

        Peak stop() {
            running = false;
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // never added
                }
            }
            return new Peak(used.get(), afterGc.get(), collections() - collectionsBefore,
                    collectionMillis() - millisBefore);
        }

        private long heap(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }

        private static long collections() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum();
        }

        private static long collectionMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
        }
    }

    static {
        // The generated files are UTF-8 (å, ä, ö); so is the output.
        if (!StandardCharsets.UTF_8.equals(java.nio.charset.Charset.defaultCharset())) {
            System.setOut(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    StandardCharsets.UTF_8));
        }
    }
}
