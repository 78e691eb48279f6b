package se.klassrum.access.control;

import static se.klassrum.access.control.Check.*;

import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Operation;

/**
 * Which checks each path needs for each kind of data, and which operations a path may attempt at all
 * (the table "What each path may see" of docs/ACCESS-RULES.md). Check lists are built once, so that a
 * decision allocates none. A group-level question (posts or assignments of a group, no student) has lists
 * of its own, without the checks that concern the student.
 */
final class PathRules {

    private static final int KINDS = DataKind.values().length;
    private static final Check[][] TEACHER = new Check[KINDS][];
    private static final Check[][] MENTOR = new Check[KINDS][];
    /** Indexed by kind, then by whether the student in question has a protected identity. */
    private static final Check[][][] STUDENT = new Check[KINDS][2][];
    private static final Check[][] GUARDIAN = new Check[KINDS][];
    private static final Check[] APPLICATION = {SAME_TENANT, APPLICATION_PERMISSION};
    /** The student's own development overview (H2, S4); tried for {@link #inOverview} kinds, at student level only. */
    private static final Check[] OVERVIEW = {OPERATION_ALLOWED, SAME_TENANT, STUDENT_LICENCE, STUDENT_SOMEWHERE, OWN_DATA,
        WAS_MEMBER_OF_GROUP, ASSESSED_WORK};
    /** A guardian's view of the child's development overview (H3). */
    private static final Check[] GUARDIAN_OVERVIEW = {OPERATION_ALLOWED, SAME_TENANT, GUARDIAN_LINK, GUARDIAN_LOGIN,
        STUDENT_SOMEWHERE, WAS_MEMBER_OF_GROUP, ASSESSED_WORK};
    /** The active mentor's view of earlier assessed work at the school (H4); tried where the overview is. */
    private static final Check[] MENTOR_HISTORY = {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_MENTOR,
        STUDENT_AT_SCHOOL, MENTORS_STUDENT, EARLIER_TEACHING_GROUP, ASSESSED_WORK};
    /** Read-only history through an archived teaching group (rule H1); tried only for {@link #keptInHistory} kinds. */
    private static final Check[] HISTORY = {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_TEACHER, STUDENT_AT_SCHOOL,
        OWNS_ARCHIVED_GROUP};

    /**
     * Earlier assessments in the subject of a current group the teacher owns with the student (rule S1); tried for
     * assessments only.
     */
    private static final Check[] SUBJECT_HISTORY = {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_TEACHER,
        STUDENT_AT_SCHOOL, OWNS_TEACHING_GROUP, TEACHER_SUBJECT, SAME_SUBJECT, EARLIER_ASSESSMENT, EARLIER_PUBLISHED};

    // Group-level questions: only posts and assignments, always naming their group.
    private static final Check[] TEACHER_GROUP_LEVEL = {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_TEACHER,
        OWNS_NAMED_TEACHING_GROUP};
    private static final Check[] MENTOR_GROUP_LEVEL = {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_MENTOR,
        OWNS_NAMED_MENTOR_GROUP};
    private static final Check[][] STUDENT_GROUP_LEVEL = new Check[KINDS][];
    /** A guardian always asks about a child; the path is reported, and fails, so that the explanation says so. */
    private static final Check[] GUARDIAN_GROUP_LEVEL = {OPERATION_ALLOWED, SAME_TENANT, NO_CHILD_NAMED, GUARDIAN_LOGIN};
    /** The archived group's own content is read while one of its former students still studies at the school. */
    private static final Check[] HISTORY_GROUP_LEVEL = {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_TEACHER,
        OWNS_NAMED_ARCHIVED_GROUP, FORMER_STUDENT_ACTIVE};

    static {
        for (DataKind kind : DataKind.values()) {
            int k = kind.ordinal();
            TEACHER[k] = kind == DataKind.ASSESSMENT
                    ? new Check[] {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_TEACHER, STUDENT_AT_SCHOOL,
                            OWNS_TEACHING_GROUP, SYLLABUS_LINKED, TEACHER_SUBJECT, EARLIER_PUBLISHED}
                    : new Check[] {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_TEACHER, STUDENT_AT_SCHOOL,
                            OWNS_TEACHING_GROUP};
            // Teachers and mentors see earlier assessments only when published (rules S2, S3).
            MENTOR[k] = kind == DataKind.ASSESSMENT
                    ? new Check[] {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_MENTOR, STUDENT_AT_SCHOOL,
                            OWNS_MENTOR_GROUP, EARLIER_PUBLISHED}
                    : new Check[] {OPERATION_ALLOWED, SAME_TENANT, TEACHER_LICENCE, ROLE_MENTOR, STUDENT_AT_SCHOOL,
                            OWNS_MENTOR_GROUP};
            for (int protectedIdentity = 0; protectedIdentity < 2; protectedIdentity++) {
                STUDENT[k][protectedIdentity] = studentChecks(kind, protectedIdentity == 1);
            }
            GUARDIAN[k] = guardianChecks(kind);
            if (kind.groupContent()) {
                STUDENT_GROUP_LEVEL[k] = hasDrafts(kind)
                        ? new Check[] {OPERATION_ALLOWED, SAME_TENANT, STUDENT_LICENCE, ROLE_STUDENT, MEMBER_OF_LINKED_GROUP,
                                PUBLISHED}
                        : new Check[] {OPERATION_ALLOWED, SAME_TENANT, STUDENT_LICENCE, ROLE_STUDENT, MEMBER_OF_LINKED_GROUP};
            }
        }
    }

    private PathRules() {
    }

    private static Check[] studentChecks(DataKind kind, boolean protectedIdentity) {
        Check[] checks = new Check[8];
        int n = 0;
        checks[n++] = OPERATION_ALLOWED;
        checks[n++] = SAME_TENANT;
        checks[n++] = STUDENT_LICENCE;
        checks[n++] = ROLE_STUDENT;
        checks[n++] = STUDENT_AT_SCHOOL;
        // A protected student's group items are hidden from classmates too (ACCESS-RULES, protected identity).
        if (isPersonal(kind) || protectedIdentity) {
            checks[n++] = OWN_DATA;
        }
        if (kind.groupLinked()) {
            checks[n++] = MEMBER_OF_LINKED_GROUP;
        }
        if (hasDrafts(kind)) {
            checks[n++] = PUBLISHED;
        }
        return java.util.Arrays.copyOf(checks, n);
    }

    private static Check[] guardianChecks(DataKind kind) {
        Check[] checks = new Check[8];
        int n = 0;
        checks[n++] = OPERATION_ALLOWED;
        checks[n++] = SAME_TENANT;
        checks[n++] = GUARDIAN_LINK;
        checks[n++] = GUARDIAN_LOGIN;
        checks[n++] = CHILD_HAS_ROLE_AT_SCHOOL;
        if (kind.groupLinked()) {
            checks[n++] = CHILD_MEMBER_OF_GROUP;
        }
        // A talk is the child's, the mentor's and the invited guardians' business (ACCESS-RULES, choice 16).
        if (kind == DataKind.DEVELOPMENT_TALK) {
            checks[n++] = GUARDIAN_INVITED;
        }
        if (hasDrafts(kind)) {
            checks[n++] = PUBLISHED;
        }
        return java.util.Arrays.copyOf(checks, n);
    }

    /** Data that is the student's own: a student sees it only about themself. */
    static boolean isPersonal(DataKind kind) {
        return kind == DataKind.STUDENT_PROFILE || kind == DataKind.SUBMISSION
                || kind == DataKind.ASSESSMENT || kind == DataKind.DEVELOPMENT_TALK || kind == DataKind.TALK_BOOKING;
    }

    /**
     * What an archived group keeps as read-only history for its owners (rule H1): its posts and assignments, and its
     * students' hand-ins with their feedback. The history path is tried for these kinds only.
     */
    static boolean keptInHistory(DataKind kind) {
        return kind == DataKind.POST || kind == DataKind.ASSIGNMENT || kind == DataKind.SUBMISSION;
    }

    /**
     * What the development overview holds as assessed work (rules H2, H3): assignments and the student's hand-ins.
     * The overview paths are tried for these kinds, at student level only; its published assessments come through
     * the student and guardian paths, which already reach them at any school where the student studies.
     */
    static boolean inOverview(DataKind kind) {
        return kind == DataKind.ASSIGNMENT || kind == DataKind.SUBMISSION;
    }

    /** Kinds with drafts, which students and guardians never see. */
    static boolean hasDrafts(DataKind kind) {
        return kind == DataKind.ASSESSMENT || kind == DataKind.ASSIGNMENT;
    }

    /**
     * @param studentProtected the student in question has a protected identity (false when there is none)
     * @param groupLevel the question names no student, only its group (posts and assignments only)
     */
    static Check[] checks(AccessPath path, DataKind kind, boolean studentProtected, boolean groupLevel) {
        if (groupLevel) {
            return switch (path) {
                case TEACHER -> TEACHER_GROUP_LEVEL;
                case MENTOR -> MENTOR_GROUP_LEVEL;
                case STUDENT -> STUDENT_GROUP_LEVEL[kind.ordinal()];
                case GUARDIAN -> GUARDIAN_GROUP_LEVEL;
                case HISTORY -> HISTORY_GROUP_LEVEL;
                case OVERVIEW, GUARDIAN_OVERVIEW, MENTOR_HISTORY -> throw new IllegalArgumentException(
                        "the development overview is about one student, never a group as a whole");
                case SUBJECT_HISTORY -> throw new IllegalArgumentException(
                        "assessments are about one student, never a group as a whole");
                case APPLICATION -> APPLICATION;
            };
        }
        return switch (path) {
            case TEACHER -> TEACHER[kind.ordinal()];
            case MENTOR -> MENTOR[kind.ordinal()];
            case STUDENT -> STUDENT[kind.ordinal()][studentProtected ? 1 : 0];
            case GUARDIAN -> GUARDIAN[kind.ordinal()];
            case HISTORY -> HISTORY;
            case OVERVIEW -> OVERVIEW;
            case GUARDIAN_OVERVIEW -> GUARDIAN_OVERVIEW;
            case MENTOR_HISTORY -> MENTOR_HISTORY;
            case SUBJECT_HISTORY -> SUBJECT_HISTORY;
            case APPLICATION -> APPLICATION;
        };
    }

    /** Whether the path may attempt the operation on the kind at all; the application path is governed by its permissions instead. */
    static boolean allows(AccessPath path, DataKind kind, Operation operation) {
        boolean read = operation == Operation.READ;
        return switch (path) {
            case TEACHER -> !isTalk(kind) && (read || kind != DataKind.STUDENT_PROFILE);
            case MENTOR -> read || (kind != DataKind.STUDENT_PROFILE && kind != DataKind.ASSESSMENT);
            // A talk is booked by the student's guardians, or by the student (ACCESS-RULES, choice 17).
            case STUDENT -> read || kind == DataKind.SUBMISSION || kind == DataKind.TALK_BOOKING;
            case GUARDIAN -> read || kind == DataKind.TALK_BOOKING;
            case HISTORY -> read && keptInHistory(kind);
            case OVERVIEW, GUARDIAN_OVERVIEW, MENTOR_HISTORY -> read && inOverview(kind);
            case SUBJECT_HISTORY -> read && kind == DataKind.ASSESSMENT;
            case APPLICATION -> true;
        };
    }

    /** Development talks, the times offered for them and their bookings: the mentor's business, never a teacher's. */
    static boolean isTalk(DataKind kind) {
        return kind == DataKind.DEVELOPMENT_TALK || kind == DataKind.TALK_OFFER || kind == DataKind.TALK_BOOKING;
    }

    /** Whether the path looks for its school and group among all groups of the snapshot, when the question names none. */
    static boolean searchesGroups(AccessPath path) {
        return path == AccessPath.TEACHER || path == AccessPath.MENTOR || path == AccessPath.SUBJECT_HISTORY;
    }
}
