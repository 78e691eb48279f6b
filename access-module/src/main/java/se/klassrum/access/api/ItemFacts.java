package se.klassrum.access.api;

import java.util.UUID;

/**
 * What the rules need to know about the item asked for.
 *
 * @param syllabusId the assessment's syllabus; required for assessments, ignored otherwise
 * @param published the assessment or assignment is published (not a draft)
 * @param ownerStudentId the student the item belongs to, when it belongs to one; must then be the
 *                       question's student, which catches a caller asking about the wrong student
 */
public record ItemFacts(UUID syllabusId, boolean published, UUID ownerStudentId) {

    public static ItemFacts assessment(UUID syllabusId, boolean published) {
        return new ItemFacts(syllabusId, published, null);
    }

    public static ItemFacts publication(boolean published) {
        return new ItemFacts(null, published, null);
    }
}
