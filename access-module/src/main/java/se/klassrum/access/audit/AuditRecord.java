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
 * @param failingCodes the prerequisite codes that failed (empty when allowed)
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
                          String requestId) {

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
    }
}
