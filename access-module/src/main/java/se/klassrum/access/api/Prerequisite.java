package se.klassrum.access.api;

/**
 * The stable codes of the prerequisites in docs/ACCESS-RULES.md. They appear in explanations and in the
 * audit log, so a code is never renamed or reused.
 */
public enum Prerequisite {
    /** The actor (and the token's tenant), the student and any group involved belong to one tenant. */
    SAME_TENANT,
    /** Teacher and mentor paths: an active teacher licence; student path: an active student licence. */
    LICENCE,
    /** The student has an active STUDENT role at the school in question. */
    STUDENT_AT_SCHOOL,
    /** The actor has an active TEACHER role at the school in question. */
    ROLE_TEACHER,
    /** The actor is an active owner of a connected, non-archived teaching group at the school, with the student as active member. */
    OWNS_TEACHING_GROUP,
    /** Assessments: that teaching group has a syllabus linked, and it is the assessment's syllabus. */
    SYLLABUS_LINKED,
    /** Assessments: the teacher is linked to the subject of that group's syllabus at the school. */
    TEACHER_SUBJECT,
    /** The actor has an active MENTOR role at the school in question. */
    ROLE_MENTOR,
    /** The actor is an active owner of a connected, non-archived mentor group at the school, with the student as active member. */
    OWNS_MENTOR_GROUP,
    /** The actor has an active STUDENT role at the school in question. */
    ROLE_STUDENT,
    /**
     * Student path: the actor is an active member of the connected, non-archived group the item is linked
     * to; for the student's personal data, the actor is the student themself.
     */
    MEMBER_OF_LINKED_GROUP,
    /** An active guardian link from the actor to the student (ends at 18 unless continued). */
    GUARDIAN_LINK,
    /** The student has an active role, of any kind, at the school in question. */
    CHILD_HAS_ROLE_AT_SCHOOL,
    /** The guardian has an active login to the guardian portal. */
    GUARDIAN_LOGIN,
    /** Guardian path, group-linked data: the student is an active member of that connected, non-archived group. */
    CHILD_MEMBER_OF_GROUP,
    /** Guardian path, development talks: the talk names the guardian among the guardians it invites. */
    GUARDIAN_INVITED,
    /** Student and guardian paths: the assessment or assignment is published, not a draft. */
    PUBLISHED,
    /** The path may do this operation on this kind of data at all (for example, no teacher reads development talks). */
    OPERATION_ALLOWED,
    /** Application path: the application holds the permission for this kind of data and operation. */
    APPLICATION_PERMISSION,
    /**
     * History path: the actor is an active owner of the named teaching group, which is connected and archived, and
     * the student was a member of it (a membership that has begun, ended or not).
     */
    OWNS_ARCHIVED_GROUP,
    /** History path, group-level: a former member of the archived group still holds an active STUDENT role at its school. */
    FORMER_STUDENT_ACTIVE,
    /** Overview paths: the student holds an active STUDENT role at some school of the organisation. */
    STUDENT_SOMEWHERE,
    /** Overview paths: the student was a member of the question's group (a membership that has begun), whatever its state. */
    WAS_MEMBER_OF_GROUP,
    /** Overview paths: the item is assessed work: a published assignment marked as assessed, with the student's own hand-in that has feedback. */
    ASSESSED_WORK,
    /** Mentor history: the actor owns a connected, non-archived mentor group at the school, with the student as active member. */
    MENTORS_STUDENT,
    /** Mentor history: the question's group is a teaching group the student was in, now archived, disconnected or left. */
    EARLIER_TEACHING_GROUP,
    /**
     * Teacher, mentor and subject history, assessments: an earlier assessment (given in a group that is archived,
     * disconnected or that the student has left) is seen only when published.
     */
    EARLIER_PUBLISHED,
    /** Subject history (S1): the assessment's syllabus belongs to the subject of the teacher's current group. */
    SAME_SUBJECT,
    /** Subject history (S1): the assessment was given in an earlier group of the student at the school. */
    EARLIER_ASSESSMENT
}
