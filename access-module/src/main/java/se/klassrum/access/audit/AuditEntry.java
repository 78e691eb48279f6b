package se.klassrum.access.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One decision in a tenant's chain. Immutable once written: {@link #hash} covers every other field and the
 * previous entry's hash, so changing or removing any row breaks the chain from there on.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false)
    private String purpose;

    @Column(name = "actor_kind", nullable = false, updatable = false)
    private String actorKind;

    @Column(name = "actor_id", updatable = false)
    private String actorId;

    /** Null for a group-level question (V5 made the column nullable). */
    @Column(name = "student_id", updatable = false)
    private String studentId;

    @Column(name = "group_id", updatable = false)
    private String groupId;

    @Column(name = "data_kind", nullable = false, updatable = false)
    private String dataKind;

    @Column(nullable = false, updatable = false)
    private String operation;

    @Column(nullable = false, updatable = false)
    private String decision;

    @Column(name = "failing_codes", nullable = false, updatable = false)
    private String failingCodes;

    @Column(name = "request_id", nullable = false, updatable = false)
    private String requestId;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    /** For JPA only. */
    protected AuditEntry() {
    }

    /** Appends a record to a chain whose last entry had {@code seq - 1} and {@code prevHash}. */
    AuditEntry(AuditRecord record, long seq, String prevHash) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = record.tenantId();
        this.seq = seq;
        // Truncated to what PostgreSQL stores, so that the hash recomputed from the row matches.
        this.occurredAt = record.occurredAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        this.purpose = record.purpose().name();
        this.actorKind = record.actorKind().name();
        this.actorId = record.actorId();
        this.studentId = record.studentId();
        this.groupId = record.groupId();
        this.dataKind = record.dataKind();
        this.operation = record.operation();
        this.decision = record.allowed() ? "ALLOW" : "DENY";
        this.failingCodes = String.join(",", record.failingCodes());
        this.requestId = record.requestId();
        this.prevHash = prevHash;
        this.hash = HashChain.hash(this);
    }

    /** The fields the hash covers, in a fixed order; nulls as empty text. */
    String canonicalForm() {
        return String.join("\u001F",
                tenantId, Long.toString(seq), occurredAt.toInstant().toString(), purpose, actorKind,
                nullToEmpty(actorId), nullToEmpty(studentId), nullToEmpty(groupId), dataKind, operation, decision,
                failingCodes, requestId, prevHash);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    public String tenantId() { return tenantId; }
    public long seq() { return seq; }
    public OffsetDateTime occurredAt() { return occurredAt; }
    public String purpose() { return purpose; }
    public String actorKind() { return actorKind; }
    public String actorId() { return actorId; }
    public String studentId() { return studentId; }
    public String groupId() { return groupId; }
    public String dataKind() { return dataKind; }
    public String operation() { return operation; }
    public String decision() { return decision; }
    public String failingCodes() { return failingCodes; }
    public String requestId() { return requestId; }
    public String prevHash() { return prevHash; }
    public String hash() { return hash; }
}
