package se.klassrum.access.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.ApplicationPermissions;
import se.klassrum.access.api.ArchivedGroupStudentFact;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.PathEvaluation;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.PrerequisiteCheck;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.TeacherSubjectFact;

/**
 * One decision in progress. A path's school-dependent checks are judged for each candidate (school,
 * group); the path allows when one candidate passes everything, and reports the candidate that passed
 * the most checks. Candidates are judged into bit masks, and explanation arguments are built only for the
 * reported candidate, so that the common case allocates little.
 *
 * <p>A group-level question (posts or assignments of a group, no student) has no student: its check lists
 * (see {@link PathRules}) leave out every check that reads the student, so {@link #student} is null only
 * where nothing reads it.
 */
final class Evaluation {

    // Details say which part of a prerequisite decided; they select the message (see Messages).
    static final String UNKNOWN_GROUP = "unknownGroup";
    static final String NO_SCHOOL = "noSchool";
    static final String NO_GROUP = "noGroup";
    static final String WRONG_KIND = "wrongKind";
    static final String NOT_CONNECTED = "notConnected";
    static final String ARCHIVED = "archived";
    static final String NOT_OWNER = "notOwner";
    static final String STUDENT_NOT_MEMBER = "studentNotMember";
    static final String NOT_MEMBER = "notMember";
    static final String NO_SYLLABUS = "noSyllabus";
    static final String OTHER_SYLLABUS = "otherSyllabus";
    static final String NOT_LINKED = "notLinked";
    static final String OWN = "own";
    static final String NO_LINK = "none";
    static final String INACTIVE = "inactive";
    static final String NOT_VALID = "notValid";
    static final String ADULT = "adult";
    /** Adulthood (A2): the student consented to the guardian keeping access (passed), or withdrew it (failed). */
    static final String CONSENT = "consent";
    static final String CONSENT_WITHDRAWN = "consentWithdrawn";
    static final String DRAFT = "draft";
    static final String UNKNOWN = "unknown";
    /** A group-level question: selects the messages that name the group rather than a student. */
    static final String GROUP_LEVEL = "groupLevel";
    /** A guardian's question about development talks names no talk, so no invitation can be found. */
    static final String NO_TALK = "noTalk";
    /** A guardian's group-level question names no child. */
    static final String NO_CHILD = "noChild";
    /** History (H1): the group is not archived, so it is read through the rules of a current group. */
    static final String NOT_ARCHIVED = "notArchived";
    /** History (H1): the student never was a member of the group. */
    static final String NEVER_MEMBER = "neverMember";
    /** Mentor history (H4): the student is still an active member of the connected group, so it is not earlier. */
    static final String CURRENT = "current";
    /** Subject history (S1): the assessment's syllabus belongs to another subject than the teacher's group's. */
    static final String OTHER_SUBJECT = "otherSubject";
    /** Subject history (S1): the assessment was given at another school than the candidate's. */
    static final String OTHER_SCHOOL = "otherSchool";
    /** Failed, and there is nothing more specific to say. */
    private static final String FAILED = "";
    private static final Map<String, String> GROUP_LEVEL_ARGS = Map.of("detail", GROUP_LEVEL);
    private static final Map<String, String> NO_CHILD_ARGS = Map.of("detail", NO_CHILD);

    private final AccessQuestion question;
    private final AccessFacts facts;
    private final LocalDate today;
    /** Null for an application. */
    private final PersonFacts actor;
    /** Null for a group-level question. */
    private final PersonFacts student;
    private final boolean groupLevel;
    /** The question names a group that the snapshot does not know. */
    private final boolean namedGroupUnknown;
    private final boolean personsInOneTenant;
    private final boolean explained;

    // The best candidate of the path being evaluated.
    private int bestBits;
    private int bestProgress;
    private UUID bestSchool;
    private GroupFact bestGroup;
    /**
     * Up to this many memberships, and outside the search of every group, a membership is looked up by scanning them:
     * cheaper than collecting an index.
     */
    private static final int SCANNED_MEMBERSHIPS = 12;
    /** Set once a path's search judges every group in the snapshot, each asking the same few memberships. */
    private boolean searchingEveryGroup;
    /**
     * The student's groups as a verdict tries them, those the actor is in too first: null until a path has tried them
     * all, then the same order for every later path of the decision, without asking again which the actor is in.
     */
    private UUID[] studentsGroups;
    /** Null until a roster too large to scan is asked about. */
    private List<ActiveGroups> activeGroups;
    /** Whether any candidate was judged for the path, kept or not: the last fallback is for a path without any. */
    private boolean anyCandidate;
    /**
     * A candidate that fails this many per-candidate checks cannot matter to a verdict and is not judged to the end;
     * {@link Integer#MAX_VALUE} when every candidate is judged whole, as for an explanation.
     */
    private int candidateFailureBound;

    /**
     * @param explained the decision will be explained, so the candidate reported for an allowing path must be the
     *                  first in snapshot order; a verdict may stop at any candidate that passes
     */
    Evaluation(AccessQuestion question, AccessFacts facts, LocalDate today, boolean explained) {
        this.explained = explained;
        this.question = question;
        this.facts = facts;
        this.today = today;
        this.actor = question.actor() instanceof Actor.Person ? facts.actor() : null;
        this.student = facts.student();
        this.groupLevel = question.studentId() == null;
        this.namedGroupUnknown = question.groupId() != null && !facts.groups().containsKey(question.groupId());
        UUID tenant = question.actor().tenantId();
        this.personsInOneTenant = (student == null || tenant.equals(student.tenantId()))
                && (actor == null || tenant.equals(actor.tenantId()));
    }

    /** The checks of the path, in order: bit i of {@link #passedBits} stands for element i. */
    Check[] checks(AccessPath path) {
        return PathRules.checks(path, question.kind(), student != null && student.protectedIdentity(), groupLevel);
    }

    PathEvaluation evaluate(AccessPath path) {
        Check[] checks = checks(path);
        int passedBits = passedBits(path, checks);
        boolean allowed = passedBits == (1 << checks.length) - 1;
        PrerequisiteCheck[] results = new PrerequisiteCheck[checks.length];
        for (int i = 0; i < checks.length; i++) {
            boolean passed = (passedBits & (1 << i)) != 0;
            String detail = passed ? null : failure(path, checks[i], bestSchool, bestGroup);
            results[i] = new PrerequisiteCheck(checks[i].code, passed, args(path, checks[i], passed, detail));
        }
        return new PathEvaluation(path, allowed, List.of(results));
    }

    /**
     * Which of the path's checks pass for its best candidate (bit i for {@code checks[i]}), without building
     * an explanation: the whole of a decision the guard makes when it allows.
     */
    int passedBits(AccessPath path, Check[] checks) {
        return passedBits(path, checks, Integer.MAX_VALUE);
    }

    /**
     * As {@link #passedBits(AccessPath, Check[])} for a path that matters to a verdict only if it fails fewer than
     * {@code failureBound} checks: a path whose checks independent of any candidate already fail that many is not
     * searched, and a candidate is given up at the failure that makes it no closer. The bits are exact whenever the
     * path fails fewer than the bound.
     *
     * @return the passed checks' bits, or {@link #NOT_CLOSER} when the path fails at least {@code failureBound} checks
     */
    int passedBits(AccessPath path, Check[] checks, int failureBound) {
        int perCandidate = 0;
        int independentBits = 0;
        int independentFailures = 0;
        for (int i = 0; i < checks.length; i++) {
            if (checks[i].perCandidate) {
                perCandidate |= 1 << i;
            } else if (failure(path, checks[i], null, null) == null) {
                independentBits |= 1 << i;
            } else if (++independentFailures >= failureBound) {
                return NOT_CLOSER;
            }
        }
        bestBits = -1;
        bestProgress = -1;
        bestSchool = null;
        bestGroup = null;
        anyCandidate = false;
        candidateFailureBound = failureBound == Integer.MAX_VALUE ? Integer.MAX_VALUE : failureBound - independentFailures;
        findBestCandidate(path, checks, perCandidate);
        if (bestBits < 0) {
            return NOT_CLOSER;
        }
        return (independentBits | bestBits) & ((1 << checks.length) - 1);
    }

    /** {@link #passedBits(AccessPath, Check[], int)}: the path fails at least as many checks as the bound. */
    static final int NOT_CLOSER = -1;

    private void findBestCandidate(AccessPath path, Check[] checks, int perCandidate) {
        if (question.groupId() != null) {
            GroupFact group = facts.groups().get(question.groupId());
            consider(path, checks, perCandidate, group == null ? null : group.schoolId(), group);
            return;
        }
        if (path == AccessPath.APPLICATION) {
            consider(path, checks, perCandidate, null, null);
            return;
        }
        if (PathRules.searchesGroups(path)) {
            if (!explained && allowedThroughStudentsGroups(path, checks, perCandidate)) {
                return;
            }
            searchingEveryGroup = true;
            for (GroupFact group : facts.groups().values()) {
                if (consider(path, checks, perCandidate, group.schoolId(), group)) {
                    return;
                }
            }
        }
        // Without a group, a path can still be judged at each school where someone involved has a role,
        // which gives a sensible explanation when no group qualifies.
        if (considerRoleSchools(path, checks, perCandidate, actor) || considerRoleSchools(path, checks, perCandidate, student)) {
            return;
        }
        if (!anyCandidate) {
            consider(path, checks, perCandidate, null, null);
        }
    }

    /**
     * For a verdict: a teacher or mentor path passes only through a group the student is a member of, so those
     * few groups are tried first, each only until its first failing check; among them first the groups the actor is in
     * too (as owner, mentor or member), where a teacher or mentor is found at the first try. A verdict that allows
     * does not depend on which passing group it stopped at, so the order changes no outcome. They are not recorded as
     * candidates unless one passes, so that when none does the search below finds the same closest candidate, and the
     * same codes, as for an explanation.
     */
    private boolean allowedThroughStudentsGroups(AccessPath path, Check[] checks, int perCandidate) {
        if (student == null) {
            return false;
        }
        if (studentsGroups != null) {
            for (UUID groupId : studentsGroups) {
                if (passesThrough(path, checks, perCandidate, groupId)) {
                    return true;
                }
            }
            return false;
        }
        List<MembershipFact> memberships = facts.memberships();
        // The student's other groups, by their memberships' places, tried when none of the actor's groups passes.
        int[] later = null;
        int laterCount = 0;
        int actorsCount = 0;
        for (int i = 0, n = memberships.size(); i < n; i++) {
            MembershipFact membership = memberships.get(i);
            if (membership.role() != MembershipRole.MEMBER || !membership.personId().equals(student.personId())) {
                continue;
            }
            if (!actorIn(membership.groupId(), memberships)) {
                if (later == null) {
                    later = new int[n];
                }
                later[laterCount++] = i;
            } else {
                actorsCount++;
                if (passesThrough(path, checks, perCandidate, membership.groupId())) {
                    return true;
                }
            }
        }
        for (int j = 0; j < laterCount; j++) {
            if (passesThrough(path, checks, perCandidate, memberships.get(later[j]).groupId())) {
                return true;
            }
        }
        // None passed: the order tried, kept for the next path (a path that passes here never pays for it).
        UUID[] tried = new UUID[actorsCount + laterCount];
        int k = 0;
        for (int i = 0, j = 0, n = memberships.size(); i < n; i++) {
            MembershipFact membership = memberships.get(i);
            if (membership.role() != MembershipRole.MEMBER || !membership.personId().equals(student.personId())) {
                continue;
            }
            if (j < laterCount && later[j] == i) {
                j++;
            } else {
                tried[k++] = membership.groupId();
            }
        }
        for (int j = 0; j < laterCount; j++) {
            tried[k++] = memberships.get(later[j]).groupId();
        }
        studentsGroups = tried;
        return false;
    }

    /** The group passes every per-candidate check of the path, and is then kept as the candidate. */
    private boolean passesThrough(AccessPath path, Check[] checks, int perCandidate, UUID groupId) {
        GroupFact group = facts.groups().get(groupId);
        return group != null && passesAll(path, checks, perCandidate, group)
                && consider(path, checks, perCandidate, group.schoolId(), group);
    }

    /** Whether the actor has any membership of the group, in whatever role and whenever: only an order of trying. */
    private boolean actorIn(UUID groupId, List<MembershipFact> memberships) {
        if (actor == null) {
            return false;
        }
        for (int i = 0, n = memberships.size(); i < n; i++) {
            MembershipFact membership = memberships.get(i);
            if (membership.groupId().equals(groupId) && membership.personId().equals(actor.personId())) {
                return true;
            }
        }
        return false;
    }

    private boolean passesAll(AccessPath path, Check[] checks, int perCandidate, GroupFact group) {
        for (int i = 0; i < checks.length; i++) {
            if ((perCandidate & (1 << i)) != 0 && failure(path, checks[i], group.schoolId(), group) != null) {
                return false;
            }
        }
        return true;
    }

    private boolean considerRoleSchools(AccessPath path, Check[] checks, int perCandidate, PersonFacts person) {
        if (person == null) {
            return false;
        }
        List<RoleFact> roles = person.roles();
        for (int i = 0, n = roles.size(); i < n; i++) {
            if (consider(path, checks, perCandidate, roles.get(i).schoolId(), null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps the candidate that passes the most checks; among equals, the one whose group got furthest
     * (right kind, connected, not archived, owned, student a member, syllabus linked), so that an
     * explanation names the group the user most likely meant; then the first in snapshot order.
     *
     * @return true when this candidate passes every per-candidate check, so no better one can follow
     */
    private boolean consider(AccessPath path, Check[] checks, int perCandidate, UUID school, GroupFact group) {
        anyCandidate = true;
        int bits = 0;
        int progress = 0;
        int failures = 0;
        for (int i = 0; i < checks.length; i++) {
            if ((perCandidate & (1 << i)) == 0) {
                continue;
            }
            String failure = failure(path, checks[i], school, group);
            if (failure == null) {
                bits |= 1 << i;
            } else if (++failures >= candidateFailureBound) {
                return false;
            }
            progress += progress(checks[i], failure);
        }
        int count = Integer.bitCount(bits);
        int bestCount = bestBits < 0 ? -1 : Integer.bitCount(bestBits);
        if (count > bestCount || count == bestCount && progress > bestProgress) {
            bestBits = bits;
            bestProgress = progress;
            bestSchool = school;
            bestGroup = group;
        }
        return bits == perCandidate;
    }

    private static int progress(Check check, String failure) {
        if (check == Check.OWNS_TEACHING_GROUP || check == Check.OWNS_MENTOR_GROUP
                || check == Check.OWNS_NAMED_TEACHING_GROUP || check == Check.OWNS_NAMED_MENTOR_GROUP) {
            return 4 * (failure == null ? 6 : switch (failure) {
                case WRONG_KIND -> 1;
                case NOT_CONNECTED -> 2;
                case ARCHIVED -> 3;
                case NOT_OWNER -> 4;
                case STUDENT_NOT_MEMBER -> 5;
                default -> 0;
            });
        }
        if (check == Check.SYLLABUS_LINKED) {
            return failure == null ? 3 : OTHER_SYLLABUS.equals(failure) ? 2 : NO_SYLLABUS.equals(failure) ? 1 : 0;
        }
        return 0;
    }

    /** @return null when the check passes, otherwise the detail of the failure */
    private String failure(AccessPath path, Check check, UUID school, GroupFact group) {
        return switch (check) {
            case OPERATION_ALLOWED -> PathRules.allows(path, question.kind(), question.operation()) ? null : FAILED;
            case SAME_TENANT -> sameTenant(group) ? null : FAILED;
            case TEACHER_LICENCE -> hasLicence(LicenceKind.TEACHER) ? null : FAILED;
            case STUDENT_LICENCE -> hasLicence(LicenceKind.STUDENT) ? null : FAILED;
            case STUDENT_AT_SCHOOL -> roleFailure(student, school, SchoolRoleKind.STUDENT);
            case ROLE_TEACHER -> roleFailure(actor, school, SchoolRoleKind.TEACHER);
            case ROLE_MENTOR -> roleFailure(actor, school, SchoolRoleKind.MENTOR);
            case ROLE_STUDENT -> roleFailure(actor, school, SchoolRoleKind.STUDENT);
            case CHILD_HAS_ROLE_AT_SCHOOL -> roleFailure(student, school, null);
            case OWNS_TEACHING_GROUP -> ownershipFailure(group, GroupKind.TEACHING, true);
            case OWNS_MENTOR_GROUP -> ownershipFailure(group, GroupKind.MENTOR, true);
            case OWNS_NAMED_TEACHING_GROUP -> ownershipFailure(group, GroupKind.TEACHING, false);
            case OWNS_NAMED_MENTOR_GROUP -> ownershipFailure(group, GroupKind.MENTOR, false);
            case OWNS_ARCHIVED_GROUP -> archivedOwnershipFailure(group, true);
            case OWNS_NAMED_ARCHIVED_GROUP -> archivedOwnershipFailure(group, false);
            case FORMER_STUDENT_ACTIVE -> formerStudentFailure(group);
            case STUDENT_SOMEWHERE -> studentSomewhereFailure();
            case WAS_MEMBER_OF_GROUP -> group == null ? groupMissing()
                    : wasMember(group, student.personId()) ? null : NEVER_MEMBER;
            case ASSESSED_WORK -> question.item() != null && question.item().assessedWork() ? null : FAILED;
            case MENTORS_STUDENT -> mentorsStudentFailure(school);
            case EARLIER_TEACHING_GROUP -> earlierTeachingGroupFailure(group);
            case EARLIER_PUBLISHED -> earlierAssessment() && !question.item().published() ? DRAFT : null;
            case SAME_SUBJECT -> sameSubjectFailure(group);
            case EARLIER_ASSESSMENT -> earlierAssessmentFailure(school);
            case SYLLABUS_LINKED -> syllabusFailure(group);
            case TEACHER_SUBJECT -> subjectFailure(group, school);
            case OWN_DATA -> actor.personId().equals(student.personId()) ? null : OWN;
            case MEMBER_OF_LINKED_GROUP -> memberFailure(group, actor);
            case CHILD_MEMBER_OF_GROUP -> memberFailure(group, student);
            case GUARDIAN_LINK -> guardianLinkFailure();
            case NO_CHILD_NAMED -> NO_CHILD;
            case GUARDIAN_LOGIN -> actor.guardianLoginActive() ? null : FAILED;
            case GUARDIAN_INVITED -> invitationFailure();
            case PUBLISHED -> question.item() == null ? UNKNOWN : question.item().published() ? null : DRAFT;
            case APPLICATION_PERMISSION -> ApplicationPermissions.grants(
                    ((Actor.Application) question.actor()).permissions(), question.kind(), question.operation())
                    ? null : FAILED;
        };
    }

    /**
     * A talk that does not exist invites no one, so it fails exactly like a talk that invites others: the answer
     * never tells the two apart.
     */
    private String invitationFailure() {
        if (question.item() == null || question.item().talkId() == null) {
            return NO_TALK;
        }
        return facts.invitedGuardians().contains(actor.personId()) ? null : FAILED;
    }

    private boolean sameTenant(GroupFact group) {
        if (!personsInOneTenant || namedGroupUnknown) {
            return false;
        }
        return group == null || group.tenantId().equals(question.actor().tenantId());
    }

    private boolean hasLicence(LicenceKind kind) {
        List<LicenceFact> licences = actor.licences();
        for (int i = 0, n = licences.size(); i < n; i++) {
            LicenceFact licence = licences.get(i);
            if (licence.kind() == kind && licence.validity().isActiveOn(today)) {
                return true;
            }
        }
        return false;
    }

    /** @param kind null for a role of any kind */
    private String roleFailure(PersonFacts person, UUID school, SchoolRoleKind kind) {
        if (school == null) {
            return namedGroupUnknown ? UNKNOWN_GROUP : NO_SCHOOL;
        }
        List<RoleFact> roles = person.roles();
        for (int i = 0, n = roles.size(); i < n; i++) {
            RoleFact role = roles.get(i);
            if ((kind == null || role.role() == kind) && role.schoolId().equals(school) && role.validity().isActiveOn(today)) {
                return null;
            }
        }
        return FAILED;
    }

    private String groupMissing() {
        return namedGroupUnknown ? UNKNOWN_GROUP : NO_GROUP;
    }

    /** @param studentMember the student must be an active member too (false for a group-level question) */
    private String ownershipFailure(GroupFact group, GroupKind kind, boolean studentMember) {
        if (group == null) {
            return groupMissing();
        }
        if (group.kind() != kind) {
            return WRONG_KIND;
        }
        String usable = usabilityFailure(group);
        if (usable != null) {
            return usable;
        }
        if (!hasMembership(group.groupId(), actor.personId(), MembershipRole.OWNER)) {
            return NOT_OWNER;
        }
        if (!studentMember) {
            return null;
        }
        return hasMembership(group.groupId(), student.personId(), MembershipRole.MEMBER) ? null : STUDENT_NOT_MEMBER;
    }

    /**
     * History (H1): a connected, archived teaching group the actor still owns; with a student, one who was a member of
     * it (a MEMBER membership that has begun, whether or not it has ended).
     */
    private String archivedOwnershipFailure(GroupFact group, boolean studentWasMember) {
        if (group == null) {
            return groupMissing();
        }
        if (group.kind() != GroupKind.TEACHING) {
            return WRONG_KIND;
        }
        if (!group.connected()) {
            return NOT_CONNECTED;
        }
        if (!group.archived()) {
            return NOT_ARCHIVED;
        }
        if (!hasMembership(group.groupId(), actor.personId(), MembershipRole.OWNER)) {
            return NOT_OWNER;
        }
        if (!studentWasMember) {
            return null;
        }
        return wasMember(group, student.personId()) ? null : NEVER_MEMBER;
    }

    /** A MEMBER membership of the group that has begun, whether or not it has ended. */
    private boolean wasMember(GroupFact group, UUID personId) {
        List<MembershipFact> memberships = facts.memberships();
        for (int i = 0, n = memberships.size(); i < n; i++) {
            MembershipFact membership = memberships.get(i);
            if (membership.role() == MembershipRole.MEMBER && membership.groupId().equals(group.groupId())
                    && membership.personId().equals(personId) && hasBegun(membership.validity().from())) {
                return true;
            }
        }
        return false;
    }

    /** Mentor history (H4): the actor owns a connected, non-archived mentor group at the school with the student in it. */
    private String mentorsStudentFailure(UUID school) {
        if (school == null) {
            return namedGroupUnknown ? UNKNOWN_GROUP : NO_SCHOOL;
        }
        for (GroupFact mentorGroup : facts.groups().values()) {
            if (mentorGroup.kind() == GroupKind.MENTOR && mentorGroup.schoolId().equals(school) && mentorGroup.isUsable()
                    && hasMembership(mentorGroup.groupId(), actor.personId(), MembershipRole.OWNER)
                    && hasMembership(mentorGroup.groupId(), student.personId(), MembershipRole.MEMBER)) {
                return null;
            }
        }
        return FAILED;
    }

    /**
     * Mentor history (H4): a teaching group the student was a member of and that is now earlier: archived,
     * disconnected, or left (no active membership today).
     */
    private String earlierTeachingGroupFailure(GroupFact group) {
        if (group == null) {
            return groupMissing();
        }
        if (group.kind() != GroupKind.TEACHING) {
            return WRONG_KIND;
        }
        if (!wasMember(group, student.personId())) {
            return NEVER_MEMBER;
        }
        return group.isUsable() && hasMembership(group.groupId(), student.personId(), MembershipRole.MEMBER)
                ? CURRENT : null;
    }

    /**
     * An assessment given in an earlier group of the student (rules S1 to S3): one that is archived or disconnected,
     * that the student is no longer an active member of, or that the facts do not know. An assessment that names no
     * group is one still to be set, through a current group, so it is not earlier.
     */
    private boolean earlierAssessment() {
        UUID given = question.item() == null ? null : question.item().assessmentGroupId();
        if (given == null) {
            return false;
        }
        GroupFact group = facts.groups().get(given);
        return group == null || !group.isUsable() || !hasMembership(given, student.personId(), MembershipRole.MEMBER);
    }

    /** Subject history (S1): the assessment's syllabus belongs to the subject of the candidate group's syllabus. */
    private String sameSubjectFailure(GroupFact group) {
        if (group == null) {
            return groupMissing();
        }
        if (group.syllabusId() == null || group.subjectId() == null) {
            return NO_SYLLABUS;
        }
        UUID subject = question.item() == null ? null : question.item().subjectId();
        if (subject == null) {
            return UNKNOWN;
        }
        return subject.equals(group.subjectId()) ? null : OTHER_SUBJECT;
    }

    /**
     * Subject history (S1): the assessment was given at the candidate school, in a group the student was a member of,
     * and that group is earlier.
     */
    private String earlierAssessmentFailure(UUID school) {
        UUID given = question.item() == null ? null : question.item().assessmentGroupId();
        if (given == null) {
            return NO_GROUP;
        }
        GroupFact group = facts.groups().get(given);
        if (group == null) {
            return UNKNOWN_GROUP;
        }
        if (school == null || !group.schoolId().equals(school)) {
            return OTHER_SCHOOL;
        }
        if (!wasMember(group, student.personId())) {
            return NEVER_MEMBER;
        }
        return earlierAssessment() ? null : CURRENT;
    }

    /** The overview: the student holds an active STUDENT role at some school of the organisation. */
    private String studentSomewhereFailure() {
        List<RoleFact> roles = student.roles();
        for (int i = 0, n = roles.size(); i < n; i++) {
            RoleFact role = roles.get(i);
            if (role.role() == SchoolRoleKind.STUDENT && role.validity().isActiveOn(today)) {
                return null;
            }
        }
        return FAILED;
    }

    private boolean hasBegun(LocalDate from) {
        return from == null || !from.isAfter(today);
    }

    /** History (H1), group-level: one of the group's former members still holds an active STUDENT role at its school. */
    private String formerStudentFailure(GroupFact group) {
        if (group == null) {
            return groupMissing();
        }
        if (!group.archived()) {
            return NOT_ARCHIVED;
        }
        List<ArchivedGroupStudentFact> students = facts.archivedGroupStudents();
        for (int i = 0, n = students.size(); i < n; i++) {
            ArchivedGroupStudentFact former = students.get(i);
            if (former.groupId().equals(group.groupId()) && hasBegun(former.memberFrom())
                    && former.studentRole().isActiveOn(today)) {
                return null;
            }
        }
        return FAILED;
    }

    private static String usabilityFailure(GroupFact group) {
        if (!group.connected()) {
            return NOT_CONNECTED;
        }
        return group.archived() ? ARCHIVED : null;
    }

    private String memberFailure(GroupFact group, PersonFacts person) {
        if (group == null) {
            return groupMissing();
        }
        String usable = usabilityFailure(group);
        if (usable != null) {
            return usable;
        }
        return hasMembership(group.groupId(), person.personId(), MembershipRole.MEMBER) ? null : NOT_MEMBER;
    }

    private String syllabusFailure(GroupFact group) {
        if (group == null) {
            return groupMissing();
        }
        if (group.syllabusId() == null) {
            return NO_SYLLABUS;
        }
        // An assessment is seen only through a group with its own syllabus: this is also the transition
        // rule, by which a teacher at a new school sees earlier assessments of the same syllabus only.
        UUID assessed = question.item() == null ? null : question.item().syllabusId();
        return assessed == null || assessed.equals(group.syllabusId()) ? null : OTHER_SYLLABUS;
    }

    private String subjectFailure(GroupFact group, UUID school) {
        if (group == null) {
            return groupMissing();
        }
        if (group.syllabusId() == null || group.subjectId() == null) {
            return NO_SYLLABUS;
        }
        List<TeacherSubjectFact> links = facts.teacherSubjects();
        for (int i = 0, n = links.size(); i < n; i++) {
            TeacherSubjectFact link = links.get(i);
            if (link.teacherId().equals(actor.personId()) && link.schoolId().equals(school)
                    && link.subjectId().equals(group.subjectId())) {
                return null;
            }
        }
        return NOT_LINKED;
    }

    private String guardianLinkFailure() {
        // Reports the link that came closest: deactivated < outside its dates < consent withdrawn < ended at 18.
        String closest = NO_LINK;
        List<GuardianLinkFact> links = facts.guardianLinks();
        for (int i = 0, n = links.size(); i < n; i++) {
            GuardianLinkFact link = links.get(i);
            if (!link.guardianId().equals(actor.personId()) || !link.childId().equals(student.personId())) {
                continue;
            }
            if (link.isActiveOn(today, student.birthDate())) {
                return null;
            }
            String reason = !link.active() ? INACTIVE : !link.validity().isActiveOn(today) ? NOT_VALID
                    : link.consent() == GuardianLinkFact.Consent.WITHDRAWN ? CONSENT_WITHDRAWN : ADULT;
            closest = closer(closest, reason);
        }
        return closest;
    }

    /** A passed link says so when it holds only by the adult student's consent (A2). */
    private String guardianLinkPassed() {
        List<GuardianLinkFact> links = facts.guardianLinks();
        boolean byConsent = false;
        for (int i = 0, n = links.size(); i < n; i++) {
            GuardianLinkFact link = links.get(i);
            if (link.guardianId().equals(actor.personId()) && link.childId().equals(student.personId())
                    && link.isActiveOn(today, student.birthDate())) {
                if (!link.continuesByConsentOn(today, student.birthDate())) {
                    return null;
                }
                byConsent = true;
            }
        }
        return byConsent ? CONSENT : null;
    }

    private static String closer(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(String reason) {
        return switch (reason) {
            case INACTIVE -> 1;
            case NOT_VALID -> 2;
            case CONSENT_WITHDRAWN -> 3;
            case ADULT -> 4;
            default -> 0;
        };
    }

    private boolean hasMembership(UUID groupId, UUID personId, MembershipRole role) {
        List<MembershipFact> memberships = facts.memberships();
        if (!searchingEveryGroup || memberships.size() <= SCANNED_MEMBERSHIPS) {
            for (int i = 0, n = memberships.size(); i < n; i++) {
                MembershipFact membership = memberships.get(i);
                if (membership.role() == role && membership.groupId().equals(groupId)
                        && membership.personId().equals(personId) && membership.validity().isActiveOn(today)) {
                    return true;
                }
            }
            return false;
        }
        return activeGroups(personId, role).contains(groupId);
    }

    /**
     * The groups in which the person has an active membership in the role, collected on first use: a search that
     * judges every group of a busy roster asks the same few (person, role) pairs once per candidate.
     */
    private Set<UUID> activeGroups(UUID personId, MembershipRole role) {
        if (activeGroups == null) {
            activeGroups = new ArrayList<>(3);
        }
        for (int i = 0, n = activeGroups.size(); i < n; i++) {
            ActiveGroups known = activeGroups.get(i);
            if (known.role == role && known.personId.equals(personId)) {
                return known.groups;
            }
        }
        Set<UUID> groups = new HashSet<>();
        for (MembershipFact membership : facts.memberships()) {
            if (membership.role() == role && membership.personId().equals(personId) && membership.validity().isActiveOn(today)) {
                groups.add(membership.groupId());
            }
        }
        activeGroups.add(new ActiveGroups(personId, role, groups));
        return groups;
    }

    private record ActiveGroups(UUID personId, MembershipRole role, Set<UUID> groups) {
    }

    private Map<String, String> args(AccessPath path, Check check, boolean passed, String detail) {
        String detailArg = detail == null || detail.isEmpty() ? null : detail;
        return switch (check) {
            case OPERATION_ALLOWED -> Map.of("path", path.name(), "kind", question.kind().name(),
                    "operation", question.operation().name());
            case SAME_TENANT -> groupLevel ? GROUP_LEVEL_ARGS : Map.of();
            case GUARDIAN_LOGIN -> Map.of();
            case GUARDIAN_INVITED -> withDetail(Map.of(), detailArg);
            case TEACHER_LICENCE -> Map.of("licence", LicenceKind.TEACHER.name());
            case STUDENT_LICENCE -> Map.of("licence", LicenceKind.STUDENT.name());
            case STUDENT_AT_SCHOOL, ROLE_TEACHER, ROLE_MENTOR, ROLE_STUDENT, CHILD_HAS_ROLE_AT_SCHOOL ->
                    withDetail(Map.of("school", schoolName(), "group", groupName()), detailArg);
            case OWNS_TEACHING_GROUP, OWNS_MENTOR_GROUP, MEMBER_OF_LINKED_GROUP, CHILD_MEMBER_OF_GROUP ->
                    withDetail(Map.of("group", groupName(), "school", schoolName()), detailArg);
            case OWNS_NAMED_TEACHING_GROUP, OWNS_NAMED_MENTOR_GROUP, OWNS_NAMED_ARCHIVED_GROUP ->
                    withDetail(Map.of("group", groupName(), "school", schoolName()), passed ? GROUP_LEVEL : detailArg);
            case OWNS_ARCHIVED_GROUP, FORMER_STUDENT_ACTIVE, WAS_MEMBER_OF_GROUP ->
                    withDetail(Map.of("group", groupName(), "school", schoolName()), detailArg);
            case STUDENT_SOMEWHERE, ASSESSED_WORK -> Map.of();
            case MENTORS_STUDENT, EARLIER_TEACHING_GROUP ->
                    withDetail(Map.of("group", groupName(), "school", schoolName()), detailArg);
            case SYLLABUS_LINKED, SAME_SUBJECT ->
                    withDetail(Map.of("group", groupName(), "syllabus", syllabusCode()), detailArg);
            case EARLIER_PUBLISHED -> withDetail(Map.of(), detailArg);
            case EARLIER_ASSESSMENT -> withDetail(Map.of("school", schoolName()), detailArg);
            case TEACHER_SUBJECT -> withDetail(Map.of("group", groupName(), "syllabus", syllabusCode(),
                    "school", schoolName()), detailArg);
            case OWN_DATA -> Map.of("detail", OWN);
            case GUARDIAN_LINK -> withDetail(Map.of(), passed ? guardianLinkPassed() : detailArg);
            case NO_CHILD_NAMED -> NO_CHILD_ARGS;
            case PUBLISHED -> withDetail(Map.of("kind", question.kind().name()), detailArg);
            case APPLICATION_PERMISSION -> Map.of("permission",
                    ApplicationPermissions.required(question.kind(), question.operation()));
        };
    }

    private static Map<String, String> withDetail(Map<String, String> args, String detail) {
        if (detail == null) {
            return args;
        }
        String[] keysAndValues = new String[args.size() * 2 + 2];
        int i = 0;
        for (Map.Entry<String, String> entry : args.entrySet()) {
            keysAndValues[i++] = entry.getKey();
            keysAndValues[i++] = entry.getValue();
        }
        keysAndValues[i++] = "detail";
        keysAndValues[i] = detail;
        return ofPairs(keysAndValues);
    }

    private static Map<String, String> ofPairs(String[] kv) {
        return switch (kv.length) {
            case 2 -> Map.of(kv[0], kv[1]);
            case 4 -> Map.of(kv[0], kv[1], kv[2], kv[3]);
            case 6 -> Map.of(kv[0], kv[1], kv[2], kv[3], kv[4], kv[5]);
            case 8 -> Map.of(kv[0], kv[1], kv[2], kv[3], kv[4], kv[5], kv[6], kv[7]);
            default -> throw new IllegalStateException("unexpected argument count " + kv.length / 2);
        };
    }

    private String schoolName() {
        return bestSchool == null ? "" : facts.schoolName(bestSchool);
    }

    private String groupName() {
        if (bestGroup != null) {
            return bestGroup.name() != null ? bestGroup.name() : bestGroup.groupId().toString();
        }
        return namedGroupUnknown ? question.groupId().toString() : "";
    }

    private String syllabusCode() {
        if (bestGroup == null || bestGroup.syllabusId() == null) {
            return "";
        }
        return bestGroup.syllabusCode() != null ? bestGroup.syllabusCode() : bestGroup.syllabusId().toString();
    }
}
