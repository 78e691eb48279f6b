package se.klassrum.access.api;

import java.util.Objects;
import java.util.UUID;

/** The teacher is linked to the subject at the school. */
public record TeacherSubjectFact(UUID teacherId, UUID schoolId, UUID subjectId) {
    public TeacherSubjectFact {
        Objects.requireNonNull(teacherId, "teacherId");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
