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
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The mails about a booking (booked, moved, cancelled, confirmed) to the guardians the talk invites, through the
 * outbox. A mail is queued as the talk it tells about, with the title, time, length, place and mentor of that moment
 * (a cancelled talk is deleted), and written when sent: decided again as its recipient, so a guardian who may no
 * longer read the talk (a link ended, no longer invited) gets nothing, and in the recipient's language of that moment.
 * It carries the offer's title, the time, the place and a link to the child's page, never the student's name or
 * anything else about the student; the calendar file goes along, except with a cancellation.
 */
@ApplicationScoped
public class TalkMails {

    private static final DateTimeFormatter SWEDISH_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH.mm",
            Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** What happened to the booking. */
    public enum Kind {
        TALK_BOOKED("Utvecklingssamtal bokat", "Development talk booked", "är bokat", "is booked"),
        TALK_MOVED("Utvecklingssamtal flyttat", "Development talk moved", "är flyttat till", "is moved to"),
        TALK_CANCELLED("Utvecklingssamtal avbokat", "Development talk cancelled", "är avbokat, det var", "is cancelled; it was"),
        TALK_CONFIRMED("Utvecklingssamtal bekräftat", "Development talk confirmed", "är bekräftat av mentorn",
                "is confirmed by the mentor");

        final String subjectSv;
        final String subjectEn;
        final String verbSv;
        final String verbEn;

        Kind(String subjectSv, String subjectEn, String verbSv, String verbEn) {
            this.subjectSv = subjectSv;
            this.subjectEn = subjectEn;
            this.verbSv = verbSv;
            this.verbEn = verbEn;
        }

        /** Whether an outbox row of this kind is a booking mail. */
        public static boolean of(String kind) {
            return Arrays.stream(values()).anyMatch(one -> one.name().equals(kind));
        }
    }

    @Inject
    MailOutbox outbox;

    @Inject
    TeachingContext context;

    @Inject
    NotificationPreferences preferences;

    @Inject
    AccessGuard guard;

    @Inject
    @ConfigProperty(name = "klassrum.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Queues the mail to each guardian, in the current transaction; it is written when sent ({@link #compose}). */
    public void tell(Kind kind, TalkBookingView booking, Collection<UUID> guardians) {
        MailOutbox.Talk talk = new MailOutbox.Talk(booking.groupId(), booking.title(), booking.startsAt(),
                booking.minutes(), booking.place(), booking.mentorName(), booking.confirmedAt());
        for (UUID guardian : guardians) {
            outbox.enqueueTalk(guardian, kind.name(), booking.id(), booking.studentId(), talk, context.now());
        }
    }

    /**
     * The booking mail to send, or empty when its recipient may no longer read the talk: decided as whether they may
     * read the talk (invited, linked), or, for a cancelled talk, which is gone, the child's bookings in the mentor group.
     * A booking mail whose talk was cancelled since is withheld; the cancellation's mail tells.
     */
    public Optional<NotificationMails.Composed> compose(MailOutbox.Claimed mail) {
        Kind kind = Kind.valueOf(mail.kind());
        MailOutbox.Talk talk = mail.talk();
        NotificationPreferences.Reader reader = preferences.reader(mail.recipientId());
        if (reader == null) {
            return Optional.empty();
        }
        AccessGuard.Item item = kind == Kind.TALK_CANCELLED
                ? new AccessGuard.Item(mail.aboutId(), talk.groupId(), null, DataKind.TALK_BOOKING)
                : new AccessGuard.Item(mail.aboutId(), talk.groupId(), ItemFacts.talk(mail.talkId()),
                DataKind.DEVELOPMENT_TALK);
        AccessGuard.ListDecision list = guard.mixedListFor(Actor.person(mail.recipientId(), reader.tenantId()),
                kind.name(), Operation.READ);
        boolean allowed = list.visible(List.of(item))[0];
        list.audit();
        if (!allowed) {
            return Optional.empty();
        }
        Locale locale = reader.preference().locale();
        boolean sv = NotificationTexts.swedish(locale);
        String link = publicUrl.replaceAll("/+$", "") + "/guardian/child.xhtml?id=" + mail.aboutId();
        String when = talk.startsAt().atZoneSameInstant(TalkTimes.SCHOOL_ZONE).format(sv ? SWEDISH_TIME : ENGLISH_TIME);
        String body = sv
                ? talk.title() + " " + kind.verbSv + " " + when + ", " + talk.place() + ".\nMer i Klassrum: " + link + "\n"
                : talk.title() + " " + kind.verbEn + " " + when + ", " + talk.place() + ".\nMore in Klassrum: " + link + "\n";
        TalkBookingView booking = new TalkBookingView(mail.talkId(), mail.aboutId(), null, talk.groupId(), null,
                talk.title(), talk.mentor(), null, talk.startsAt(), talk.startsAt().plusMinutes(talk.minutes()),
                talk.minutes(), talk.place(), null, null, talk.confirmedAt(), List.of(), List.of());
        String calendar = kind == Kind.TALK_CANCELLED ? null
                : TalkCalendar.of(booking, locale, URI.create(link), context.now());
        return Optional.of(new NotificationMails.Composed(sv ? kind.subjectSv : kind.subjectEn, body, calendar));
    }
}
