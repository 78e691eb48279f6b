package se.klassrum.roster.importer;

import se.klassrum.roster.entity.SchoolYear;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** The dates of roster files, and the Swedish school year a date falls in. */
final class Dates {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern US_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** A school year starts on 1 July: a session that starts in August 2026 is in 2026/27, one in January 2027 too. */
    private static final int FIRST_MONTH_OF_SCHOOL_YEAR = 7;

    private Dates() {
    }

    /**
     * An ISO 8601 date, "2026-08-17"; also the date part of an ISO date-time, "2026-08-17T00:00:00Z", which
     * some exports write for a date.
     *
     * @return null for an empty value
     * @throws IllegalArgumentException for anything else, with a message for the problem list
     */
    static LocalDate iso(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (ISO_DATE.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
            if (value.length() > 10 && ISO_DATE.matcher(value.substring(0, 10)).matches() && value.charAt(10) == 'T') {
                return dateTime(value);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid date");
        }
        throw new IllegalArgumentException("'" + value + "' is not a date in the form YYYY-MM-DD");
    }

    /**
     * The dates of School Data Sync v1 files: US month/day/year as in Microsoft's samples ("7/1/2017"), or
     * ISO 8601. Day/month/year is not read, because "4/2/2000" would silently mean another day.
     */
    static LocalDate usOrIso(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (US_DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value, US);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not a valid date");
            }
        }
        try {
            return iso(value);
        } catch (IllegalArgumentException notIso) {
            throw new IllegalArgumentException("'" + value + "' is not a date in the form M/D/YYYY or YYYY-MM-DD");
        }
    }

    /** The school year, e.g. "2026/27", that a group starting on this day belongs to. */
    static String schoolYearOf(LocalDate day) {
        int start = day.getMonthValue() >= FIRST_MONTH_OF_SCHOOL_YEAR ? day.getYear() : day.getYear() - 1;
        return SchoolYear.startingIn(start).label();
    }

    private static LocalDate dateTime(String value) {
        try {
            return OffsetDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(value).toLocalDate();
        }
    }
}
