package se.klassrum.access.api;

/** The kinds of student data the rules protect. */
public enum DataKind {
    /** Name, groups and contact details of a student. */
    STUDENT_PROFILE(false),
    /** A post (inlägg) in a group. */
    POST(true),
    /** An assignment (uppgift) in a group. */
    ASSIGNMENT(true),
    /** A student's submission (inlämning) to an assignment of a group. */
    SUBMISSION(true),
    /** An assessment (omdöme): per student and per syllabus, not per group. */
    ASSESSMENT(false),
    /** A development talk (utvecklingssamtal), linked to the group it was held in, usually a mentor group. */
    DEVELOPMENT_TALK(true),
    /**
     * The times a mentor offers for development talks in a mentor group (place, length, preparation questions):
     * content of the group as a whole, like posts, and about no student.
     */
    TALK_OFFER(true),
    /**
     * A student's booking of an offered time for a development talk, with the answers to its preparation
     * questions: the student's, booked by a guardian or by the student.
     */
    TALK_BOOKING(true);

    private final boolean groupLinked;

    DataKind(boolean groupLinked) {
        this.groupLinked = groupLinked;
    }

    /**
     * Whether an item of this kind lives in a group. A question about such an item must name that group,
     * and every path must go through it; a question about any other kind must not name a group, so that
     * a group can never silently widen or narrow the rules for student-level data.
     */
    public boolean groupLinked() {
        return groupLinked;
    }

    /**
     * Whether an item of this kind is content of its group as a whole, not about one student: posts,
     * assignments and the talk times offered in a group. Only for these may a question be group-level, naming the group and no student (see
     * {@link AccessQuestion#aboutGroup}).
     */
    public boolean groupContent() {
        return this == POST || this == ASSIGNMENT || this == TALK_OFFER;
    }
}
