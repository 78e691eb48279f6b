package se.klassrum.guardian.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.teaching.control.NotificationPreferences;
import se.klassrum.teaching.control.NotificationRows;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the daily digests to the outbox once a day, at {@code klassrum.notifications.digest.time} (Swedish time): one
 * mail per person who wants a digest and may be told of an event of the period before that time. Every node checks
 * every {@code klassrum.notifications.digest.check-seconds}; the outbox's key (person and period) lets the first write
 * through and makes every later one, on any node or after a restart, write nothing, so nobody gets a digest twice.
 * {@code klassrum.notifications.digest.period} (a day unless set) lets a deployment write them more often, counted from
 * the digest time. What a digest says is decided when it is sent.
 */
@ApplicationScoped
public class NotificationDigests {

    private static final Logger LOG = Logger.getLogger(NotificationDigests.class.getName());
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    @Inject
    NotificationRows rows;

    @Inject
    NotificationPreferences preferences;

    @Inject
    @ConfigProperty(name = "klassrum.notifications.digest.time", defaultValue = "16:00")
    String time;

    @Inject
    @ConfigProperty(name = "klassrum.notifications.digest.period", defaultValue = "P1D")
    String period;

    @Inject
    @ConfigProperty(name = "klassrum.notifications.digest.check-seconds", defaultValue = "60")
    long checkSeconds;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> scheduled;

    void start(@Observes Startup startup) {
        long seconds = Math.max(1, checkSeconds);
        scheduled = executor.scheduleWithFixedDelay(this::run, seconds, seconds, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            jakarta.enterprise.inject.spi.CDI.current().select(NotificationDigests.class).get()
                    .writeDue(ZonedDateTime.now(SCHOOL_ZONE));
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Writing the daily digests failed; the next run tries again", failure);
        }
    }

    /**
     * Writes the digests of the last period that has ended, those not written yet: daily, about the events from the
     * day before's digest time to today's; with a shorter period, from the period's start to its end.
     *
     * @return how many digests were written by this call
     */
    @Transactional
    public int writeDue(ZonedDateTime now) {
        LocalTime at = LocalTime.parse(time);
        Duration every = Duration.parse(period);
        ZonedDateTime start;
        ZonedDateTime end;
        String key;
        if (every.equals(Duration.ofDays(1))) {
            if (now.toLocalTime().isBefore(at)) {
                return 0;
            }
            end = now.toLocalDate().atTime(at).atZone(SCHOOL_ZONE);
            start = end.minusDays(1);
            key = now.toLocalDate().toString();
        } else {
            ZonedDateTime anchor = now.toLocalDate().atTime(at).atZone(SCHOOL_ZONE);
            if (now.isBefore(anchor)) {
                anchor = anchor.minusDays(1);
            }
            end = anchor.plus(every.multipliedBy(Duration.between(anchor, now).dividedBy(every)));
            start = end.minus(every);
            key = end.toOffsetDateTime().toString();
        }
        return rows.mailDigests(start.toOffsetDateTime(), end.toOffsetDateTime(), key,
                preferences.defaultFrequency().name());
    }

    @PreDestroy
    void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
