package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.Person;
import se.klassrum.teaching.entity.TeachingException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The guardians a development talk invites (ACCESS-RULES.md, choice 16), whether it is recorded by the mentor or
 * booked: each must be a guardian of the student with an active link that day.
 */
@ApplicationScoped
public class TalkGuardians {

    @Inject
    TeachingContext context;

    /**
     * @param guardianIds the guardians chosen; null chooses every guardian with an active link on the day, and an
     *                    empty list none
     * @throws TeachingException NOT_A_GUARDIAN when one of them is not an active guardian of the student
     */
    public List<Person> invited(UUID studentId, List<UUID> guardianIds, LocalDate day) {
        List<GuardianLink> active = activeLinks(studentId, day).toList();
        if (guardianIds == null) {
            return active.stream().map(GuardianLink::guardian).toList();
        }
        List<Person> guardians = new ArrayList<>();
        for (UUID guardianId : guardianIds.stream().distinct().toList()) {
            Person guardian = active.stream().map(GuardianLink::guardian).filter(g -> g.id().equals(guardianId))
                    .findFirst()
                    .orElseThrow(() -> new TeachingException("NOT_A_GUARDIAN", "En deltagare är inte elevens vårdnadshavare",
                            "A participant is not a guardian of the student"));
            guardians.add(guardian);
        }
        return guardians;
    }

    /** The links of the student's guardians that are active on the day. */
    public Stream<GuardianLink> activeLinks(UUID studentId, LocalDate day) {
        return context.em().createQuery("select l from GuardianLink l where l.child.id = :child", GuardianLink.class)
                .setParameter("child", studentId)
                .getResultStream()
                .filter(link -> link.isActiveOn(day));
    }
}
