package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportSummary;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * Roster imports and syncs as metrics (README.md, "Operations"): each run's duration and outcome, how long each of its
 * phases took (told by the importer's {@link ImportProgressListener}) and how many rows it created, updated and ended
 * per kind. The tags name the source ({@code files}, {@code ss12000}, {@code graph}), the phase, the status and the kind
 * of row only: never an organisation, a person or a file.
 */
@ApplicationScoped
@NoStudentData("measures roster runs by source, phase, status and kind of row; it keeps no person and answers nothing")
public class RosterMetrics {

    /** Where a run's rows come from. */
    public enum Source {
        FILES("files"), SS12000("ss12000"), GRAPH("graph");

        private final String tag;

        Source(String tag) {
            this.tag = tag;
        }
    }

    private static final Metadata PHASE = Metadata.builder().withName("klassrum.roster.phase")
            .withDescription("How long a phase of a roster import or sync took").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata RUN = Metadata.builder().withName("klassrum.roster.run")
            .withDescription("How long a roster import or sync took, by its outcome").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata ROWS = Metadata.builder().withName("klassrum.roster.rows")
            .withDescription("Roster rows created, updated or ended by imports and syncs, per kind").build();

    @Inject
    MetricRegistry registry;

    /**
     * Runs an import or sync, measured: {@code run} gets the listener to hand to the importer (which tells {@code next},
     * if any, everything in turn) and returns the recorded run.
     */
    public ImportSummary measure(Source source, ImportProgressListener next, Function<ImportProgressListener, ImportSummary> run) {
        Phases phases = new Phases(source, next == null ? ImportProgressListener.NONE : next);
        long started = System.nanoTime();
        String status = "ERROR";
        try {
            ImportSummary done = run.apply(phases);
            status = done.status().name();
            for (ImportCount count : done.counts()) {
                rows(source, count, "created", count.created());
                rows(source, count, "updated", count.updated());
                rows(source, count, "ended", count.ended());
            }
            return done;
        } finally {
            phases.close();
            registry.timer(RUN, new Tag("source", source.tag), new Tag("status", status))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void rows(Source source, ImportCount count, String change, int rows) {
        if (rows > 0) {
            registry.counter(ROWS, new Tag("source", source.tag), new Tag("kind", count.kind().name()),
                    new Tag("change", change)).inc(rows);
        }
    }

    /** Times each phase from the first word of it to the first word of the next, or the end of the run. */
    private final class Phases implements ImportProgressListener {

        private final Source source;
        private final ImportProgressListener next;
        private String phase;
        private long phaseStarted;

        Phases(Source source, ImportProgressListener next) {
            this.source = source;
            this.next = next;
        }

        @Override
        public void progress(UUID runId, String phase, long done, long total) {
            if (!phase.equals(this.phase)) {
                close();
                this.phase = phase;
                phaseStarted = System.nanoTime();
            }
            next.progress(runId, phase, done, total);
        }

        void close() {
            if (phase != null) {
                registry.timer(PHASE, new Tag("source", source.tag), new Tag("phase", phase))
                        .update(Duration.ofNanos(System.nanoTime() - phaseStarted));
                phase = null;
            }
        }
    }
}
