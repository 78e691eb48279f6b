package se.klassrum.access.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A guardian link (vårdnadshavare, annan ansvarig, god man, utsedd behörig: the rules treat all alike).
 *
 * @param active false when an administrator has deactivated the link
 * @param continuesAfterMajority an administrator has reactivated the link for a child of 18 or older
 */
public record GuardianLinkFact(UUID guardianId,
                               UUID childId,
                               boolean active,
                               boolean continuesAfterMajority,
                               Validity validity) {

    public static final int AGE_OF_MAJORITY = 18;

    public GuardianLinkFact {
        Objects.requireNonNull(guardianId, "guardianId");
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(validity, "validity");
    }

    /**
     * The link ends by itself on the child's 18th birthday (for a child born on 29 February: on 28 February
     * in a year that is not a leap year). An unknown birth date does not end it, because the register
     * supplies birth dates for every pupil and a missing one is a data error for the admin to fix.
     */
    public boolean isActiveOn(LocalDate date, LocalDate childBirthDate) {
        return active && validity.isActiveOn(date)
                && (continuesAfterMajority || !isAdultOn(date, childBirthDate));
    }

    public static boolean isAdultOn(LocalDate date, LocalDate birthDate) {
        return birthDate != null && !date.isBefore(birthDate.plusYears(AGE_OF_MAJORITY));
    }
}
