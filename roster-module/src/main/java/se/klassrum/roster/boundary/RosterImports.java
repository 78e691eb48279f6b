package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.roster.entity.ImportRun;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.importer.ImportAdmission;
import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.ImportTransactions;
import se.klassrum.roster.importer.RosterImporter;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Roster import from files: School Data Sync CSV (v2.1, v1) and OneRoster CSV, as documented in
 * roster-module/IMPORT.md.
 * <p>
 * An import is all or nothing: the files are read and checked first, and any problem (a missing file or
 * column, an unknown reference, a bad date, a duplicate id) refuses the whole run with every problem listed
 * as file:line: message. Otherwise only the differences are written, in one transaction, and what a full set
 * leaves out ends the day before the import date, so that access through it ends with the very next request.
 * Re-running the same files changes nothing. Every run, refused or not, is recorded with its counts.
 * <p>
 * The methods do not run in the caller's transaction: an import makes its own (see {@link ImportTransactions}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
@NoStudentData("roster import by the tenant's integration or administrator, authorised by the caller of the boundary;"
        + " it writes and lists roster facts and import runs, and returns counts and file:line problems, never a"
        + " student's information")
public class RosterImports {

    private ImportTransactions transactions;
    /** Absent outside the container. */
    @Inject
    RosterMetrics metrics;
    private Clock clock = Clock.system(RosterImporter.SCHOOL_ZONE);

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected RosterImports() {
    }

    @Inject
    RosterImports(ImportTransactions transactions) {
        this.transactions = transactions;
    }

    /** For tests outside a container: their own transactions and clock. */
    RosterImports(ImportTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Imports the roster files of a folder on the server into the tenant. The format is told by the file
     * names: orgs.csv, users.csv, roles.csv, ... (School Data Sync v2.1); School.csv, Section.csv,
     * Student.csv, ... (School Data Sync v1); manifest.csv, ... (OneRoster 1.1 or 1.2, bulk or delta).
     *
     * @param actor who imports: the id of the person or application the caller authorised
     * @return the recorded run: SUCCEEDED with its counts, or REJECTED or FAILED with its problems
     * @throws RosterException UNKNOWN_TENANT, or VALUE_REQUIRED for a blank actor (no run is recorded then)
     */
    public ImportSummary importFolder(UUID tenantId, Path folder, String actor) {
        return importFolder(tenantId, folder, actor, ImportProgressListener.NONE);
    }

    /** As {@link #importFolder(UUID, Path, String)}, telling the listener how the run is getting on. */
    public ImportSummary importFolder(UUID tenantId, Path folder, String actor, ImportProgressListener listener) {
        RosterImporter importer = new RosterImporter(transactions, clock);
        if (metrics == null) {
            return importer.importFolder(tenantId, folder, actor, listener);
        }
        return metrics.measure(RosterMetrics.Source.FILES, listener,
                measured -> importer.importFolder(tenantId, folder, actor, measured));
    }

    /**
     * Closes as FAILED, interrupted, every run of every tenant that is recorded RUNNING but that no node works on any
     * more (its run lock is free: the node that ran it was killed, or it ended without recording its end). Called at
     * start-up; admission does the same for the tenant it admits. A run a live node still works on is left alone.
     *
     * @return how many runs were closed
     */
    public int closeInterruptedRuns() {
        return transactions.inNewTransaction(em -> ImportAdmission.closeInterrupted(em, null, clock));
    }

    /** The tenant's import runs, newest first, finished or still running. */
    public List<ImportSummary> runs(UUID tenantId) {
        return transactions.inNewTransaction(em -> em.createQuery(
                        "select r from ImportRun r where r.tenant.id = :tenant order by r.startedAt desc", ImportRun.class)
                .setParameter("tenant", tenantId)
                .getResultList().stream().map(ImportSummary::of).toList());
    }

    /** One run of the tenant, e.g. to follow a running import's progress; empty if it is another tenant's. */
    public Optional<ImportSummary> run(UUID tenantId, UUID runId) {
        if (tenantId == null || runId == null) {
            throw RosterException.of(RosterError.VALUE_REQUIRED, "field", tenantId == null ? "tenantId" : "runId");
        }
        return transactions.inNewTransaction(em -> Optional.ofNullable(em.find(ImportRun.class, runId))
                .filter(run -> run.tenant().id().equals(tenantId))
                .map(ImportSummary::of));
    }
}
