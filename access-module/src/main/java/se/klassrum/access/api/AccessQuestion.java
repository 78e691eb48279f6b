package se.klassrum.access.api;

import java.util.Objects;
import java.util.UUID;

/**
 * May this actor do this operation on this kind of data about this student?
 *
 * <p>Questions the rules cannot answer meaningfully are rejected here, as programming errors, rather than
 * answered: a group-linked kind without its group, a student-level kind with a group, an assessment
 * without its syllabus, an item owned by another student.
 *
 * @param groupId the group the item is linked to; required exactly when {@link DataKind#groupLinked()}
 * @param item facts about the item; required for assessments, otherwise may be null (an assignment with
 *             no item counts as unpublished)
 */
public record AccessQuestion(Actor actor,
                             UUID studentId,
                             DataKind kind,
                             Operation operation,
                             UUID groupId,
                             ItemFacts item) {

    public AccessQuestion {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operation, "operation");
        if (kind.groupLinked() && groupId == null) {
            throw new IllegalArgumentException(kind + " lives in a group: name the group");
        }
        if (!kind.groupLinked() && groupId != null) {
            throw new IllegalArgumentException(kind + " is student-level data: do not name a group");
        }
        if (kind == DataKind.ASSESSMENT && (item == null || item.syllabusId() == null)) {
            throw new IllegalArgumentException("an assessment question needs the assessment's syllabus");
        }
        if (item != null && item.ownerStudentId() != null && !item.ownerStudentId().equals(studentId)) {
            throw new IllegalArgumentException("the item belongs to another student than the question's");
        }
    }

    public static AccessQuestion about(Actor actor, UUID studentId, DataKind kind, Operation operation) {
        return new AccessQuestion(actor, studentId, kind, operation, null, null);
    }
}
