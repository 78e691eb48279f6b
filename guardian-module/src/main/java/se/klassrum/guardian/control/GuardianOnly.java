package se.klassrum.guardian.control;

import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * Who may hold a guardian login and a guardian session: a person who is a guardian (holds a guardian link, active
 * or not) and nothing else, i.e. has no school role of their own (teacher, mentor, student or school administrator)
 * that has not ended. A guardian session acts on the guardian path only; a login given to a member of staff or a
 * student would let whoever holds the login act as that person.
 */
public final class GuardianOnly {

    /** The day on which roles are judged, as the access rules judge them. */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    private GuardianOnly() {
    }

    public static LocalDate today() {
        return LocalDate.now(SCHOOL_ZONE);
    }

    /** Whether the person holds a guardian link. */
    public static boolean holdsGuardianLink(EntityManager em, UUID personId) {
        Objects.requireNonNull(personId, "personId");
        return !em.createQuery("select l.id from GuardianLink l where l.guardian.id = :person", UUID.class)
                .setParameter("person", personId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Whether the person has a school role of their own that has not ended by the given day. */
    public static boolean hasSchoolRole(EntityManager em, UUID personId, LocalDate today) {
        Objects.requireNonNull(personId, "personId");
        return !em.createQuery("select r.id from SchoolRole r where r.person.id = :person "
                        + "and (r.validity.validTo is null or r.validity.validTo >= :today)", UUID.class)
                .setParameter("person", personId)
                .setParameter("today", today)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** A guardian and nothing else: may hold a guardian login and a guardian session. */
    public static boolean isGuardianOnly(EntityManager em, UUID personId, LocalDate today) {
        return holdsGuardianLink(em, personId) && !hasSchoolRole(em, personId, today);
    }
}
