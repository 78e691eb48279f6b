package se.klassrum.access.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A guardian link (vårdnadshavare, annan ansvarig, god man, utsedd behörig: the rules treat all alike).
 *
 * @param active  false when an administrator has deactivated the link
 * @param consent the student's consent, after their 18th birthday, that the guardian keeps access (TRANSITIONS.md, A2)
 */
public record GuardianLinkFact(UUID guardianId,
                               UUID childId,
                               boolean active,
                               Consent consent,
                               Validity validity) {

    public static final int AGE_OF_MAJORITY = 18;

    /** Whether the school has recorded the adult student's consent to the link, and whether it was withdrawn. */
    public enum Consent {
        /** No consent recorded: the link ends on the 18th birthday. */
        NONE,
        /** The student consented and the school recorded it: the link continues after majority. */
        RECORDED,
        /** The student withdrew the consent: the link has ended for good. */
        WITHDRAWN
    }

    public GuardianLinkFact {
        Objects.requireNonNull(guardianId, "guardianId");
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(validity, "validity");
    }

    /**
     * The link ends by itself on the child's 18th birthday (for a child born on 29 February: on 28 February
     * in a year that is not a leap year) and continues only by the student's recorded consent (A1, A2). An unknown
     * birth date does not end it (A3): nothing happens automatically, and the school lists the students whose birth
     * date it lacks. A withdrawn consent ends it for good, whatever the birth date says later.
     */
    public boolean isActiveOn(LocalDate date, LocalDate childBirthDate) {
        return active && validity.isActiveOn(date) && consent != Consent.WITHDRAWN
                && (!isAdultOn(date, childBirthDate) || consent == Consent.RECORDED);
    }

    /** Whether the link holds on the day only because the adult student consented. */
    public boolean continuesByConsentOn(LocalDate date, LocalDate childBirthDate) {
        return isActiveOn(date, childBirthDate) && isAdultOn(date, childBirthDate);
    }

    public static boolean isAdultOn(LocalDate date, LocalDate birthDate) {
        return birthDate != null && !date.isBefore(birthDate.plusYears(AGE_OF_MAJORITY));
    }
}
