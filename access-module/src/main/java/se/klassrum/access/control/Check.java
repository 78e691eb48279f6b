package se.klassrum.access.control;

import se.klassrum.access.api.Prerequisite;

/**
 * The engine's unit of judgement, finer than a {@link Prerequisite} where one code covers two facts
 * (LICENCE: teacher or student licence; MEMBER_OF_LINKED_GROUP: the student's own data, or membership
 * of the linked group) or where a group-level question (no student) asks less of a code
 * (OWNS_TEACHING_GROUP and OWNS_MENTOR_GROUP without a student to be a member; GUARDIAN_LINK with no child).
 */
enum Check {
    OPERATION_ALLOWED(Prerequisite.OPERATION_ALLOWED, false),
    SAME_TENANT(Prerequisite.SAME_TENANT, true),
    TEACHER_LICENCE(Prerequisite.LICENCE, false),
    STUDENT_LICENCE(Prerequisite.LICENCE, false),
    STUDENT_AT_SCHOOL(Prerequisite.STUDENT_AT_SCHOOL, true),
    ROLE_TEACHER(Prerequisite.ROLE_TEACHER, true),
    OWNS_TEACHING_GROUP(Prerequisite.OWNS_TEACHING_GROUP, true),
    /** Group-level: the actor owns the named connected, non-archived teaching group; no student condition. */
    OWNS_NAMED_TEACHING_GROUP(Prerequisite.OWNS_TEACHING_GROUP, true),
    SYLLABUS_LINKED(Prerequisite.SYLLABUS_LINKED, true),
    TEACHER_SUBJECT(Prerequisite.TEACHER_SUBJECT, true),
    ROLE_MENTOR(Prerequisite.ROLE_MENTOR, true),
    OWNS_MENTOR_GROUP(Prerequisite.OWNS_MENTOR_GROUP, true),
    /** Group-level: the actor owns the named connected, non-archived mentor group; no student condition. */
    OWNS_NAMED_MENTOR_GROUP(Prerequisite.OWNS_MENTOR_GROUP, true),
    ROLE_STUDENT(Prerequisite.ROLE_STUDENT, true),
    OWN_DATA(Prerequisite.MEMBER_OF_LINKED_GROUP, false),
    MEMBER_OF_LINKED_GROUP(Prerequisite.MEMBER_OF_LINKED_GROUP, true),
    GUARDIAN_LINK(Prerequisite.GUARDIAN_LINK, false),
    /** Group-level: a guardian always asks about a child, and this question names none, so it always fails. */
    NO_CHILD_NAMED(Prerequisite.GUARDIAN_LINK, false),
    GUARDIAN_LOGIN(Prerequisite.GUARDIAN_LOGIN, false),
    CHILD_HAS_ROLE_AT_SCHOOL(Prerequisite.CHILD_HAS_ROLE_AT_SCHOOL, true),
    CHILD_MEMBER_OF_GROUP(Prerequisite.CHILD_MEMBER_OF_GROUP, true),
    /** Development talks: the talk asked about names the guardian among those it invites. */
    GUARDIAN_INVITED(Prerequisite.GUARDIAN_INVITED, false),
    PUBLISHED(Prerequisite.PUBLISHED, false),
    APPLICATION_PERMISSION(Prerequisite.APPLICATION_PERMISSION, false),
    /** History: the actor owns the named archived (connected) teaching group, and the student was a member of it. */
    OWNS_ARCHIVED_GROUP(Prerequisite.OWNS_ARCHIVED_GROUP, true),
    /** History, group-level: the actor owns the named archived (connected) teaching group; no student condition. */
    OWNS_NAMED_ARCHIVED_GROUP(Prerequisite.OWNS_ARCHIVED_GROUP, true),
    /** History, group-level: some former member of the named group still holds an active STUDENT role at its school. */
    FORMER_STUDENT_ACTIVE(Prerequisite.FORMER_STUDENT_ACTIVE, true),
    /** Overview: the student holds an active STUDENT role at any school; the same for every candidate. */
    STUDENT_SOMEWHERE(Prerequisite.STUDENT_SOMEWHERE, false),
    /** Overview: the student was a member of the question's group, whatever its state and the membership's end. */
    WAS_MEMBER_OF_GROUP(Prerequisite.WAS_MEMBER_OF_GROUP, true),
    /** Overview: the item is the student's assessed work. */
    ASSESSED_WORK(Prerequisite.ASSESSED_WORK, false),
    /** Mentor history: the actor is the student's active mentor at the candidate school. */
    MENTORS_STUDENT(Prerequisite.MENTORS_STUDENT, true),
    /** Mentor history: the question's group is an earlier teaching group of the student. */
    EARLIER_TEACHING_GROUP(Prerequisite.EARLIER_TEACHING_GROUP, true),
    /** Assessments: one given in an earlier group of the student is seen by teachers and mentors only when published. */
    EARLIER_PUBLISHED(Prerequisite.EARLIER_PUBLISHED, false),
    /** Subject history (S1): the assessment's syllabus belongs to the subject of the candidate group's syllabus. */
    SAME_SUBJECT(Prerequisite.SAME_SUBJECT, true),
    /** Subject history (S1): the assessment's group is an earlier group of the student at the candidate school. */
    EARLIER_ASSESSMENT(Prerequisite.EARLIER_ASSESSMENT, true);

    final Prerequisite code;
    /** Depends on the candidate school or group, so it is judged once per candidate rather than once per path. */
    final boolean perCandidate;

    Check(Prerequisite code, boolean perCandidate) {
        this.code = code;
        this.perCandidate = perCandidate;
    }
}
