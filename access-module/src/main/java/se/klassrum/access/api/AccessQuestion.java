package se.klassrum.access.api;

import java.util.Objects;
import java.util.UUID;

/**
 * May this actor do this operation on this kind of data about this student, or, for group content, in
 * this group?
 *
 * <p>A question is either <em>student-level</em> (it names a student) or <em>group-level</em> (its
 * {@code studentId} is null). Only posts and assignments, the content of a group as a whole
 * ({@link DataKind#groupContent()}), may be asked about at group level, and such a question names its
 * group: "may this teacher read the posts of 9A Matematik?" needs no student.
 *
 * <p>Questions the rules cannot answer meaningfully are rejected here, as programming errors, rather than
 * answered: a group-linked kind without its group, a student-level kind with a group, a group-level
 * question about a kind other than posts and assignments, an assessment without its syllabus, an item owned
 * by another student (or, in a group-level question, by any student), a talk named in a question about another kind.
 *
 * @param studentId the student asked about; null for a group-level question
 * @param groupId the group the item is linked to; required exactly when {@link DataKind#groupLinked()}
 * @param item facts about the item; required for assessments, otherwise may be null (an assignment with
 *             no item counts as unpublished; a development talk with no talk named invites no guardian)
 */
public record AccessQuestion(Actor actor,
                             UUID studentId,
                             DataKind kind,
                             Operation operation,
                             UUID groupId,
                             ItemFacts item) {

    public AccessQuestion {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operation, "operation");
        if (studentId == null && !kind.groupContent()) {
            throw new NullPointerException("studentId: only posts, assignments and talk times offered can be asked about at group level, not "
                    + kind);
        }
        if (kind.groupLinked() && groupId == null) {
            throw new IllegalArgumentException(kind + " lives in a group: name the group");
        }
        if (!kind.groupLinked() && groupId != null) {
            throw new IllegalArgumentException(kind + " is student-level data: do not name a group");
        }
        if (kind == DataKind.ASSESSMENT && (item == null || item.syllabusId() == null)) {
            throw new IllegalArgumentException("an assessment question needs the assessment's syllabus");
        }
        if (item != null && item.talkId() != null && kind != DataKind.DEVELOPMENT_TALK) {
            throw new IllegalArgumentException("only a question about a development talk names a talk, not " + kind);
        }
        if (item != null && item.assessedWork() && kind != DataKind.ASSIGNMENT && kind != DataKind.SUBMISSION) {
            throw new IllegalArgumentException("only assignments and submissions are assessed work, not " + kind);
        }
        if (item != null && (item.assessmentGroupId() != null || item.subjectId() != null) && kind != DataKind.ASSESSMENT) {
            throw new IllegalArgumentException("only an assessment names the group it was given in and its subject, not "
                    + kind);
        }
        if (item != null && item.ownerStudentId() != null) {
            if (studentId == null) {
                throw new IllegalArgumentException("the item belongs to a student: ask about that student, not the group");
            }
            if (!item.ownerStudentId().equals(studentId)) {
                throw new IllegalArgumentException("the item belongs to another student than the question's");
            }
        }
    }

    public static AccessQuestion about(Actor actor, UUID studentId, DataKind kind, Operation operation) {
        return new AccessQuestion(actor, studentId, kind, operation, null, null);
    }

    /**
     * A group-level question: the posts or assignments of a group as a whole, about no student.
     *
     * @param kind {@link DataKind#POST} or {@link DataKind#ASSIGNMENT}
     * @param groupId the group; required
     * @param item may be null; for an assignment, whether it is published (an assignment with no item counts
     *             as unpublished); it must not belong to a student
     */
    public static AccessQuestion aboutGroup(Actor actor, DataKind kind, Operation operation, UUID groupId,
                                            ItemFacts item) {
        Objects.requireNonNull(kind, "kind");
        if (!kind.groupContent()) {
            throw new IllegalArgumentException(kind + " is about a student: only posts, assignments and talk times "
                    + "offered can be asked about at group level");
        }
        Objects.requireNonNull(groupId, "groupId");
        return new AccessQuestion(actor, null, kind, operation, groupId, item);
    }

    /** True when the question names no student: the posts or assignments of its group as a whole. */
    public boolean groupLevel() {
        return studentId == null;
    }
}
