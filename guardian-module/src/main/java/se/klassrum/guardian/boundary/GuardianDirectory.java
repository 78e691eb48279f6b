package se.klassrum.guardian.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.roster.boundary.StudentSearch;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.GuardianRelation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A student's guardians as their school's administrators manage them: each guardian by name with the link to the
 * student and the guardian's logins, so that an administrator names a guardian or a login by finding the student by
 * name rather than by an internal id. Only for an administrator of a school where the student has a role today; a
 * student with a protected identity only for one who also has a path to the student's profile, as the name search
 * finds them ({@link StudentSearch#administeredAmong}). Anyone else is told "not found", as for a student that does
 * not exist.
 */
@ApplicationScoped
@Transactional
public class GuardianDirectory {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    Administrators administrators;

    @Inject
    StudentSearch students;

    @Inject
    AccessGuard guard;

    /** One login of a guardian. */
    public record Login(UUID id, GuardianLoginMethod method, String subject, boolean enabled) {
    }

    /**
     * One guardian of the student.
     *
     * @param linkGivesAccess whether the link gives the guardian access to the student today (active, valid, and the
     *                        child under 18 or the link continuing after)
     */
    public record Guardian(UUID id, String name, UUID linkId, GuardianRelation relation, boolean linkGivesAccess,
                           LocalDate linkEnds, List<Login> logins) {
    }

    /**
     * The student's guardians with their links and logins, by family and given name.
     *
     * @throws StudentDataNotFoundException unless the caller administers the student as described above
     */
    @NoStudentData("a student's guardians and their logins for an administrator of the student's school; a protected "
            + "student only behind an audited profile decision")
    public List<Guardian> guardiansOf(UUID studentId) {
        administrators.requireAdministrator(GuardianAdministration.PERMISSION);
        if (studentId == null || !students.administeredAmong(Set.of(studentId)).contains(studentId)) {
            throw new StudentDataNotFoundException();
        }
        LocalDate today = guard.today();
        List<GuardianLink> links = em.createQuery("select l from GuardianLink l join fetch l.guardian g join fetch l.child "
                        + "where l.child.id = :student order by g.familyName, g.givenName, g.id", GuardianLink.class)
                .setParameter("student", studentId)
                .getResultList();
        if (links.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Login>> logins = new LinkedHashMap<>();
        for (GuardianLogin login : em.createQuery("select l from GuardianLogin l where l.guardian.id in :guardians "
                        + "order by l.method, l.subject", GuardianLogin.class)
                .setParameter("guardians", links.stream().map(link -> link.guardian().id()).distinct().toList())
                .getResultList()) {
            logins.computeIfAbsent(login.guardian().id(), id -> new ArrayList<>())
                    .add(new Login(login.id(), login.method(), login.subject(), login.isActive()));
        }
        return links.stream().map(link -> new Guardian(link.guardian().id(), link.guardian().displayName(), link.id(),
                link.relation(), link.isActiveOn(today), link.validity().validTo(),
                List.copyOf(logins.getOrDefault(link.guardian().id(), List.of())))).toList();
    }
}
