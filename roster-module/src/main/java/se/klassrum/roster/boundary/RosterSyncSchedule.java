package se.klassrum.roster.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.sync.Ss12000Configuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs each register's SS 12000 sync every {@code klassrum.ss12000.interval} (or {@code klassrum.ss12000.<name>.interval};
 * off when unset), each run starting that long after the previous one of the same register ended, so its runs never
 * overlap. A failing run is recorded like any other and logged;
 * the schedule goes on.
 */
@ApplicationScoped
@NoStudentData("starts the roster sync on a schedule; no caller, no student's information returned")
public class RosterSyncSchedule {

    static final String ACTOR = "ss12000-schedule";
    private static final Logger LOG = Logger.getLogger(RosterSyncSchedule.class.getName());

    @Inject
    RosterSync sync;

    @Resource
    ManagedScheduledExecutorService executor;

    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    void start(@Observes Startup startup) {
        List<Ss12000Configuration> registers;
        try {
            registers = sync.configurations();
        } catch (IllegalArgumentException wrong) {
            LOG.severe("The SS 12000 sync is off: " + wrong.getMessage());
            return;
        }
        for (Ss12000Configuration register : registers) {
            Duration interval = register.interval();
            if (interval == null) {
                continue;
            }
            long seconds = Math.max(1, interval.toSeconds());
            scheduled.add(executor.scheduleWithFixedDelay(() -> run(register), seconds, seconds, TimeUnit.SECONDS));
            LOG.info("The SS 12000 sync of organisation " + register.tenantId() + " runs every " + interval + " from "
                    + register.settings().baseUri());
        }
    }

    private void run(Ss12000Configuration configuration) {
        try {
            Optional<ImportSummary> run = sync.syncNow(configuration.tenantId(), ACTOR);
            run.ifPresent(summary -> {
                if (summary.problems().isEmpty()) {
                    LOG.info("SS 12000 sync " + summary.runId() + " " + summary.status() + " ("
                            + String.join(", ", summary.files()) + ")" + (summary.changedNothing() ? ": no changes"
                            : ": " + summary.counts()));
                } else {
                    LOG.warning("SS 12000 sync " + summary.runId() + " " + summary.status() + ": " + summary.problems());
                }
            });
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "The SS 12000 sync failed; the next run tries again", failure);
        }
    }

    @PreDestroy
    void stop() {
        scheduled.forEach(future -> future.cancel(false));
    }
}
