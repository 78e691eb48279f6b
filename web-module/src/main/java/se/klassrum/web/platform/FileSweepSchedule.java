package se.klassrum.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.teaching.control.AttachedFiles;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code KLASSRUM_FILES_SWEEP_INTERVAL} (ISO 8601, {@code PT1H} by default; {@code PT0S} is off) removes the
 * stored attachment files that no row names any more and that are older than {@code KLASSRUM_FILES_SWEEP_MIN_AGE}: a
 * deletion whose removal from the storage failed, or a node that stopped between a commit and its removals. On a
 * cluster every node sweeps; a removal is the same whoever makes it.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class FileSweepSchedule {

    private static final Logger LOG = Logger.getLogger(FileSweepSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AttachedFiles files;

    @Inject
    @ConfigProperty(name = "klassrum.files.sweep-interval", defaultValue = "PT1H")
    String interval;

    @Inject
    @ConfigProperty(name = "klassrum.files.sweep-min-age", defaultValue = "PT1H")
    String minimumAge;

    @PostConstruct
    void schedule() {
        long millis = Duration.parse(interval).toMillis();
        if (millis <= 0) {
            return;
        }
        timers.createIntervalTimer(millis, millis, new TimerConfig("attachment-sweep", false));
    }

    @Timeout
    void sweep() {
        try {
            int removed = files.sweep(Duration.parse(minimumAge));
            if (removed > 0) {
                LOG.info("Removed " + removed + " stored files that no attachment names any more");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The sweep of stored files failed; it runs again at the next interval", e);
        }
    }
}
