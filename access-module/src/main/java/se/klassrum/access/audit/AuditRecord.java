package se.klassrum.access.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the log keeps of one decision.
 *
 * @param tenantId the tenant whose chain takes the entry: the student's, or the caller's when the student is unknown
 * @param actorId the person id, the application's client id, or null when nobody signed in
 * @param studentId the student asked about, or null for a group-level question (the posts or assignments of
 *                  a group as a whole, named by {@code groupId})
 * @param failingCodes the prerequisite codes that failed (empty when allowed); for a list, every code that failed
 *                     for one of its students
 * @param outcomes for a list decided in one step: each student asked about, with the outcome for that student
 *                 (the record then names no student of its own and is allowed only when every student was);
 *                 empty for a single decision
 */
public record AuditRecord(String tenantId,
                          Instant occurredAt,
                          Purpose purpose,
                          ActorKind actorKind,
                          String actorId,
                          String studentId,
                          String groupId,
                          String dataKind,
                          String operation,
                          boolean allowed,
                          List<String> failingCodes,
                          String requestId,
                          List<Outcome> outcomes) {

    /**
     * Why the entry was written: the rules let a call through (or not), explained a decision to someone, or
     * an administrator changed a fact that decides access to the student (e.g. reactivated a guardian link).
     */
    public enum Purpose { ACCESS, EXPLAIN, ADMINISTRATION }

    public enum ActorKind { PERSON, APPLICATION, ANONYMOUS }

    public AuditRecord {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(dataKind, "dataKind");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(requestId, "requestId");
        failingCodes = List.copyOf(failingCodes);
        outcomes = List.copyOf(outcomes);
        if (!outcomes.isEmpty() && studentId != null) {
            throw new IllegalArgumentException("a list's record names its students in its outcomes only");
        }
    }

    /** A single decision: about one student, or group-level (no student). */
    public AuditRecord(String tenantId, Instant occurredAt, Purpose purpose, ActorKind actorKind, String actorId,
                       String studentId, String groupId, String dataKind, String operation, boolean allowed,
                       List<String> failingCodes, String requestId) {
        this(tenantId, occurredAt, purpose, actorKind, actorId, studentId, groupId, dataKind, operation, allowed,
                failingCodes, requestId, List.of());
    }

    /**
     * The outcome for one student of a list.
     *
     * @param groupId the group of the item about the student, or null
     */
    public record Outcome(String studentId, String groupId, boolean allowed, List<String> failingCodes) {
        public Outcome {
            Objects.requireNonNull(studentId, "studentId");
            failingCodes = List.copyOf(failingCodes);
        }
    }
}
