package se.klassrum.access.boundary;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.RoleFact;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The names an explanation may carry to the person who reads it: only of groups and schools that the reader may
 * already see (docs/ACCESS-RULES.md, "Names in explanations"). The rules name the groups and schools of the
 * person explained and of the student; this is where, before an explanation leaves the server (an
 * explanation asked for, or the missing prerequisites of a denial), every other name is replaced by
 * {@link Messages#WITHHELD}, which the messages read as "another school" or "a group at another school".
 *
 * <p>A reader may see the name of
 * <ul>
 *   <li>a school where the reader has an active role (administers, works or studies there), or where the reader
 *       is an active member or owner of a group;</li>
 *   <li>a group where the reader is an active member or owner, or any group of a school where the reader has an
 *       active role;</li>
 *   <li>for a guardian with an active link to the student: the schools where the child has an active role and
 *       the groups where the child is an active member, which the guardian path itself shows.</li>
 * </ul>
 * A syllabus is named only together with its group. Only names are replaced: the facts keep every id, kind,
 * flag and validity, so the decision (allow or deny, and its codes) is the one the rules give on the full facts.
 */
final class ExplanationNames {

    private ExplanationNames() {
    }

    /**
     * @param explained the facts the explanation is built from (of the person explained and the student)
     * @param readersView the facts of the reader and the same student (the same facts when the reader is the
     *                    person explained)
     * @param readerId the reader's person id; null for an application, which is shown no name
     * @return {@code explained} with every name the reader may not see replaced
     */
    static AccessFacts forReader(AccessFacts explained, AccessFacts readersView, UUID readerId, LocalDate today) {
        Set<UUID> roleSchools = new HashSet<>();
        Set<UUID> schools = new HashSet<>();
        Set<UUID> groups = new HashSet<>();
        PersonFacts reader = readerId == null ? null : readersView.actor();
        if (reader != null && reader.personId().equals(readerId)) {
            for (RoleFact role : reader.roles()) {
                if (role.validity().isActiveOn(today)) {
                    roleSchools.add(role.schoolId());
                }
            }
            schools.addAll(roleSchools);
            groups.addAll(activeGroupsOf(readerId, readersView, today));
            PersonFacts student = readersView.student();
            if (student != null && guardianOf(readerId, student, readersView, today)) {
                for (RoleFact role : student.roles()) {
                    if (role.validity().isActiveOn(today)) {
                        schools.add(role.schoolId());
                    }
                }
                groups.addAll(activeGroupsOf(student.personId(), readersView, today));
            }
        }
        Map<UUID, GroupFact> allGroups = new HashMap<>(readersView.groups());
        allGroups.putAll(explained.groups());
        for (GroupFact group : allGroups.values()) {
            if (roleSchools.contains(group.schoolId())) {
                groups.add(group.groupId());
            }
        }
        for (UUID group : groups) {
            GroupFact fact = allGroups.get(group);
            if (fact != null) {
                schools.add(fact.schoolId());
            }
        }

        Map<UUID, GroupFact> shownGroups = new LinkedHashMap<>();
        for (GroupFact group : explained.groups().values()) {
            shownGroups.put(group.groupId(), groups.contains(group.groupId()) ? group : withheld(group));
        }
        Map<UUID, String> shownSchools = new HashMap<>();
        Set<UUID> named = new HashSet<>(explained.schoolNames().keySet());
        addRoleSchools(named, explained.actor());
        addRoleSchools(named, explained.student());
        explained.groups().values().forEach(group -> named.add(group.schoolId()));
        for (UUID school : named) {
            if (!schools.contains(school)) {
                shownSchools.put(school, Messages.WITHHELD);
            } else if (explained.schoolNames().containsKey(school)) {
                shownSchools.put(school, explained.schoolNames().get(school));
            }
        }
        return new AccessFacts(explained.actor(), explained.student(), shownGroups, explained.memberships(),
                explained.teacherSubjects(), explained.guardianLinks(), shownSchools, explained.invitedGuardians(),
                explained.archivedGroupStudents());
    }

    private static GroupFact withheld(GroupFact group) {
        String syllabus = group.syllabusId() == null && group.syllabusCode() == null ? null : Messages.WITHHELD;
        return new GroupFact(group.groupId(), group.tenantId(), group.schoolId(), Messages.WITHHELD, group.kind(),
                group.connected(), group.archived(), group.syllabusId(), syllabus, group.subjectId());
    }

    private static Set<UUID> activeGroupsOf(UUID personId, AccessFacts facts, LocalDate today) {
        Set<UUID> groups = new HashSet<>();
        for (MembershipFact membership : facts.memberships()) {
            if (membership.personId().equals(personId) && membership.validity().isActiveOn(today)) {
                groups.add(membership.groupId());
            }
        }
        return groups;
    }

    private static boolean guardianOf(UUID readerId, PersonFacts student, AccessFacts facts, LocalDate today) {
        for (GuardianLinkFact link : facts.guardianLinks()) {
            if (link.guardianId().equals(readerId) && link.childId().equals(student.personId())
                    && link.isActiveOn(today, student.birthDate())) {
                return true;
            }
        }
        return false;
    }

    private static void addRoleSchools(Set<UUID> schools, PersonFacts person) {
        if (person != null) {
            person.roles().forEach(role -> schools.add(role.schoolId()));
        }
    }
}
