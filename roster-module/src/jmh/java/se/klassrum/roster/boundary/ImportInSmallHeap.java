package se.klassrum.roster.boundary;

import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.RosterImporter;
import se.klassrum.roster.testing.TestTransactions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The imports of a round of {@link ImportScaleBenchmark}, in a JVM of their own that the benchmark starts with a smaller
 * heap: the full import, the next day's OneRoster delta and the next night's full set, into the given organisation of
 * the database at the URL. Prints one {@link #RESULT} line per import; an OutOfMemoryError ends the JVM (the benchmark
 * starts it with {@code -XX:+ExitOnOutOfMemoryError}), and so does an import that does not succeed.
 * <p>
 * Arguments: JDBC URL (user and password postgres), tenant id, full set folder, delta folder, next night's folder.
 */
public final class ImportInSmallHeap {

    static final String RESULT = "RESULT|";
    private static final long MIB = 1024 * 1024;

    private ImportInSmallHeap() {
    }

    public static void main(String[] args) {
        UUID tenant = UUID.fromString(args[1]);
        Clock today = Clock.system(RosterImporter.SCHOOL_ZONE);
        Clock nextDay = Clock.offset(today, Duration.ofDays(1));
        int status = 0;
        try (TestTransactions transactions = TestTransactions.at(args[0])) {
            status |= run("full import", new RosterImports(transactions, today), tenant, Path.of(args[2]));
            status |= run("delta", new RosterImports(transactions, nextDay), tenant, Path.of(args[3]));
            status |= run("the next night's full set", new RosterImports(transactions, nextDay), tenant, Path.of(args[4]));
        }
        System.exit(status);
    }

    private static int run(String name, RosterImports imports, UUID tenant, Path folder) {
        System.gc();
        ImportScaleBenchmark.HeapMonitor heap = ImportScaleBenchmark.HeapMonitor.start();
        long started = System.nanoTime();
        ImportSummary run = imports.importFolder(tenant, folder, "benchmark", null);
        double seconds = (System.nanoTime() - started) / 1e9;
        ImportScaleBenchmark.HeapMonitor.Peak peak = heap.stop();
        System.out.printf(Locale.ROOT, "%s%s %s in %.1f s (peak after a GC %d MiB of %d MiB; %d GC pauses, %.1f s)%n",
                RESULT, name, run.status(), seconds, peak.afterGc() / MIB, Runtime.getRuntime().maxMemory() / MIB,
                peak.collections(), peak.collectionMillis() / 1000.0);
        run.problems().stream().limit(5).forEach(problem -> System.out.println("  problem: " + problem));
        return run.status() == se.klassrum.roster.entity.ImportStatus.SUCCEEDED ? 0 : 1;
    }
}
