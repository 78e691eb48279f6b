package se.klassrum.guardian.boundary;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.entity.GuardianConsent;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.Person;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A guardian link of an adult student and the student's consent to it (TRANSITIONS.md, A1–A2), as the school sees it
 * where it records or withdraws consents.
 *
 * @param eighteenthBirthday the day the link ended, unless the student consented
 * @param linkActive         the link is switched on and within its dates today, whatever the student's age
 * @param givesAccess        the link gives the guardian access today (under 18, or by a consent not withdrawn)
 * @param consent            NONE, RECORDED or WITHDRAWN (for good)
 * @param consentDate        the day the student consented; null for a consent carried over from "continues after majority"
 * @param recordedBy         the school administrator's name or the integration's client id; null if not known
 * @param carriedOver        carried over from an administrator's earlier "reactivate after majority"
 */
public record GuardianLinkConsent(UUID linkId,
                                  UUID studentId,
                                  String studentName,
                                  UUID guardianId,
                                  String guardianName,
                                  String relation,
                                  LocalDate eighteenthBirthday,
                                  boolean linkActive,
                                  boolean givesAccess,
                                  String consent,
                                  LocalDate consentDate,
                                  OffsetDateTime recordedAt,
                                  String recordedBy,
                                  OffsetDateTime withdrawnAt,
                                  String withdrawnBy,
                                  boolean carriedOver) {

    static GuardianLinkConsent of(EntityManager em, GuardianLink link, LocalDate today) {
        Optional<GuardianConsent> consent = link.consent();
        return new GuardianLinkConsent(link.id(), link.child().id(), link.child().displayName(), link.guardian().id(),
                link.guardian().displayName(), link.relation().name(),
                link.child().birthDate().map(born -> born.plusYears(Person.AGE_OF_MAJORITY)).orElse(null),
                link.isSwitchedOnOn(today), link.isActiveOn(today),
                consent.map(c -> c.isWithdrawn() ? "WITHDRAWN" : "RECORDED").orElse("NONE"),
                consent.flatMap(GuardianConsent::consentDate).orElse(null),
                consent.map(GuardianConsent::recordedAt).orElse(null),
                consent.flatMap(c -> who(em, c.recordedById(), c.recordedByApplication())).orElse(null),
                consent.flatMap(GuardianConsent::withdrawnAt).orElse(null),
                consent.flatMap(c -> who(em, c.withdrawnById(), c.withdrawnByApplication())).orElse(null),
                consent.map(GuardianConsent::isCarriedOver).orElse(false));
    }

    private static Optional<String> who(EntityManager em, Optional<UUID> person, Optional<String> application) {
        return person.map(id -> em.find(Person.class, id)).map(Person::displayName).or(() -> application);
    }
}
