package se.klassrum.access.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.TeacherSubjectFact;

/**
 * docs/ACCESS-RULES.md read as literally as possible, over the whole roster, with no concern for speed
 * and nothing shared with the engine but the fact records (not even their date helpers). For every path
 * it lists every candidate school and group with each prerequisite's outcome. A group-level question (no
 * student) is read from its own table in the rules, written out here separately rather than derived from
 * the student-level prerequisites.
 */
final class ReferenceModel {

    /** One prerequisite's outcome, comparable with the engine's checks. */
    record Outcome(Prerequisite code, boolean passed) {
    }

    /** A path's verdict: allowed when some candidate passes all; the closest candidates are those with fewest failures. */
    record PathVerdict(AccessPath path, boolean allowed, int fewestFailures, Set<List<Outcome>> closest) {
    }

    private final Roster roster;
    private final AccessQuestion q;
    private final LocalDate today;

    private ReferenceModel(Roster roster, AccessQuestion question) {
        this.roster = roster;
        this.q = question;
        this.today = roster.today();
    }

    static List<PathVerdict> judge(Roster roster, AccessQuestion question) {
        ReferenceModel model = new ReferenceModel(roster, question);
        List<PathVerdict> verdicts = new ArrayList<>();
        if (question.actor() instanceof Actor.Application) {
            verdicts.add(model.verdict(AccessPath.APPLICATION));
        } else {
            for (AccessPath path : List.of(AccessPath.TEACHER, AccessPath.MENTOR, AccessPath.STUDENT, AccessPath.GUARDIAN)) {
                verdicts.add(model.verdict(path));
            }
            // Section 2: the history path is judged for posts, assignments and submissions, and for nothing else.
            DataKind kind = question.kind();
            if (kind == DataKind.POST || kind == DataKind.ASSIGNMENT || kind == DataKind.SUBMISSION) {
                verdicts.add(model.verdict(AccessPath.HISTORY));
            }
            // ... and the development overview, student and guardian, for a student's assignments and submissions.
            if ((kind == DataKind.ASSIGNMENT || kind == DataKind.SUBMISSION) && question.studentId() != null) {
                verdicts.add(model.verdict(AccessPath.OVERVIEW));
                verdicts.add(model.verdict(AccessPath.GUARDIAN_OVERVIEW));
                verdicts.add(model.verdict(AccessPath.MENTOR_HISTORY)); // H4: the mentor's view of earlier work
            }
            // ... and for assessments the earlier assessments in the subject of a teacher's current group (S1).
            if (kind == DataKind.ASSESSMENT) {
                verdicts.add(model.verdict(AccessPath.SUBJECT_HISTORY));
            }
        }
        return verdicts;
    }

    /** A school and group a path may go through; either may be missing. */
    private record Candidate(UUID school, GroupFact group) {
    }

    private PathVerdict verdict(AccessPath path) {
        List<List<Outcome>> all = new ArrayList<>();
        for (Candidate candidate : candidates(path)) {
            all.add(outcomes(path, candidate));
        }
        boolean allowed = all.stream().anyMatch(list -> list.stream().allMatch(Outcome::passed));
        int fewest = all.stream().mapToInt(ReferenceModel::failures).min().orElseThrow();
        Set<List<Outcome>> closest = new LinkedHashSet<>();
        for (List<Outcome> list : all) {
            if (failures(list) == fewest) {
                closest.add(list);
            }
        }
        return new PathVerdict(path, allowed, fewest, closest);
    }

    static int failures(List<Outcome> outcomes) {
        return (int) outcomes.stream().filter(o -> !o.passed()).count();
    }

    // ----- where a path may go: the rules' "school S" ---------------------------------------------------

    private List<Candidate> candidates(AccessPath path) {
        List<Candidate> candidates = new ArrayList<>();
        if (q.groupId() != null) {
            GroupFact named = groupById(q.groupId());
            candidates.add(new Candidate(named == null ? null : named.schoolId(), named));
            return candidates;
        }
        if (path == AccessPath.APPLICATION) {
            candidates.add(new Candidate(null, null));
            return candidates;
        }
        if (path == AccessPath.TEACHER || path == AccessPath.MENTOR || path == AccessPath.SUBJECT_HISTORY) {
            for (GroupFact group : roster.groups()) {
                boolean someoneInvolvedIsIn = roster.memberships().stream().anyMatch(m -> m.groupId().equals(group.groupId())
                        && (m.personId().equals(q.studentId()) || m.personId().equals(actorId())));
                // Section 1: the snapshot also holds the group the question's assessment was given in.
                boolean assessmentsGroup = q.item() != null && group.groupId().equals(q.item().assessmentGroupId());
                if (someoneInvolvedIsIn || assessmentsGroup) {
                    candidates.add(new Candidate(group.schoolId(), group));
                }
            }
        }
        for (PersonFacts person : List.of(actor(), student())) {
            for (RoleFact role : person.roles()) {
                candidates.add(new Candidate(role.schoolId(), null));
            }
        }
        if (candidates.isEmpty()) {
            candidates.add(new Candidate(null, null));
        }
        return candidates;
    }

    // ----- the prerequisites of each path, in the order of docs/ACCESS-RULES.md ---------------------------

    private List<Outcome> outcomes(AccessPath path, Candidate c) {
        if (q.studentId() == null) {
            return groupLevelOutcomes(path, c.group());
        }
        List<Outcome> out = new ArrayList<>();
        DataKind kind = q.kind();
        boolean read = q.operation() == Operation.READ;
        switch (path) {
            case TEACHER -> {
                boolean talk = kind == DataKind.DEVELOPMENT_TALK || kind == DataKind.TALK_OFFER
                        || kind == DataKind.TALK_BOOKING;
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, !talk && !(kind == DataKind.STUDENT_PROFILE && !read)));
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.TEACHER)));
                out.add(new Outcome(Prerequisite.ROLE_TEACHER, hasActiveRole(actor(), c.school(), SchoolRoleKind.TEACHER)));
                out.add(new Outcome(Prerequisite.STUDENT_AT_SCHOOL, hasActiveRole(student(), c.school(), SchoolRoleKind.STUDENT)));
                out.add(new Outcome(Prerequisite.OWNS_TEACHING_GROUP, ownsGroupWithStudent(c.group(), GroupKind.TEACHING)));
                if (kind == DataKind.ASSESSMENT) {
                    boolean linked = c.group() != null && c.group().syllabusId() != null
                            && c.group().syllabusId().equals(q.item().syllabusId());
                    out.add(new Outcome(Prerequisite.SYLLABUS_LINKED, linked));
                    boolean subject = c.group() != null && c.group().syllabusId() != null && c.group().subjectId() != null
                            && roster.teacherSubjects().contains(
                                    new TeacherSubjectFact(actorId(), c.school(), c.group().subjectId()));
                    out.add(new Outcome(Prerequisite.TEACHER_SUBJECT, subject));
                    out.add(new Outcome(Prerequisite.EARLIER_PUBLISHED, !earlierAssessment() || q.item().published()));
                }
            }
            case MENTOR -> {
                boolean mayWrite = kind == DataKind.POST || kind == DataKind.ASSIGNMENT || kind == DataKind.SUBMISSION
                        || kind == DataKind.DEVELOPMENT_TALK || kind == DataKind.TALK_OFFER || kind == DataKind.TALK_BOOKING;
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read || mayWrite));
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.TEACHER)));
                out.add(new Outcome(Prerequisite.ROLE_MENTOR, hasActiveRole(actor(), c.school(), SchoolRoleKind.MENTOR)));
                out.add(new Outcome(Prerequisite.STUDENT_AT_SCHOOL, hasActiveRole(student(), c.school(), SchoolRoleKind.STUDENT)));
                out.add(new Outcome(Prerequisite.OWNS_MENTOR_GROUP, ownsGroupWithStudent(c.group(), GroupKind.MENTOR)));
                if (kind == DataKind.ASSESSMENT) {
                    out.add(new Outcome(Prerequisite.EARLIER_PUBLISHED, !earlierAssessment() || q.item().published()));
                }
            }
            case STUDENT -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED,
                        read || kind == DataKind.SUBMISSION || kind == DataKind.TALK_BOOKING));
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.STUDENT)));
                out.add(new Outcome(Prerequisite.ROLE_STUDENT, hasActiveRole(actor(), c.school(), SchoolRoleKind.STUDENT)));
                out.add(new Outcome(Prerequisite.STUDENT_AT_SCHOOL, hasActiveRole(student(), c.school(), SchoolRoleKind.STUDENT)));
                boolean personal = kind == DataKind.STUDENT_PROFILE || kind == DataKind.SUBMISSION
                        || kind == DataKind.ASSESSMENT || kind == DataKind.DEVELOPMENT_TALK
                        || kind == DataKind.TALK_BOOKING;
                if (personal || student().protectedIdentity()) {
                    out.add(new Outcome(Prerequisite.MEMBER_OF_LINKED_GROUP, actorId().equals(q.studentId())));
                }
                if (kind.groupLinked()) {
                    out.add(new Outcome(Prerequisite.MEMBER_OF_LINKED_GROUP,
                            usable(c.group()) && activeMembership(c.group(), actorId(), MembershipRole.MEMBER)));
                }
                if (kind == DataKind.ASSESSMENT || kind == DataKind.ASSIGNMENT) {
                    out.add(new Outcome(Prerequisite.PUBLISHED, q.item() != null && q.item().published()));
                }
            }
            case GUARDIAN -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read || kind == DataKind.TALK_BOOKING));
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.GUARDIAN_LINK, activeGuardianLink()));
                out.add(new Outcome(Prerequisite.GUARDIAN_LOGIN, actor().guardianLoginActive()));
                out.add(new Outcome(Prerequisite.CHILD_HAS_ROLE_AT_SCHOOL, hasActiveRole(student(), c.school(), null)));
                if (kind.groupLinked()) {
                    out.add(new Outcome(Prerequisite.CHILD_MEMBER_OF_GROUP,
                            usable(c.group()) && activeMembership(c.group(), q.studentId(), MembershipRole.MEMBER)));
                }
                if (kind == DataKind.DEVELOPMENT_TALK) {
                    out.add(new Outcome(Prerequisite.GUARDIAN_INVITED, invitedToTheTalk()));
                }
                if (kind == DataKind.ASSESSMENT || kind == DataKind.ASSIGNMENT) {
                    out.add(new Outcome(Prerequisite.PUBLISHED, q.item() != null && q.item().published()));
                }
            }
            case HISTORY -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read)); // read only: nobody writes in an archived group
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.TEACHER)));
                out.add(new Outcome(Prerequisite.ROLE_TEACHER, hasActiveRole(actor(), c.school(), SchoolRoleKind.TEACHER)));
                out.add(new Outcome(Prerequisite.STUDENT_AT_SCHOOL, hasActiveRole(student(), c.school(), SchoolRoleKind.STUDENT)));
                out.add(new Outcome(Prerequisite.OWNS_ARCHIVED_GROUP, ownsArchivedGroup(c.group())
                        && wasMember(c.group(), q.studentId())));
            }
            case OVERVIEW -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read));
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.STUDENT)));
                out.add(new Outcome(Prerequisite.STUDENT_SOMEWHERE, studiesSomewhere()));
                out.add(new Outcome(Prerequisite.MEMBER_OF_LINKED_GROUP, actorId().equals(q.studentId())));
                out.add(new Outcome(Prerequisite.WAS_MEMBER_OF_GROUP, c.group() != null && wasMember(c.group(), q.studentId())));
                out.add(new Outcome(Prerequisite.ASSESSED_WORK, q.item() != null && q.item().assessedWork()));
            }
            case GUARDIAN_OVERVIEW -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read));
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.GUARDIAN_LINK, activeGuardianLink()));
                out.add(new Outcome(Prerequisite.GUARDIAN_LOGIN, actor().guardianLoginActive()));
                out.add(new Outcome(Prerequisite.STUDENT_SOMEWHERE, studiesSomewhere()));
                out.add(new Outcome(Prerequisite.WAS_MEMBER_OF_GROUP, c.group() != null && wasMember(c.group(), q.studentId())));
                out.add(new Outcome(Prerequisite.ASSESSED_WORK, q.item() != null && q.item().assessedWork()));
            }
            case MENTOR_HISTORY -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read));
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.TEACHER)));
                out.add(new Outcome(Prerequisite.ROLE_MENTOR, hasActiveRole(actor(), c.school(), SchoolRoleKind.MENTOR)));
                out.add(new Outcome(Prerequisite.STUDENT_AT_SCHOOL, hasActiveRole(student(), c.school(), SchoolRoleKind.STUDENT)));
                out.add(new Outcome(Prerequisite.MENTORS_STUDENT, activeMentorAt(c.school())));
                out.add(new Outcome(Prerequisite.EARLIER_TEACHING_GROUP, earlierTeachingGroup(c.group())));
                out.add(new Outcome(Prerequisite.ASSESSED_WORK, q.item() != null && q.item().assessedWork()));
            }
            case SUBJECT_HISTORY -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read)); // reading earlier assessments only
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.TEACHER)));
                out.add(new Outcome(Prerequisite.ROLE_TEACHER, hasActiveRole(actor(), c.school(), SchoolRoleKind.TEACHER)));
                out.add(new Outcome(Prerequisite.STUDENT_AT_SCHOOL, hasActiveRole(student(), c.school(), SchoolRoleKind.STUDENT)));
                out.add(new Outcome(Prerequisite.OWNS_TEACHING_GROUP, ownsGroupWithStudent(c.group(), GroupKind.TEACHING)));
                boolean linked = c.group() != null && c.group().syllabusId() != null && c.group().subjectId() != null
                        && roster.teacherSubjects().contains(new TeacherSubjectFact(actorId(), c.school(), c.group().subjectId()));
                out.add(new Outcome(Prerequisite.TEACHER_SUBJECT, linked));
                boolean sameSubject = c.group() != null && c.group().syllabusId() != null && c.group().subjectId() != null
                        && c.group().subjectId().equals(q.item().subjectId());
                out.add(new Outcome(Prerequisite.SAME_SUBJECT, sameSubject));
                GroupFact given = q.item().assessmentGroupId() == null ? null : groupById(q.item().assessmentGroupId());
                out.add(new Outcome(Prerequisite.EARLIER_ASSESSMENT, given != null && c.school() != null
                        && given.schoolId().equals(c.school()) && wasMember(given, q.studentId()) && earlierAssessment()));
                out.add(new Outcome(Prerequisite.EARLIER_PUBLISHED, !earlierAssessment() || q.item().published()));
            }
            case APPLICATION -> {
                out.add(new Outcome(Prerequisite.SAME_TENANT, sameTenant(c)));
                out.add(new Outcome(Prerequisite.APPLICATION_PERMISSION, permitted()));
            }
        }
        return out;
    }

    /** MENTORS_STUDENT: some usable mentor group at the school, owned by the actor today, with the student in it today. */
    private boolean activeMentorAt(UUID school) {
        if (school == null) {
            return false;
        }
        for (GroupFact group : roster.groups()) {
            if (group.kind() == GroupKind.MENTOR && group.schoolId().equals(school) && usable(group)
                    && activeMembership(group, actorId(), MembershipRole.OWNER)
                    && activeMembership(group, q.studentId(), MembershipRole.MEMBER)) {
                return true;
            }
        }
        return false;
    }

    /** EARLIER_TEACHING_GROUP: a teaching group the student was in, that is archived, disconnected, or left. */
    private boolean earlierTeachingGroup(GroupFact group) {
        if (group == null || group.kind() != GroupKind.TEACHING || !wasMember(group, q.studentId())) {
            return false;
        }
        boolean stillIn = activeMembership(group, q.studentId(), MembershipRole.MEMBER);
        return group.archived() || !group.connected() || !stillIn;
    }

    /**
     * An earlier assessment (section 6): the group it was given in is archived, disconnected or left by the student,
     * or unknown; an assessment whose question names no group is still to be set, and is not earlier.
     */
    private boolean earlierAssessment() {
        if (q.item() == null || q.item().assessmentGroupId() == null) {
            return false;
        }
        GroupFact given = groupById(q.item().assessmentGroupId());
        return given == null || given.archived() || !given.connected()
                || !activeMembership(given, q.studentId(), MembershipRole.MEMBER);
    }

    /** STUDENT_SOMEWHERE: an active STUDENT role at any school at all. */
    private boolean studiesSomewhere() {
        for (RoleFact role : student().roles()) {
            if (role.role() == SchoolRoleKind.STUDENT && valid(role.validity().from(), role.validity().to())) {
                return true;
            }
        }
        return false;
    }

    /** OWNS_ARCHIVED_GROUP without the student: an archived, still connected teaching group the actor owns today. */
    private boolean ownsArchivedGroup(GroupFact group) {
        return group != null && group.kind() == GroupKind.TEACHING && group.connected() && group.archived()
                && activeMembership(group, actorId(), MembershipRole.OWNER);
    }

    /** "Was a member": a MEMBER membership whose first day has come, ended or not. */
    private boolean wasMember(GroupFact group, UUID person) {
        for (MembershipFact m : roster.memberships()) {
            if (m.groupId().equals(group.groupId()) && m.personId().equals(person) && m.role() == MembershipRole.MEMBER
                    && (m.validity().from() == null || m.validity().from().compareTo(today) <= 0)) {
                return true;
            }
        }
        return false;
    }

    /** FORMER_STUDENT_ACTIVE: somebody, anybody in the roster, who was a member of the group still studies at its school. */
    private boolean someFormerStudentStillStudiesThere(GroupFact group) {
        if (group == null || !group.archived()) {
            return false; // only an archived group has former students in the sense of H1
        }
        for (PersonFacts person : roster.people()) {
            if (wasMember(group, person.personId()) && hasActiveRole(person, group.schoolId(), SchoolRoleKind.STUDENT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The posts or assignments of a group as a whole (docs/ACCESS-RULES.md, "Group-level questions"): owners
     * and members of the named group, at its school, with no student; a guardian must name a child.
     *
     * @param group the named group, or null when the roster has no such group
     */
    private List<Outcome> groupLevelOutcomes(AccessPath path, GroupFact group) {
        boolean read = q.operation() == Operation.READ;
        UUID school = group == null ? null : group.schoolId();
        boolean usable = group != null && group.connected() && !group.archived();
        List<Outcome> out = new ArrayList<>();
        switch (path) {
            case TEACHER -> {
                // R W posts and assignments; never the talk times of a mentor group
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, q.kind() != DataKind.TALK_OFFER));
                out.add(new Outcome(Prerequisite.SAME_TENANT, groupSameTenant(group)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.TEACHER)));
                out.add(new Outcome(Prerequisite.ROLE_TEACHER, hasActiveRole(actor(), school, SchoolRoleKind.TEACHER)));
                out.add(new Outcome(Prerequisite.OWNS_TEACHING_GROUP, usable && group.kind() == GroupKind.TEACHING
                        && activeMembership(group, actorId(), MembershipRole.OWNER)));
            }
            case MENTOR -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, true)); // R W posts, assignments, talk times
                out.add(new Outcome(Prerequisite.SAME_TENANT, groupSameTenant(group)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.TEACHER)));
                out.add(new Outcome(Prerequisite.ROLE_MENTOR, hasActiveRole(actor(), school, SchoolRoleKind.MENTOR)));
                out.add(new Outcome(Prerequisite.OWNS_MENTOR_GROUP, usable && group.kind() == GroupKind.MENTOR
                        && activeMembership(group, actorId(), MembershipRole.OWNER)));
            }
            case STUDENT -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read));
                out.add(new Outcome(Prerequisite.SAME_TENANT, groupSameTenant(group)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.STUDENT)));
                out.add(new Outcome(Prerequisite.ROLE_STUDENT, hasActiveRole(actor(), school, SchoolRoleKind.STUDENT)));
                out.add(new Outcome(Prerequisite.MEMBER_OF_LINKED_GROUP,
                        usable && activeMembership(group, actorId(), MembershipRole.MEMBER)));
                if (q.kind() == DataKind.ASSIGNMENT) {
                    out.add(new Outcome(Prerequisite.PUBLISHED, q.item() != null && q.item().published()));
                }
            }
            case GUARDIAN -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read));
                out.add(new Outcome(Prerequisite.SAME_TENANT, groupSameTenant(group)));
                out.add(new Outcome(Prerequisite.GUARDIAN_LINK, false)); // no child named
                out.add(new Outcome(Prerequisite.GUARDIAN_LOGIN, actor().guardianLoginActive()));
            }
            case HISTORY -> {
                out.add(new Outcome(Prerequisite.OPERATION_ALLOWED, read));
                out.add(new Outcome(Prerequisite.SAME_TENANT, groupSameTenant(group)));
                out.add(new Outcome(Prerequisite.LICENCE, hasActiveLicence(LicenceKind.TEACHER)));
                out.add(new Outcome(Prerequisite.ROLE_TEACHER, hasActiveRole(actor(), school, SchoolRoleKind.TEACHER)));
                out.add(new Outcome(Prerequisite.OWNS_ARCHIVED_GROUP, ownsArchivedGroup(group)));
                out.add(new Outcome(Prerequisite.FORMER_STUDENT_ACTIVE, someFormerStudentStillStudiesThere(group)));
            }
            case APPLICATION -> {
                out.add(new Outcome(Prerequisite.SAME_TENANT, groupSameTenant(group)));
                out.add(new Outcome(Prerequisite.APPLICATION_PERMISSION, permitted()));
            }
        }
        return out;
    }

    /** Group-level: the token's tenant is the acting person's (if a person acts) and the named group's. */
    private boolean groupSameTenant(GroupFact group) {
        UUID token = q.actor().tenantId();
        if (q.actor() instanceof Actor.Person && !roster.person(actorId()).tenantId().equals(token)) {
            return false;
        }
        return group != null && group.tenantId().equals(token);
    }

    // ----- facts ---------------------------------------------------------------------------------------

    private UUID actorId() {
        return ((Actor.Person) q.actor()).personId();
    }

    private PersonFacts actor() {
        return q.actor() instanceof Actor.Person ? roster.person(actorId()) : student();
    }

    private PersonFacts student() {
        return roster.person(q.studentId());
    }

    private GroupFact groupById(UUID id) {
        return roster.groups().stream().filter(g -> g.groupId().equals(id)).findFirst().orElse(null);
    }

    /** Valid on today's date: from and to inclusive, a missing end open. */
    private boolean valid(LocalDate from, LocalDate to) {
        boolean started = from == null || from.compareTo(today) <= 0;
        boolean notEnded = to == null || to.compareTo(today) >= 0;
        return started && notEnded;
    }

    private boolean sameTenant(Candidate c) {
        UUID token = q.actor().tenantId();
        if (!token.equals(student().tenantId())) {
            return false;
        }
        if (q.actor() instanceof Actor.Person && !token.equals(actor().tenantId())) {
            return false;
        }
        if (q.groupId() != null && groupById(q.groupId()) == null) {
            return false; // a named group that does not exist belongs to no tenant
        }
        return c.group() == null || c.group().tenantId().equals(token);
    }

    private boolean hasActiveLicence(LicenceKind kind) {
        for (LicenceFact licence : actor().licences()) {
            if (licence.kind() == kind && valid(licence.validity().from(), licence.validity().to())) {
                return true;
            }
        }
        return false;
    }

    /** @param kind null: any role */
    private boolean hasActiveRole(PersonFacts person, UUID school, SchoolRoleKind kind) {
        if (school == null) {
            return false;
        }
        for (RoleFact role : person.roles()) {
            if (role.schoolId().equals(school) && (kind == null || role.role() == kind)
                    && valid(role.validity().from(), role.validity().to())) {
                return true;
            }
        }
        return false;
    }

    private boolean usable(GroupFact group) {
        return group != null && group.connected() && !group.archived();
    }

    private boolean activeMembership(GroupFact group, UUID person, MembershipRole role) {
        for (MembershipFact m : roster.memberships()) {
            if (m.groupId().equals(group.groupId()) && m.personId().equals(person) && m.role() == role
                    && valid(m.validity().from(), m.validity().to())) {
                return true;
            }
        }
        return false;
    }

    private boolean ownsGroupWithStudent(GroupFact group, GroupKind kind) {
        return usable(group) && group.kind() == kind
                && activeMembership(group, actorId(), MembershipRole.OWNER)
                && activeMembership(group, q.studentId(), MembershipRole.MEMBER);
    }

    private boolean activeGuardianLink() {
        for (GuardianLinkFact link : roster.guardianLinks()) {
            if (!link.guardianId().equals(actorId()) || !link.childId().equals(q.studentId())) {
                continue;
            }
            // A2: after 18 only by the student's recorded consent; a withdrawn consent ends the link for good.
            if (link.active() && valid(link.validity().from(), link.validity().to())
                    && link.consent() != GuardianLinkFact.Consent.WITHDRAWN
                    && (!adult(student().birthDate()) || link.consent() == GuardianLinkFact.Consent.RECORDED)) {
                return true;
            }
        }
        return false;
    }

    /** The question names a talk, and the roster records that talk inviting the actor. */
    private boolean invitedToTheTalk() {
        if (q.item() == null || q.item().talkId() == null) {
            return false;
        }
        return roster.invitations().contains(new Roster.Invitation(q.item().talkId(), actorId()));
    }

    /** 18 or older today; a birthday on 29 February falls on 28 February in other years. Unknown: not adult. */
    private boolean adult(LocalDate born) {
        if (born == null) {
            return false;
        }
        int year = born.getYear() + 18;
        int day = born.getDayOfMonth();
        if (born.getMonthValue() == 2 && day == 29 && !java.time.Year.isLeap(year)) {
            day = 28;
        }
        LocalDate eighteenth = LocalDate.of(year, born.getMonthValue(), day);
        return !today.isBefore(eighteenth);
    }

    private boolean permitted() {
        String area = switch (q.kind()) {
            case STUDENT_PROFILE -> "Students";
            case POST -> "Posts";
            case ASSIGNMENT -> "Assignments";
            case SUBMISSION -> "Submissions";
            case ASSESSMENT -> "Assessments";
            case DEVELOPMENT_TALK -> "DevelopmentTalks";
            case TALK_OFFER -> "TalkOffers";
            case TALK_BOOKING -> "TalkBookings";
        };
        Set<String> held = ((Actor.Application) q.actor()).permissions();
        return held.contains(area + ".ReadWrite.All")
                || q.operation() == Operation.READ && held.contains(area + ".Read.All");
    }
}
