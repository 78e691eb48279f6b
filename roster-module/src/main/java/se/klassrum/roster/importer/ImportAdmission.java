package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.entity.ImportRun;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.entity.RosterException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admission of an import or sync run, before anything is read: one of this node's import slots
 * ({@code klassrum.import.parallel}), then the run's row, recorded RUNNING. The database admits at most one RUNNING run
 * per organisation (the partial unique index {@code uq_import_run_running}), so a second run of the same organisation
 * is refused on any node, naming the run in progress.
 * <p>
 * While admitted, the run holds its run lock: a PostgreSQL session-level advisory lock on a connection of its own. A
 * run that its node no longer works on (the node was killed, or the run ended without recording its end) has no
 * holder: admission and start-up close such a run as FAILED, interrupted; a run whose lock is held is left alone. The
 * roster itself is written in one transaction, so an interrupted run wrote nothing.
 * <p>
 * Closing the admission releases the run lock and the slot; the run's end must be recorded before.
 */
public final class ImportAdmission implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ImportAdmission.class.getName());
    /** The first key of a run lock; the second is {@code hashtext} of the run's id. */
    private static final int RUN_LOCK_NAMESPACE = 0x52554e53;
    /** The reason recorded for a run that no node works on any more. */
    public static final String INTERRUPTED = "the run was interrupted (the server stopped or failed during it);"
            + " nothing of it was written";

    private final ImportSlots slots;
    private final UUID tenantId;
    private final Connection lock;
    private final UUID runId;

    private ImportAdmission(ImportSlots slots, UUID tenantId, Connection lock, UUID runId) {
        this.slots = slots;
        this.tenantId = tenantId;
        this.lock = lock;
        this.runId = runId;
    }

    /**
     * Admits a run of the tenant, or refuses it with nothing recorded.
     *
     * @param newRun makes the run's row with the given id; it may refuse (e.g. an unknown tenant) by throwing
     * @throws ImportNotAdmitted the organisation has a run in progress, or this node reads as many as it may
     */
    public static ImportAdmission admit(ImportTransactions transactions, UUID tenantId, Clock clock,
                                        BiFunction<EntityManager, UUID, ImportRun> newRun) {
        Objects.requireNonNull(newRun, "newRun");
        ImportSlots slots = transactions.importSlots();
        UUID runId = UUID.randomUUID();
        if (!slots.tryTake(tenantId, runId)) {
            UUID running = slots.runOf(tenantId).orElseGet(() -> tenantId == null ? null
                    : transactions.inNewTransaction(em -> {
                        closeInterrupted(em, tenantId, clock);
                        return runningRun(em, tenantId);
                    }));
            throw running == null ? ImportNotAdmitted.nodeBusy() : ImportNotAdmitted.organisationBusy(running);
        }
        Connection lock = null;
        try {
            lock = transactions.connectionOfItsOwn();
            runLock(lock, "pg_advisory_lock", runId);
            try {
                transactions.inNewTransaction(em -> {
                    if (tenantId != null) {
                        closeInterrupted(em, tenantId, clock);
                        UUID running = runningRun(em, tenantId);
                        if (running != null) {
                            throw ImportNotAdmitted.organisationBusy(running);
                        }
                    }
                    em.persist(newRun.apply(em, runId));
                    em.flush();
                    return null;
                });
            } catch (ImportNotAdmitted | RosterException refused) {
                throw refused;
            } catch (RuntimeException raced) {
                // Another node recorded its run between the check and the insert: the unique index refused ours.
                UUID running = transactions.inNewTransaction(em -> runningRun(em, tenantId));
                if (running != null && !running.equals(runId)) {
                    throw ImportNotAdmitted.organisationBusy(running);
                }
                throw raced;
            }
            return new ImportAdmission(slots, tenantId, lock, runId);
        } catch (SQLException e) {
            release(lock, runId);
            slots.give(tenantId, runId);
            throw new IllegalStateException("the import's run lock could not be taken", e);
        } catch (RuntimeException | Error notAdmitted) {
            release(lock, runId);
            slots.give(tenantId, runId);
            throw notAdmitted;
        }
    }

    /** The admitted run's id. */
    public UUID runId() {
        return runId;
    }

    /**
     * Records how far the run has come on the run's own connection, committed at once, while the writing transaction
     * stays open on another: no transaction of the server's pool is begun or ended in the middle of the writing one
     * (see {@link ImportTransactions#connectionOfItsOwn}).
     */
    public void progress(String phase, long done, long total) {
        try (var update = lock.prepareStatement("update import_run set phase = ?, progress_done = ?, progress_total = ?,"
                + " version = version + 1 where id = ? and status = 'RUNNING'")) {
            update.setString(1, phase);
            update.setLong(2, done);
            update.setLong(3, total);
            update.setObject(4, runId);
            update.executeUpdate();
            if (!lock.getAutoCommit()) {
                lock.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the run's progress could not be recorded", e);
        }
    }

    /** Releases the run lock and the slot; the run's end is recorded before. */
    @Override
    public void close() {
        release(lock, runId);
        slots.give(tenantId, runId);
    }

    /**
     * Closes as FAILED, interrupted, every RUNNING run (of the tenant, or of all tenants for {@code null}) whose run
     * lock no session holds: no node works on it any more. Runs in the caller's transaction, whose advisory locks keep
     * two nodes from closing the same run.
     *
     * @return how many runs were closed
     */
    public static int closeInterrupted(EntityManager em, UUID tenantId, Clock clock) {
        String running = "select id from import_run where status = 'RUNNING'"
                + (tenantId == null ? "" : " and tenant_id = cast(?2 as uuid)");
        var query = em.createNativeQuery("with running as materialized (" + running + ")"
                        + " select cast(id as varchar) from running"
                        + " where pg_try_advisory_xact_lock(?1, hashtext(cast(id as varchar)))")
                .setParameter(1, RUN_LOCK_NAMESPACE);
        if (tenantId != null) {
            query.setParameter(2, tenantId.toString());
        }
        @SuppressWarnings("unchecked")
        List<Object> orphans = query.getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        for (Object id : orphans) {
            ImportRun run = em.find(ImportRun.class, UUID.fromString(id.toString()));
            em.refresh(run);
            if (run.status() == ImportStatus.RUNNING) {
                run.finish(ImportStatus.FAILED, now, List.of(), List.of("import: " + INTERRUPTED), List.of());
                LOG.warning("Import run " + run.id() + " of organisation " + run.tenant().id()
                        + " was left running by a node that no longer works on it; it is closed as interrupted");
            }
        }
        em.flush();
        return orphans.size();
    }

    private static UUID runningRun(EntityManager em, UUID tenantId) {
        return em.createQuery("select r.id from ImportRun r where r.tenant.id = :tenant and r.status = :running",
                        UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("running", ImportStatus.RUNNING)
                .getResultList().stream().findFirst().orElse(null);
    }

    private static void runLock(Connection connection, String function, UUID runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + function + "(?, hashtext(?))")) {
            statement.setInt(1, RUN_LOCK_NAMESPACE);
            statement.setString(2, runId.toString());
            statement.execute();
        }
    }

    private static void release(Connection lock, UUID runId) {
        if (lock == null) {
            return;
        }
        try (lock) {
            runLock(lock, "pg_advisory_unlock", runId);
        } catch (SQLException e) {
            // A broken connection holds nothing any more; a finished run needs no lock.
            LOG.log(Level.FINE, "The run lock of import run " + runId + " was not released explicitly", e);
        }
    }
}
