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
import se.klassrum.roster.sync.Ss12000Sync;
import se.klassrum.roster.sync.ss12000.Ss12000Client;
import se.klassrum.roster.sync.ss12000.Ss12000Requests;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The roster's sync with the tenant's student register through its SS 12000 v2.1 API (roster-module/IMPORT.md,
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
    private Ss12000Requests requests;
    private Clock clock = Clock.system(RosterImporter.SCHOOL_ZONE);
    private Optional<Ss12000Configuration> configuration;
    private Ss12000Sync sync;

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected RosterSync() {
    }

    @Inject
    RosterSync(ImportTransactions transactions, Ss12000Requests requests) {
        this.transactions = transactions;
        this.requests = requests;
    }

    /** The settings, read once; a wrong setting is reported as such at the first use. */
    public synchronized Optional<Ss12000Configuration> configuration() {
        if (configuration == null) {
            Config config = ConfigProvider.getConfig();
            configuration = Ss12000Configuration.read(key -> config.getOptionalValue(key, String.class));
        }
        return configuration;
    }

    /**
     * Synchronises the tenant's roster with its register now: everything the first time, then what changed.
     *
     * @param actor who started the run: a person's or application's id, or "schedule"
     * @return the recorded run; empty if no register is set up for this tenant
     */
    public Optional<ImportSummary> syncNow(UUID tenantId, String actor) {
        Optional<Ss12000Sync> sync = sync().filter(s -> s.tenantId().equals(tenantId));
        return sync.map(s -> s.sync(actor, ImportProgressListener.NONE));
    }

    private synchronized Optional<Ss12000Sync> sync() {
        if (sync == null) {
            configuration().ifPresent(settings -> sync = new Ss12000Sync(settings.tenantId(),
                    Ss12000Client.of(settings.settings(), requests), new RosterImporter(transactions, clock), clock,
                    settings.overlap()));
        }
        return Optional.ofNullable(sync);
    }
}
