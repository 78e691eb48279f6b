package se.klassrum.access.api;

/** The ways in which an actor can be entitled to a student's data; each has its own prerequisites. */
public enum AccessPath {
    TEACHER,
    MENTOR,
    STUDENT,
    GUARDIAN,
    /**
     * Read-only history through an archived teaching group, for a teacher who still owns it (rule H1): its posts and
     * assignments, and the hand-ins and feedback of its former students who still study at the school.
     */
    HISTORY,
    /**
     * The student's own development overview (utvecklingsöversikt, rules H2 and S4): assessed work from groups the
     * student was a member of, archived, disconnected or left included, while the student studies somewhere.
     */
    OVERVIEW,
    /** The development overview of a guardian's child (rule H3), under the guardian rules. */
    GUARDIAN_OVERVIEW,
    /**
     * The active mentor's view of the student's earlier assessed work (rule H4): from the student's earlier teaching
     * groups at the school of the mentor's current mentor group.
     */
    MENTOR_HISTORY,
    /**
     * Earlier assessments follow the subject (rule S1): a teacher linked to a subject at the school, who owns a current
     * teaching group of that subject with the student, reads the student's earlier published assessments in the
     * subject, any of its syllabi, from the student's earlier groups at that school.
     */
    SUBJECT_HISTORY,
    /** An integration acting without a person, on tenant-scoped application permissions. */
    APPLICATION
}
