package se.klassrum.guardian.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.teaching.control.MailOutbox;
import se.klassrum.teaching.control.NotificationMails;
import se.klassrum.teaching.control.TalkMails;
import se.klassrum.teaching.control.TalkReminders;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the mails of the outbox every {@code klassrum.mail.outbox.interval-seconds}: each run claims up to a batch of
 * due mails with {@code for update skip locked} in one transaction, sends them over SMTP and marks them sent, so that
 * nodes running at once share the mails and none is sent twice. A mail the server does not take is tried again later,
 * waiting longer each time ({@link MailOutbox#backoff}); one without an address waits for the roster to give one.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 20;

    @Inject
    MailOutbox outbox;

    @Inject
    CodeMailer mailer;

    @Inject
    NotificationMails notificationMails;

    @Inject
    TalkReminders reminders;

    @Inject
    TalkMails talkMails;

    @Inject
    @ConfigProperty(name = "klassrum.mail.outbox.interval-seconds", defaultValue = "5")
    long intervalSeconds;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> scheduled;

    void start(@Observes Startup startup) {
        long seconds = Math.max(1, intervalSeconds);
        scheduled = executor.scheduleWithFixedDelay(this::run, seconds, seconds, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            self().writeReminders();
            self().sendDue();
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Sending the mail outbox failed; the next run tries again", failure);
        }
    }

    /** Writes the reminders of tomorrow's talks not written yet; each node may, the outbox's key keeps them once. */
    @Transactional
    public int writeReminders() {
        return reminders.writeDue(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    }

    /** One batch of due mails, claimed, sent and marked in one transaction. */
    @Transactional
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        int sent = 0;
        for (MailOutbox.Claimed mail : outbox.claim(BATCH, now)) {
            if (mail.address() == null || mail.address().isBlank()) {
                outbox.failed(mail.id(), mail.attempts(), "no e-mail address", now);
                continue;
            }
            String subject = mail.subject();
            String body = mail.body();
            String calendar = mail.calendar();
            boolean reminder = TalkReminders.KIND.equals(mail.kind());
            boolean booking = mail.talk() != null && TalkMails.Kind.of(mail.kind());
            if (mail.notification() || reminder || booking) {
                // Decided again as its recipient, and written in their language, now that it is sent.
                var composed = reminder ? reminders.compose(mail)
                        : booking ? talkMails.compose(mail) : notificationMails.compose(mail);
                if (composed.isEmpty()) {
                    outbox.withheld(mail.id(), now);
                    continue;
                }
                subject = composed.get().subject();
                body = composed.get().body();
                calendar = composed.get().calendar();
            }
            try {
                mailer.sendNotice(mail.address(), subject, body, calendar);
                outbox.sent(mail.id(), now);
                sent++;
            } catch (MessagingException | RuntimeException refused) {
                String failure = MailFailures.describe(refused);
                LOG.log(Level.WARNING, "Could not send outbox mail {0} (attempt {1}): {2}",
                        new Object[]{mail.id(), mail.attempts() + 1, failure});
                outbox.failed(mail.id(), mail.attempts(), failure, now);
            }
        }
        return sent;
    }

    /** The CDI proxy of this bean, so that {@link #sendDue} runs in its transaction when the schedule calls it. */
    private OutboxSender self() {
        return jakarta.enterprise.inject.spi.CDI.current().select(OutboxSender.class).get();
    }

    @PreDestroy
    void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
