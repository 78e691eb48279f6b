package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.ImportTransactions;
import se.klassrum.roster.importer.RosterImporter;
import se.klassrum.roster.sync.Ss12000Configuration;
import se.klassrum.roster.sync.Ss12000SnapshotStore;
import se.klassrum.roster.sync.Ss12000Sync;
import se.klassrum.roster.sync.ss12000.Ss12000Client;
import se.klassrum.roster.sync.ss12000.Ss12000Requests;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The roster's sync with each organisation's student register through its SS 12000 v2.1 API (roster-module/IMPORT.md,
 * "SS 12000"), set up by {@link Ss12000Configuration}'s settings. Each run is recorded like a file import and
 * listed with them ({@link RosterImports#runs}); it is started by {@link RosterSyncSchedule} or by an
 * administrator through the API.
 * <p>
 * The methods do not run in the caller's transaction: a run makes its own (see {@link ImportTransactions}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
@NoStudentData("roster sync from the tenant's student register, started by the schedule or by the tenant's administrator"
        + " authorised by the caller of the boundary; it writes roster facts and returns the run's counts and problems,"
        + " never a student's information")
public class RosterSync {

    private ImportTransactions transactions;
    /** Absent outside the container. */
    @Inject
    RosterMetrics metrics;
    private Ss12000Requests requests;
    private Clock clock = Clock.system(RosterImporter.SCHOOL_ZONE);
    private List<Ss12000Configuration> configurations;
    private Map<UUID, Ss12000Sync> syncs;

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected RosterSync() {
    }

    @Inject
    RosterSync(ImportTransactions transactions, Ss12000Requests requests) {
        this.transactions = transactions;
        this.requests = requests;
    }

    /**
     * The registers set up, read once from the settings (one per organisation at most).
     *
     * @throws IllegalArgumentException for a wrong setting, at every use
     */
    public synchronized List<Ss12000Configuration> configurations() {
        if (configurations == null) {
            Config config = ConfigProvider.getConfig();
            configurations = Ss12000Configuration.readAll(key -> config.getOptionalValue(key, String.class));
        }
        return configurations;
    }

    /**
     * Synchronises the tenant's roster with its register now: everything the first time, then what changed.
     *
     * @param actor who started the run: a person's or application's id, or "schedule"
     * @return the recorded run; empty if no register is set up for this tenant
     */
    public Optional<ImportSummary> syncNow(UUID tenantId, String actor) {
        Ss12000Sync sync = syncs().get(tenantId);
        if (sync == null || metrics == null) {
            return Optional.ofNullable(sync).map(found -> found.sync(actor, ImportProgressListener.NONE));
        }
        return Optional.of(metrics.measure(RosterMetrics.Source.SS12000, ImportProgressListener.NONE,
                measured -> sync.sync(actor, measured)));
    }

    private synchronized Map<UUID, Ss12000Sync> syncs() {
        if (syncs == null) {
            Map<UUID, Ss12000Sync> made = new HashMap<>();
            for (Ss12000Configuration register : configurations()) {
                made.put(register.tenantId(), new Ss12000Sync(register.tenantId(),
                        Ss12000Client.of(register.settings(), requests), new RosterImporter(transactions, clock), clock,
                        register.overlap(), new Ss12000SnapshotStore(transactions)));
            }
            syncs = Map.copyOf(made);
        }
        return syncs;
    }
}
