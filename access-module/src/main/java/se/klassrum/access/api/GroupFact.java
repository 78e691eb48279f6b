package se.klassrum.access.api;

import java.util.Objects;
import java.util.UUID;

/**
 * A group as the rules see it. A group belongs to exactly one school.
 *
 * @param name shown in explanations; may be null
 * @param connected the Microsoft group is connected in the platform
 * @param syllabusId the linked syllabus (kursplan) of a teaching group, or null
 * @param syllabusCode the course code of that syllabus (for example MATMAT01c), shown in explanations; may be null
 * @param subjectId the subject of that syllabus, or null
 */
public record GroupFact(UUID groupId,
                        UUID tenantId,
                        UUID schoolId,
                        String name,
                        GroupKind kind,
                        boolean connected,
                        boolean archived,
                        UUID syllabusId,
                        String syllabusCode,
                        UUID subjectId) {
    public GroupFact {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(kind, "kind");
    }

    /** Only a connected group that is not archived gives anyone access. */
    public boolean isUsable() {
        return connected && !archived;
    }
}
