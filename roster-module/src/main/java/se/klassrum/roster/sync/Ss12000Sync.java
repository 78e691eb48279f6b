package se.klassrum.roster.sync;

import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.RosterImporter;
import se.klassrum.roster.importer.RosterSource;
import se.klassrum.roster.sync.ss12000.Ss12000Client;
import se.klassrum.roster.sync.ss12000.Ss12000Snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

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
 * it was, and the next run imports the whole snapshot again. The snapshot lives in memory: after a restart
 * the first run reads the whole register again.
 */
public final class Ss12000Sync {

    private final UUID tenantId;
    private final Ss12000Client client;
    private final RosterImporter importer;
    private final Clock clock;
    private final Duration overlap;

    private Ss12000Snapshot snapshot;
    private Instant readStartedAt;

    /** @param overlap how far before the previous read's start a delta looks, for clocks that differ */
    public Ss12000Sync(UUID tenantId, Ss12000Client client, RosterImporter importer, Clock clock, Duration overlap) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.client = Objects.requireNonNull(client, "client");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
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
        Ss12000Snapshot previous = snapshot;
        Instant after = readStartedAt == null ? null : readStartedAt.minus(overlap).truncatedTo(ChronoUnit.SECONDS);
        String description = previous == null ? "all entities" : "changes after " + after;
        RosterSource source = RosterSource.ss12000(client.baseUri().toString(), description, () -> {
            Instant started = clock.instant();
            Ss12000Snapshot read = previous == null ? Ss12000Snapshot.read(client) : previous.updated(client, after);
            snapshot = read;
            readStartedAt = started;
            return read;
        });
        return importer.importSource(tenantId, source, actor, listener);
    }
}
