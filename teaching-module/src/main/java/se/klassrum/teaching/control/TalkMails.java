package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.teaching.boundary.Views.TalkBookingView;
import se.klassrum.teaching.entity.TalkTimes;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;

/**
 * The mails about a booking (booked, moved, cancelled, confirmed) to the guardians the talk invites, through the
 * outbox, in Swedish and English as the sign-in mails are: the offer's title, the time, the place and a link to the
 * child's page, never the student's name or anything else about the student. The calendar file goes along, except
 * with a cancellation.
 */
@ApplicationScoped
public class TalkMails {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final DateTimeFormatter SWEDISH_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH.mm", SWEDISH);
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
    }

    @Inject
    MailOutbox outbox;

    @Inject
    TeachingContext context;

    @Inject
    @ConfigProperty(name = "klassrum.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Writes the mail to each guardian, in the current transaction. */
    public void tell(Kind kind, TalkBookingView booking, Collection<UUID> guardians) {
        String link = publicUrl.replaceAll("/+$", "") + "/guardian/child.xhtml?id=" + booking.studentId();
        String when = booking.startsAt().atZoneSameInstant(TalkTimes.SCHOOL_ZONE).format(SWEDISH_TIME);
        String whenEn = booking.startsAt().atZoneSameInstant(TalkTimes.SCHOOL_ZONE).format(ENGLISH_TIME);
        String subject = kind.subjectSv + " / " + kind.subjectEn;
        String body = booking.title() + " " + kind.verbSv + " " + when + ", " + booking.place() + ".\n"
                + "Mer i Klassrum: " + link + "\n\n"
                + booking.title() + " " + kind.verbEn + " " + whenEn + ", " + booking.place() + ".\n"
                + "More in Klassrum: " + link + "\n";
        String calendar = kind == Kind.TALK_CANCELLED ? null
                : TalkCalendar.of(booking, SWEDISH, URI.create(link), context.now());
        for (UUID guardian : guardians) {
            outbox.enqueue(guardian, kind.name(), subject, body, calendar, context.now());
        }
    }
}
