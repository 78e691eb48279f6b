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

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the daily digests to the outbox once a day, at {@code klassrum.notifications.digest.time} (Swedish time): one
 * mail per person who wants a digest and may be told of an event of the day before that time. Every node tries each
 * minute after that time until it has written the day's digests; the outbox's key lets the first write through and
 * makes the others write nothing, so nobody gets a digest twice. What a digest says is decided when it is sent.
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

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> scheduled;
    private volatile LocalDate written;

    void start(@Observes Startup startup) {
        scheduled = executor.scheduleWithFixedDelay(this::run, 60, 60, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            LocalDate today = LocalDate.now(SCHOOL_ZONE);
            if (!today.equals(written)) {
                jakarta.enterprise.inject.spi.CDI.current().select(NotificationDigests.class).get().writeDue(ZonedDateTime.now(SCHOOL_ZONE));
            }
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Writing the daily digests failed; the next run tries again", failure);
        }
    }

    /**
     * Writes the day's digests when the digest time has come: about the events from the day before's digest time to
     * today's.
     *
     * @return how many digests were written by this call
     */
    @Transactional
    public int writeDue(ZonedDateTime now) {
        LocalTime at = LocalTime.parse(time);
        if (now.toLocalTime().isBefore(at)) {
            return 0;
        }
        ZonedDateTime periodEnd = now.toLocalDate().atTime(at).atZone(SCHOOL_ZONE);
        int mails = rows.mailDigests(periodEnd.minusDays(1).toOffsetDateTime(), periodEnd.toOffsetDateTime(),
                now.toLocalDate().toString(), preferences.defaultFrequency().name());
        written = now.toLocalDate();
        return mails;
    }

    @PreDestroy
    void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
