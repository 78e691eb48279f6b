package se.klassrum.roster.entity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school year (läsår) written the Swedish way, "2026/27": the calendar year it starts in and the last
 * two digits of the next. Its first and last days are left out on purpose: they differ between
 * organisers, so they belong to the validity of roles and memberships, not to the label.
 */
public record SchoolYear(int startYear) {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})/(\\d{2})");

    public SchoolYear {
        if (startYear < 1000 || startYear > 9998) {
            throw RosterException.of(RosterError.INVALID_SCHOOL_YEAR, "schoolYear", startYear);
        }
    }

    public static SchoolYear startingIn(int startYear) {
        return new SchoolYear(startYear);
    }

    /** Reads "2026/27"; rejects other forms and years that do not follow each other, such as "2026/28". */
    public static SchoolYear parse(String label) {
        Matcher matcher = label == null ? null : LABEL.matcher(label.strip());
        if (matcher == null || !matcher.matches()) {
            throw RosterException.of(RosterError.INVALID_SCHOOL_YEAR, "schoolYear", label);
        }
        int start = Integer.parseInt(matcher.group(1));
        if ((start + 1) % 100 != Integer.parseInt(matcher.group(2))) {
            throw RosterException.of(RosterError.INVALID_SCHOOL_YEAR, "schoolYear", label);
        }
        return new SchoolYear(start);
    }

    public SchoolYear previous() {
        return new SchoolYear(startYear - 1);
    }

    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    public String label() {
        return String.format("%04d/%02d", startYear, (startYear + 1) % 100);
    }

    @Override
    public String toString() {
        return label();
    }
}
