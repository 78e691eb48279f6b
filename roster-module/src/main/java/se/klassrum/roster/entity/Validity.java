package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days on which a fact holds: from {@code validFrom} up to and including {@code validTo}, or for
 * ever when {@code validTo} is absent. Both ends are inclusive because the student register states
 * the last day a role or membership holds, not the first day it no longer does.
 */
@Embeddable
public class Validity {

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    /** For JPA only. */
    protected Validity() {
    }

    private Validity(LocalDate validFrom, LocalDate validTo) {
        this.validFrom = Require.present(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw RosterException.of(RosterError.INVALID_PERIOD, "validFrom", validFrom, "validTo", validTo);
        }
        this.validTo = validTo;
    }

    /** Holds from the given day on, with no end yet. */
    public static Validity from(LocalDate validFrom) {
        return new Validity(validFrom, null);
    }

    /** Holds from the first day up to and including the last; a {@code null} last day means no end. */
    public static Validity between(LocalDate validFrom, LocalDate validTo) {
        return new Validity(validFrom, validTo);
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    /** The last day on which the fact holds, or {@code null} if it has no end. */
    public LocalDate validTo() {
        return validTo;
    }

    public boolean isOpenEnded() {
        return validTo == null;
    }

    public boolean isActiveOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /**
     * The same validity with {@code lastDay} as its last day. This may also move an earlier end later,
     * because the student register corrects end dates in both directions.
     */
    public Validity endingOn(LocalDate lastDay) {
        return new Validity(validFrom, Require.present(lastDay, "validTo"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Validity that
                && Objects.equals(validFrom, that.validFrom)
                && Objects.equals(validTo, that.validTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(validFrom, validTo);
    }

    @Override
    public String toString() {
        return validFrom + ".." + (validTo == null ? "" : validTo);
    }
}
