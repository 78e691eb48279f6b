package se.klassrum.access.api;

import java.time.LocalDate;

/**
 * The dates between which a fact holds, both inclusive; a missing date leaves that end open. A fact
 * ending today still holds today, and one ending yesterday no longer does.
 */
public record Validity(LocalDate from, LocalDate to) {

    /** Valid from any date to any date. */
    public static final Validity ALWAYS = new Validity(null, null);

    public static Validity from(LocalDate from) {
        return new Validity(from, null);
    }

    public static Validity between(LocalDate from, LocalDate to) {
        return new Validity(from, to);
    }

    /** {@code date} is a school-local date (Europe/Stockholm). */
    public boolean isActiveOn(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
