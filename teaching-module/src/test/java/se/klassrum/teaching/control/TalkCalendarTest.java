package se.klassrum.teaching.control;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;
import se.klassrum.teaching.boundary.Views.TalkBookingView;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A booked talk as an RFC 5545 file that a calendar reads back as the same event, with nothing about the student. */
class TalkCalendarTest {

    static final UUID TALK = UUID.fromString("7b0c1f5e-2f7c-4d43-9a58-0c1b8d2e4f10");
    static final OffsetDateTime STARTS = OffsetDateTime.parse("2026-12-18T14:00:00+01:00");

    static TalkBookingView booking(OffsetDateTime confirmedAt) {
        return new TalkBookingView(TALK, UUID.randomUUID(), "Elsa Ek", UUID.randomUUID(), UUID.randomUUID(),
                "Utvecklingssamtal ht", "Bertil Berg", UUID.randomUUID(), STARTS, STARTS.plusMinutes(30), 30,
                "https://meet.example/na24a", UUID.randomUUID(), STARTS.minusDays(5), confirmedAt,
                List.of("Vad går bra?"), List.of());
    }

    @Test
    void aCalendarReadsTheFileBackAsTheBookedTime() {
        String ics = TalkCalendar.of(booking(null), Locale.forLanguageTag("sv"), URI.create("https://klassrum.example/t"),
                OffsetDateTime.parse("2026-12-13T09:00:00Z"));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0\r\n", "METHOD:PUBLISH\r\n",
                "DTSTART:20261218T130000Z\r\n", "DTEND:20261218T133000Z\r\n", "UID:" + TALK + "@klassrum\r\n",
                "STATUS:TENTATIVE\r\n").endsWith("END:VCALENDAR\r\n");
        ICalendar parsed = Biweekly.parse(ics).first();
        VEvent event = parsed.getEvents().get(0);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(STARTS.toInstant());
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(STARTS.plusMinutes(30).toInstant());
        assertThat(event.getLocation().getValue()).isEqualTo("https://meet.example/na24a");
        assertThat(event.getSummary().getValue()).isEqualTo("Utvecklingssamtal ht");
        assertThat(event.getDescription().getValue()).isEqualTo("Utvecklingssamtal med Bertil Berg (inte bekräftat än)");
        assertThat(event.getUrl().getValue()).isEqualTo("https://klassrum.example/t");
        assertThat(ics).as("nothing about the student").doesNotContain("Elsa");
    }

    @Test
    void aConfirmedTalkIsConfirmedAndEnglishReadersGetEnglish() {
        String ics = TalkCalendar.of(booking(STARTS.minusDays(1)), Locale.ENGLISH, null, OffsetDateTime.now());

        VEvent event = Biweekly.parse(ics).first().getEvents().get(0);
        assertThat(event.getStatus().isConfirmed()).isTrue();
        assertThat(event.getDescription().getValue()).isEqualTo("Development talk with Bertil Berg");
        assertThat(TalkCalendar.fileName(booking(null))).isEqualTo("utvecklingssamtal-2026-12-18.ics");
    }
}
