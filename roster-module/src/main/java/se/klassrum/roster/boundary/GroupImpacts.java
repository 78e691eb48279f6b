package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.RosterFactsPort.Subject;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.access.control.AccessRules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a change of a group would do to access, before it is made, decided by the access rules themselves on the facts
 * as they are and as they would be: nothing here is a second copy of the rules. An administrator is asked to confirm a
 * change with its impact in front of them ("3 lärare och 27 elever förlorar åtkomsten").
 * <p>
 * Only counts leave: how many of the group's teachers would lose a path to a student's data, to how many students, and
 * how many of its students would lose the group's posts and assignments. They are given only to an administrator of
 * the group's own school, and count a student with a protected identity only where that administrator has a path to
 * the student.
 */
@ApplicationScoped
@Transactional
public class GroupImpacts {

    /** A change's impact on access through one group. */
    public record Impact(int teachersLosingStudents, int studentsTeachersLose, int studentsLosingGroup) {

        public boolean none() {
            return teachersLosingStudents == 0 && studentsLosingGroup == 0;
        }
    }

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    RosterDirectory directory;

    @Inject
    RosterFactsPort facts;

    @Inject
    AccessGuard guard;

    private final AccessRules rules = new AccessRules();
    private final Clock clock = Clock.systemUTC();

    /**
     * The impact of disconnecting the group: its owners' paths to its students' profiles through it, and its students'
     * reading of its posts, each decided with the group connected (as it is) and disconnected (as it would be).
     *
     * @throws se.klassrum.access.api.StudentDataNotFoundException no such group in the caller's organisation
     * @throws se.klassrum.access.api.NotPermittedException       the caller does not administer the group's school
     */
    @NoStudentData("counts only, for an administrator of the group's own school")
    public Impact ofDisconnecting(UUID groupId) {
        RosterDirectory.GroupView group = directory.group(groupId);
        directory.requireSchoolAdministrator(group.schoolId());
        LocalDate today = AccessRules.today(clock);
        Map<UUID, Boolean> people = activePeople(groupId, today);
        List<UUID> students = countable(people.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .toList());
        UUID tenant = tenantOf(groupId);

        int teachers = 0;
        Set<UUID> studentsLost = new HashSet<>();
        for (Map.Entry<UUID, Boolean> owner : people.entrySet()) {
            if (!owner.getValue()) {
                continue;
            }
            Actor teacher = new Actor.Person(owner.getKey(), tenant);
            Map<Subject, AccessFacts> known = facts.loadAll(owner.getKey(),
                    students.stream().map(student -> new Subject(student, null)).toList());
            boolean loses = false;
            for (Map.Entry<Subject, AccessFacts> each : known.entrySet()) {
                AccessQuestion question = AccessQuestion.about(teacher, each.getKey().studentId(), DataKind.STUDENT_PROFILE,
                        Operation.READ);
                if (lost(question, each.getValue(), groupId, today)) {
                    loses = true;
                    studentsLost.add(each.getKey().studentId());
                }
            }
            if (loses) {
                teachers++;
            }
        }
        int studentsLosingGroup = 0;
        for (UUID student : students) {
            AccessQuestion question = AccessQuestion.aboutGroup(new Actor.Person(student, tenant), DataKind.POST,
                    Operation.READ, groupId, null);
            AccessFacts known = facts.load(student, new Subject(null, groupId)).orElse(null);
            if (known != null && lost(question, known, groupId, today)) {
                studentsLosingGroup++;
            }
        }
        return new Impact(teachers, studentsLost.size(), studentsLosingGroup);
    }

    /** Allowed on the facts as they are, and refused with the group disconnected. */
    private boolean lost(AccessQuestion question, AccessFacts now, UUID groupId, LocalDate today) {
        return rules.verdict(question, now, today).allowed()
                && !rules.verdict(question, disconnected(now, groupId), today).allowed();
    }

    private static AccessFacts disconnected(AccessFacts facts, UUID groupId) {
        GroupFact group = facts.groups().get(groupId);
        if (group == null) {
            return facts;
        }
        Map<UUID, GroupFact> groups = new LinkedHashMap<>(facts.groups());
        groups.put(groupId, new GroupFact(group.groupId(), group.tenantId(), group.schoolId(), group.name(), group.kind(),
                false, group.archived(), group.syllabusId(), group.syllabusCode(), group.subjectId()));
        return new AccessFacts(facts.actor(), facts.student(), groups, facts.memberships(), facts.teacherSubjects(),
                facts.guardianLinks(), facts.schoolNames(), facts.invitedGuardians(), facts.archivedGroupStudents());
    }

    /** The group's active owners (true) and other active members (false) today. */
    private Map<UUID, Boolean> activePeople(UUID groupId, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cast(person_id as varchar), bool_or(role = 'OWNER')"
                        + " from membership where group_id = cast(?1 as uuid) and valid_from <= ?2"
                        + " and (valid_to is null or valid_to >= ?2) group by person_id order by 1")
                .setParameter(1, groupId.toString())
                .setParameter(2, today)
                .getResultList();
        Map<UUID, Boolean> people = new LinkedHashMap<>();
        for (Object[] row : rows) {
            people.put(UUID.fromString((String) row[0]), (Boolean) row[1]);
        }
        return people;
    }

    /**
     * The students the counts may include: a student with a protected identity only where the administrator has a path
     * to the student's profile (decided as one list, audited), since a count that changes with them would tell of them.
     */
    private List<UUID> countable(List<UUID> students) {
        if (students.isEmpty()) {
            return students;
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select cast(id as varchar) from person where id = any (cast(?1 as uuid[]))"
                        + " and security_marking <> 'NONE'")
                .setParameter(1, students.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        List<UUID> shielded = rows.stream().map(id -> UUID.fromString((String) id)).toList();
        if (shielded.isEmpty()) {
            return students;
        }
        Set<UUID> visible = guard.visibleProfiles(shielded);
        return students.stream().filter(student -> !shielded.contains(student) || visible.contains(student)).toList();
    }

    private UUID tenantOf(UUID groupId) {
        return UUID.fromString((String) em.createNativeQuery("select cast(tenant_id as varchar) from study_group"
                + " where id = cast(?1 as uuid)").setParameter(1, groupId.toString()).getSingleResult());
    }
}
