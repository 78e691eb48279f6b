package se.klassrum.web.pages;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

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

    /**
     * A due time as Swedish readers expect it, with how far off it is: "fre 11 dec kl. 16.00 · om 5 dagar"; in English
     * "Fri 11 Dec, 16:00 · in 5 days". Days are counted in school days of the calendar, from today in Stockholm.
     */
    static String due(OffsetDateTime time, Locale locale) {
        return due(time, locale, today());
    }

    static String due(OffsetDateTime time, Locale locale, LocalDate today) {
        if (time == null) {
            return "";
        }
        java.time.ZonedDateTime local = time.atZoneSameInstant(ZONE);
        String when = at(time, locale);
        long days = ChronoUnit.DAYS.between(today, local.toLocalDate());
        ResourceBundle texts = ResourceBundle.getBundle("se.klassrum.web.pages.messages", locale);
        String relative = new MessageFormat(texts.getString("time.relative"), locale).format(new Object[]{days, Math.abs(days)});
        return when + " · " + relative;
    }

    /** A time as Swedish readers expect it: "fre 11 dec kl. 16.00"; in English "Fri 11 Dec, 16:00". */
    static String at(OffsetDateTime time, Locale locale) {
        if (time == null) {
            return "";
        }
        java.time.ZonedDateTime local = time.atZoneSameInstant(ZONE);
        boolean swedish = "sv".equals(locale.getLanguage());
        String weekday = local.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale).replace(".", "");
        // Swedish short month names end in a period (dec.), which a date in running text does without.
        String month = local.getMonth().getDisplayName(TextStyle.SHORT, locale).replace(".", "");
        String clock = local.format(swedish ? SWEDISH_CLOCK : CLOCK);
        return swedish ? weekday + " " + local.getDayOfMonth() + " " + month + " kl. " + clock
                : weekday + " " + local.getDayOfMonth() + " " + month + ", " + clock;
    }

    private static final DateTimeFormatter SWEDISH_CLOCK = DateTimeFormatter.ofPattern("HH.mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

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
