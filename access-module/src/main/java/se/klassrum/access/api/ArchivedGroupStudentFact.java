package se.klassrum.access.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A MEMBER of an archived group the question names, with a STUDENT role at that group's school: what the history
 * path needs to know whether the group's content still concerns a student of the school (rule H1).
 *
 * @param memberFrom the first day of the membership (whatever its end); null when it has no start
 * @param studentRole the validity of the person's STUDENT role at the group's school
 */
public record ArchivedGroupStudentFact(UUID groupId, UUID studentId, LocalDate memberFrom, Validity studentRole) {
    public ArchivedGroupStudentFact {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(studentRole, "studentRole");
    }
}
