package se.klassrum.access.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The snapshot of roster facts one decision reads; an adapter fills it in one or two queries. The rules
 * judge validity and activity themselves, so the snapshot carries raw facts, ended ones included.
 *
 * <p>For a group-level question ({@link AccessQuestion#groupLevel()}) there is no student: the snapshot
 * then holds the actor, the actor's groups and memberships, the question's group and the actor's subject
 * links, and no guardian links.
 *
 * @param actor the acting person; null when the actor is an application
 * @param student the student whose data is asked for; null for a group-level question
 * @param groups every group in which the actor or the student has a membership (whatever its validity),
 *               plus the question's group and the group an assessment asked about was given in; iteration order is kept, and is the last tie-break between
 *               equally close candidates in an explanation
 * @param memberships every membership of the actor and of the student
 * @param teacherSubjects the actor's subject links
 * @param guardianLinks the links from the actor to the student; none when there is no student
 * @param schoolNames school names for explanations; a school without a name is shown by its id
 * @param invitedGuardians the guardians the question's development talk invites; empty when the question names
 *                         no talk, when the talk invites no one and when there is no such talk
 * @param archivedGroupStudents for each archived group a question names: its members (whatever their membership's
 *                              end) with a STUDENT role at the group's school, with that role's validity; what the
 *                              history path (rule H1) reads of a group-level question
 */
public record AccessFacts(PersonFacts actor,
                          PersonFacts student,
                          Map<UUID, GroupFact> groups,
                          List<MembershipFact> memberships,
                          List<TeacherSubjectFact> teacherSubjects,
                          List<GuardianLinkFact> guardianLinks,
                          Map<UUID, String> schoolNames,
                          Set<UUID> invitedGuardians,
                          List<ArchivedGroupStudentFact> archivedGroupStudents) {

    public AccessFacts {
        archivedGroupStudents = List.copyOf(archivedGroupStudents);
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        memberships = List.copyOf(memberships);
        teacherSubjects = List.copyOf(teacherSubjects);
        guardianLinks = List.copyOf(guardianLinks);
        schoolNames = Map.copyOf(schoolNames);
        invitedGuardians = Set.copyOf(invitedGuardians);
    }

    /** Facts without the students of archived groups: for a question that names no archived group. */
    public AccessFacts(PersonFacts actor,
                       PersonFacts student,
                       Map<UUID, GroupFact> groups,
                       List<MembershipFact> memberships,
                       List<TeacherSubjectFact> teacherSubjects,
                       List<GuardianLinkFact> guardianLinks,
                       Map<UUID, String> schoolNames,
                       Set<UUID> invitedGuardians) {
        this(actor, student, groups, memberships, teacherSubjects, guardianLinks, schoolNames, invitedGuardians, List.of());
    }

    /** Facts about a question that names no development talk. */
    public AccessFacts(PersonFacts actor,
                       PersonFacts student,
                       Map<UUID, GroupFact> groups,
                       List<MembershipFact> memberships,
                       List<TeacherSubjectFact> teacherSubjects,
                       List<GuardianLinkFact> guardianLinks,
                       Map<UUID, String> schoolNames) {
        this(actor, student, groups, memberships, teacherSubjects, guardianLinks, schoolNames, Set.of(), List.of());
    }

    public AccessFacts(PersonFacts actor,
                       PersonFacts student,
                       Map<UUID, GroupFact> groups,
                       List<MembershipFact> memberships,
                       List<TeacherSubjectFact> teacherSubjects,
                       List<GuardianLinkFact> guardianLinks) {
        this(actor, student, groups, memberships, teacherSubjects, guardianLinks, Map.of(), Set.of(), List.of());
    }

    public String schoolName(UUID schoolId) {
        String name = schoolNames.get(schoolId);
        return name != null ? name : schoolId.toString();
    }
}
