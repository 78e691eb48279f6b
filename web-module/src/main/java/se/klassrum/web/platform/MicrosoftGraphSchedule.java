package se.klassrum.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.roster.boundary.MicrosoftGroups;
import se.klassrum.roster.importer.ImportSummary;

import java.util.UUID;
import java.util.logging.Logger;

/**
 * Runs the Microsoft Graph sync of every organisation every {@code klassrum.graph.sync-interval-minutes} minutes
 * (KLASSRUM_GRAPH_SYNC_INTERVAL_MINUTES; 0, the default, is off), once Microsoft Graph is configured. One sync at a
 * time: a timeout that comes while the last one still runs waits for it. Each run is recorded as an import run; a
 * failed one is logged in one line and retried at the next interval, which reads the same changes again. On a cluster
 * every node has its own timer; the roster lock makes their runs take turns.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class MicrosoftGraphSchedule {

    private static final Logger LOG = Logger.getLogger(MicrosoftGraphSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MicrosoftGroups microsoft;

    @Inject
    @ConfigProperty(name = "klassrum.graph.sync-interval-minutes", defaultValue = "0")
    long intervalMinutes;

    @PostConstruct
    void schedule() {
        if (intervalMinutes <= 0) {
            return;
        }
        if (!microsoft.configured()) {
            LOG.warning("KLASSRUM_GRAPH_SYNC_INTERVAL_MINUTES is set but Microsoft Graph is not configured"
                    + " (KLASSRUM_GRAPH_CLIENT_ID, KLASSRUM_GRAPH_CLIENT_SECRET): no scheduled sync");
            return;
        }
        long millis = intervalMinutes * 60_000;
        timers.createIntervalTimer(millis, millis, new TimerConfig("microsoft-graph-sync", false));
        LOG.info("Microsoft Graph sync every " + intervalMinutes + " minutes");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void syncAll(Timer timer) {
        for (UUID tenant : microsoft.tenants()) {
            try {
                ImportSummary run = microsoft.sync(tenant, "schedule");
                if (!run.problems().isEmpty()) {
                    LOG.warning("Microsoft Graph sync of organisation " + tenant + ": " + run.status() + ": "
                            + String.join(" | ", run.problems()));
                }
            } catch (RuntimeException failed) {
                LOG.warning("Microsoft Graph sync of organisation " + tenant + " failed: " + failed.getMessage());
            }
        }
    }
}
