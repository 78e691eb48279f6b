package se.klassrum.teaching.control;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Status;
import se.klassrum.teaching.boundary.Views.TalkBookingView;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Locale;

/**
 * A booked talk as an RFC 5545 calendar file (text/calendar), for the calendar of whoever booked or was invited. It
 * says when and where, the title the mentor gave the offer and the mentor's name, and nothing about the student, so
 * that it can travel as a mail attachment. Its UID is the talk's, so a changed or cancelled booking replaces the event
 * in a calendar that imported it.
 */
public final class TalkCalendar {

    /** The media type of the file. */
    public static final String MEDIA_TYPE = "text/calendar";

    private TalkCalendar() {
    }

    /**
     * @param booking the booking
     * @param link    the page of the talk, for the event's URL; may be null
     * @param stamp   when the file is made (DTSTAMP)
     */
    public static String of(TalkBookingView booking, Locale language, URI link, OffsetDateTime stamp) {
        boolean swedish = !"en".equals(language.getLanguage());
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Klassrum//Utvecklingssamtal//" + (swedish ? "SV" : "EN"));
        calendar.setMethod(Method.publish());
        VEvent event = new VEvent();
        event.setUid(booking.id() + "@klassrum");
        event.setDateTimeStamp(Date.from(stamp.toInstant()));
        event.setDateStart(Date.from(booking.startsAt().toInstant()));
        event.setDateEnd(Date.from(booking.endsAt().toInstant()));
        event.setSummary(booking.title());
        event.setLocation(booking.place());
        event.setDescription((swedish ? "Utvecklingssamtal med " : "Development talk with ") + booking.mentorName()
                + (booking.confirmedAt() == null ? (swedish ? " (inte bekräftat än)" : " (not confirmed yet)") : ""));
        event.setStatus(booking.confirmedAt() == null ? Status.tentative() : Status.confirmed());
        if (link != null) {
            event.setUrl(link.toString());
        }
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    /** The file name a download offers: the day of the talk. */
    public static String fileName(TalkBookingView booking) {
        return "utvecklingssamtal-" + booking.startsAt().atZoneSameInstant(java.time.ZoneId.of("Europe/Stockholm"))
                .toLocalDate() + ".ics";
    }
}
