package se.klassrum.access.api;

import java.util.UUID;

/**
 * What the rules need to know about the item asked for.
 *
 * @param syllabusId the assessment's syllabus; required for assessments, ignored otherwise
 * @param published the assessment or assignment is published (not a draft)
 * @param ownerStudentId the student the item belongs to, when it belongs to one; must then be the
 *                       question's student, which catches a caller asking about the wrong student
 * @param talkId the development talk asked about, when the question is about one talk; the facts the guard
 *               loads then hold the guardians that talk invites. Only for development talks
 * @param assessedWork the item is the student's assessed work (rules H2, H3): a published assignment marked as
 *                     assessed, with the student's own hand-in that has feedback. Only for assignments and submissions
 * @param assessmentGroupId the group an assessment was given in; the facts the guard loads then hold that group, so
 *                          the rules know whether the assessment is an earlier one (rules S1 to S3). Null for an
 *                          assessment still to be set, which is set through a current group. Only for assessments
 * @param subjectId the subject of the assessment's syllabus (rule S1), or null when not known. Only for assessments
 */
public record ItemFacts(UUID syllabusId, boolean published, UUID ownerStudentId, UUID talkId, boolean assessedWork,
                        UUID assessmentGroupId, UUID subjectId) {

    public ItemFacts(UUID syllabusId, boolean published, UUID ownerStudentId, UUID talkId, boolean assessedWork) {
        this(syllabusId, published, ownerStudentId, talkId, assessedWork, null, null);
    }

    public ItemFacts(UUID syllabusId, boolean published, UUID ownerStudentId, UUID talkId) {
        this(syllabusId, published, ownerStudentId, talkId, false);
    }

    public ItemFacts(UUID syllabusId, boolean published, UUID ownerStudentId) {
        this(syllabusId, published, ownerStudentId, null, false);
    }

    /** An assessment still to be set (a teacher sets it through a current group), or one whose group is not named. */
    public static ItemFacts assessment(UUID syllabusId, boolean published) {
        return new ItemFacts(syllabusId, published, null);
    }

    /**
     * An assessment that exists: its syllabus, that syllabus's subject and the group it was given in. Whether it is an
     * earlier assessment (its group archived, disconnected or left by the student) the rules read from the facts.
     */
    public static ItemFacts assessment(UUID syllabusId, UUID subjectId, UUID groupId, boolean published) {
        return new ItemFacts(syllabusId, published, null, null, false,
                java.util.Objects.requireNonNull(groupId, "groupId"), subjectId);
    }

    public static ItemFacts publication(boolean published) {
        return new ItemFacts(null, published, null);
    }

    /** One development talk: a guardian reads it only when the talk names them among its invited guardians. */
    public static ItemFacts talk(UUID talkId) {
        return new ItemFacts(null, false, null, java.util.Objects.requireNonNull(talkId, "talkId"));
    }

    /**
     * The student's assessed work (the development overview, rules H2 and H3): a published assignment marked as
     * assessed, or the student's own hand-in to one, with feedback.
     */
    public static ItemFacts assessedWork(UUID studentId) {
        return new ItemFacts(null, true, java.util.Objects.requireNonNull(studentId, "studentId"), null, true);
    }
}
