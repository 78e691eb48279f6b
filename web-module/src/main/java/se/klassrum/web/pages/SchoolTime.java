package se.klassrum.web.pages;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;

/**
 * Times as the school sees them: in Europe/Stockholm, whatever the server's zone, both when shown and when a
 * teacher types a due time or a student's talk date into a form.
 */
final class SchoolTime {

    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private SchoolTime() {
    }

    static String when(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(ZONE).format(WHEN);
    }

    static String day(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(ZONE).format(DAY);
    }

    static String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    /** The value of an {@code <input type="datetime-local">} (2026-12-01T16:00), or null when it is not one. */
    /** The value of an {@code <input type="datetime-local">} for a time: minutes, Swedish time. */
    static String local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    static OffsetDateTime parseLocal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(ZONE).toOffsetDateTime();
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    /** The value of an {@code <input type="date">}, or null when it is not one. */
    static LocalDate parseDay(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
