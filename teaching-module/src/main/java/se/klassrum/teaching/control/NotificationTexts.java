package se.klassrum.teaching.control;

import se.klassrum.teaching.entity.Happened;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a notification says, in Swedish or English, on the page "Notiser" and in its mails alike: the kind of event,
 * the group and the content's title ("Ny uppgift i Ma1c-A: Andragradsekvationer"), never the content itself.
 */
public final class NotificationTexts {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter SWEDISH_TIME = DateTimeFormatter.ofPattern("EEE d MMM 'kl.' HH.mm",
            Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private NotificationTexts() {
    }

    /** Whether the reader reads Swedish (anything else reads English). */
    public static boolean swedish(Locale locale) {
        return "sv".equals(locale.getLanguage());
    }

    /**
     * The line of one notification.
     *
     * @param title    the assignment's, talk offer's or syllabus's title; null where there is none
     * @param startsAt a booked talk's time; null otherwise
     */
    public static String line(Happened.Kind kind, Locale locale, String group, String title, OffsetDateTime startsAt) {
        boolean sv = swedish(locale);
        String when = startsAt == null ? "" : startsAt.atZoneSameInstant(SCHOOL_ZONE).format(sv ? SWEDISH_TIME : ENGLISH_TIME);
        String named = title == null ? "" : title;
        return switch (kind) {
            case POST_PUBLISHED -> (sv ? "Nytt inlägg i " : "New post in ") + group;
            case ASSIGNMENT_PUBLISHED -> (sv ? "Ny uppgift i " : "New assignment in ") + group + ": " + named;
            case ASSIGNMENT_CHANGED -> sv ? "Uppgiften " + named + " i " + group + " är ändrad"
                    : "The assignment " + named + " in " + group + " was changed";
            case HAND_IN_WAITING -> (sv ? "Inlämning att rätta: " : "Hand-in to review: ") + named + " (" + group + ")";
            case WORK_RETURNED -> (sv ? "Återlämnad med respons: " : "Returned with feedback: ") + named + " (" + group + ")";
            case COMPLETION_REQUESTED -> (sv ? "Komplettering begärd: " : "Completion asked for: ") + named + " (" + group + ")";
            case ASSESSMENT_PUBLISHED -> (sv ? "Nytt omdöme: " : "New assessment: ") + named;
            case TALK_BOOKED -> (sv ? "Utvecklingssamtal bokat " : "Development talk booked ") + when;
            case TALK_MOVED -> (sv ? "Utvecklingssamtal flyttat till " : "Development talk moved to ") + when;
            case TALK_CONFIRMED -> (sv ? "Utvecklingssamtal bekräftat " : "Development talk confirmed ") + when;
            case TALK_CANCELLED -> sv ? "Utvecklingssamtal avbokat" : "Development talk cancelled";
        };
    }

    /** Whom a notification concerns when it is not the reader: "Gäller Elsa Ek". */
    public static String about(Locale locale, String studentName) {
        return (swedish(locale) ? "Gäller " : "About ") + studentName;
    }
}
