package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.Operation;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.teaching.boundary.Views.TalkBookingView;
import se.klassrum.teaching.entity.TalkTimes;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reminder the day before a booked development talk, to the student and the guardians the talk invites, with the
 * calendar file. Written to the outbox by any node, once per booking, time and person whatever the number of nodes
 * (the outbox's key, not a check before inserting); decided again as its recipient and written in their language when
 * it is sent, so a cancelled or moved talk, or a guardian no longer invited or linked, gets no reminder of it.
 */
@ApplicationScoped
public class TalkReminders {

    public static final String KIND = "TALK_REMINDER";

    private static final DateTimeFormatter SWEDISH_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM 'kl.' HH.mm",
            Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    @Inject
    TeachingContext context;

    @Inject
    TalkBookingRows bookings;

    @Inject
    NotificationPreferences preferences;

    @Inject
    AccessGuard guard;

    @Inject
    @ConfigProperty(name = "klassrum.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /**
     * Writes the reminders of the talks booked for tomorrow (Swedish time) that are not written yet.
     *
     * @return how many were written by this call
     */
    public int writeDue(OffsetDateTime now) {
        LocalDate tomorrow = now.atZoneSameInstant(TalkTimes.SCHOOL_ZONE).toLocalDate().plusDays(1);
        OffsetDateTime from = tomorrow.atStartOfDay(TalkTimes.SCHOOL_ZONE).toOffsetDateTime();
        OffsetDateTime until = tomorrow.plusDays(1).atStartOfDay(TalkTimes.SCHOOL_ZONE).toOffsetDateTime();
        return context.em().createNativeQuery("""
                        insert into mail_outbox (id, recipient_id, kind, subject, body, created_at, next_attempt_at, talk_id,
                                                 about_id, once_key)
                        select cast(md5(k.key) as uuid), k.recipient, ?4, '', '', ?3, ?3, k.talk, k.student, k.key
                        from (
                            select r.recipient, b.talk_id as talk, b.student_id as student,
                                   'REMINDER:' || b.talk_id || ':' || b.slot_id || ':' || r.recipient as key
                            from talk_booking b join talk_slot s on s.id = b.slot_id
                            cross join lateral (
                                select b.student_id as recipient
                                union select g.guardian_id from development_talk_guardian g where g.talk_id = b.talk_id
                            ) r
                            where s.starts_at >= ?1 and s.starts_at < ?2
                        ) k
                        on conflict do nothing
                        """)
                .setParameter(1, from)
                .setParameter(2, until)
                .setParameter(3, now)
                .setParameter(4, KIND)
                .executeUpdate();
    }

    /** The reminder to send, or empty when the talk is gone, moved to another day or no longer the recipient's. */
    public Optional<NotificationMails.Composed> compose(MailOutbox.Claimed mail) {
        TalkBookingView booking = bookings.byTalk(mail.talkId());
        NotificationPreferences.Reader reader = preferences.reader(mail.recipientId());
        LocalDate writtenFor = mail.createdAt().atZoneSameInstant(TalkTimes.SCHOOL_ZONE).toLocalDate().plusDays(1);
        if (booking == null || reader == null
                || !booking.startsAt().atZoneSameInstant(TalkTimes.SCHOOL_ZONE).toLocalDate().equals(writtenFor)) {
            return Optional.empty();
        }
        AccessGuard.ListDecision list = guard.mixedListFor(Actor.person(mail.recipientId(), reader.tenantId()),
                KIND, Operation.READ);
        boolean invited = list.visible(List.of(new AccessGuard.Item(booking.studentId(), booking.groupId(),
                ItemFacts.talk(booking.id()), DataKind.DEVELOPMENT_TALK)))[0];
        list.audit();
        if (!invited) {
            return Optional.empty();
        }
        Locale locale = reader.preference().locale();
        boolean sv = NotificationTexts.swedish(locale);
        String link = publicUrl.replaceAll("/+$", "") + (booking.studentId().equals(mail.recipientId()) ? "/my-talks.xhtml"
                : "/guardian/child.xhtml?id=" + booking.studentId());
        String when = booking.startsAt().atZoneSameInstant(TalkTimes.SCHOOL_ZONE).format(sv ? SWEDISH_TIME : ENGLISH_TIME);
        String subject = sv ? "Påminnelse: utvecklingssamtal i morgon" : "Reminder: development talk tomorrow";
        String body = sv
                ? booking.title() + " är i morgon, " + when + ", " + booking.place() + ".\nMer i Klassrum: " + link + "\n"
                : booking.title() + " is tomorrow, " + when + ", " + booking.place() + ".\nMore in Klassrum: " + link + "\n";
        return Optional.of(new NotificationMails.Composed(subject, body,
                TalkCalendar.of(booking, locale, URI.create(link), context.now())));
    }
}
