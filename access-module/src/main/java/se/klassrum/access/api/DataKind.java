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
    DEVELOPMENT_TALK(true);

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
     * Whether an item of this kind is content of its group as a whole, not about one student: posts and
     * assignments. Only for these may a question be group-level, naming the group and no student (see
     * {@link AccessQuestion#aboutGroup}).
     */
    public boolean groupContent() {
        return this == POST || this == ASSIGNMENT;
    }
}
