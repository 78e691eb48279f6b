package se.klassrum.roster.sync;

import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.RosterImporter;
import se.klassrum.roster.importer.RosterSource;
import se.klassrum.roster.sync.ss12000.Ss12000Client;
import se.klassrum.roster.sync.ss12000.Ss12000Exception;
import se.klassrum.roster.sync.ss12000.Ss12000Snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Synchronises one tenant's roster with its student register's SS 12000 API, one run at a time.
 * <p>
 * The first run reads the whole register; each later one reads only what was modified
 * ({@code meta.modified.after}) or deleted ({@code /deletedEntities}) since the previous read began, less an
 * overlap for clocks that differ, and applies it to the snapshot it keeps. Every run then imports the whole
 * snapshot as a full set, so the roster import's planner writes only the differences, in one transaction.
 * <p>
 * A run that fails half-way changes nothing that the next run relies on: a failed read keeps the previous
 * snapshot and its time, so the next run asks for the same changes again; a failed write leaves the roster as
 * it was, and the next run imports the whole snapshot again. After a set number of runs in a row whose reading of
 * the changes failed, the next run reads the whole register instead, and says so on the run. The snapshot is kept in the database
 * ({@link Ss12000SnapshotStore}) after each read, so after a restart, or on another node, the next run still asks
 * only for what changed.
 */
public final class Ss12000Sync {

    private static final Logger LOG = Logger.getLogger(Ss12000Sync.class.getName());

    private final UUID tenantId;
    private final Ss12000Client client;
    private final RosterImporter importer;
    private final Clock clock;
    private final Duration overlap;
    private final Ss12000SnapshotStore store;
    private final int fullReadAfter;

    private Ss12000Snapshot snapshot;
    private Instant readStartedAt;
    /** Runs in a row whose reading of the changes failed, and the last failure's message. */
    private int failedDeltas;
    private String lastDeltaFailure;

    /**
     * @param overlap how far before the previous read's start a delta looks, for clocks that differ
     * @param fullReadAfter after this many runs in a row whose reading of the changes failed, the next run reads
     *                      the whole register instead (at least 1)
     * @param store   where the snapshot is kept between runs, restarts and nodes
     */
    public Ss12000Sync(UUID tenantId, Ss12000Client client, RosterImporter importer, Clock clock, Duration overlap,
                       int fullReadAfter, Ss12000SnapshotStore store) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.client = Objects.requireNonNull(client, "client");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        this.store = Objects.requireNonNull(store, "store");
        if (fullReadAfter < 1) {
            throw new IllegalArgumentException("fullReadAfter must be at least 1");
        }
        this.fullReadAfter = fullReadAfter;
    }

    public UUID tenantId() {
        return tenantId;
    }

    /**
     * Reads the register (all of it, or what changed) and imports it into the tenant.
     *
     * @param actor who started the run: a person's id, or e.g. "ss12000-schedule"
     * @return the recorded run; REJECTED with the register's or the data's problems, FAILED if writing failed
     */
    public synchronized ImportSummary sync(String actor, ImportProgressListener listener) {
        String register = client.baseUri().toString();
        catchUp(register);
        Ss12000Snapshot previous = snapshot;
        Instant after = readStartedAt == null ? null : readStartedAt.minus(overlap).truncatedTo(ChronoUnit.SECONDS);
        // A delta that keeps failing (a register that cannot answer it) must not stop the sync for good.
        boolean fallBack = previous != null && failedDeltas >= fullReadAfter;
        boolean whole = previous == null || fallBack;
        String description = whole ? "all entities" : "changes after " + after;
        RosterSource source = RosterSource.ss12000(register, description, () -> {
            Instant started = clock.instant();
            Ss12000Snapshot read;
            try {
                read = whole ? Ss12000Snapshot.read(client) : previous.updated(client, after);
            } catch (Ss12000Exception failed) {
                if (!whole) {
                    failedDeltas++;
                    lastDeltaFailure = failed.getMessage();
                }
                throw failed;
            }
            if (fallBack) {
                read.noted("the changes could not be read in the last " + failedDeltas + " runs (last: "
                        + lastDeltaFailure + "); this run read the whole register");
            }
            failedDeltas = 0;
            lastDeltaFailure = null;
            snapshot = read;
            readStartedAt = started;
            return read;
        });
        ImportSummary run = importer.importSource(tenantId, source, actor, listener);
        if (snapshot != previous) {
            try {
                store.save(tenantId, register, new Ss12000SnapshotStore.Kept(snapshot, readStartedAt));
            } catch (RuntimeException notKept) {
                // Only costs time: the next run here still has it, and elsewhere reads from an older snapshot.
                LOG.log(Level.WARNING, "The SS 12000 snapshot of organisation " + tenantId + " could not be kept",
                        notKept);
            }
        }
        return run;
    }

    /** Takes the kept snapshot when it is newer than this one: after a restart, or after a run on another node. */
    private void catchUp(String register) {
        try {
            Optional<Instant> kept = store.readStartedAt(tenantId, register);
            if (kept.isPresent() && (readStartedAt == null || kept.get().isAfter(readStartedAt))) {
                store.load(tenantId, register).ifPresent(newer -> {
                    snapshot = newer.snapshot();
                    readStartedAt = newer.readStartedAt();
                });
            }
        } catch (RuntimeException unreadable) {
            LOG.log(Level.WARNING, "The kept SS 12000 snapshot of organisation " + tenantId + " cannot be used; this"
                    + " run goes on from " + (snapshot == null ? "a full read" : "its own snapshot"), unreadable);
        }
    }
}
