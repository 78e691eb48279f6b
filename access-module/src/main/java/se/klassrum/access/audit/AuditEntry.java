package se.klassrum.access.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One decision in a tenant's chain: about one student, group-level, or a whole list decided in one step (then
 * its {@link #subjects} name each student and the outcome for them, in the entry's own row). Immutable once written:
 * {@link #hash} covers every other field, the subjects and the previous entry's hash, keyed with the installation's
 * audit key ({@link HashChain}), so changing, removing or reordering any row breaks the chain from there on.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    /**
     * The chain within the tenant that the entry belongs to: the name of the audit writer that appended it, '' for the
     * tenant's first chain (migration V51). Covered by the hash when not ''.
     */
    @Column(nullable = false, updatable = false)
    private String chain;

    /** Its place in its chain, from 1. */
    @Column(nullable = false, updatable = false)
    private long seq;

    /**
     * Its place among the tenant's entries of every chain, as the database numbered them when they were appended; the
     * order the log is read in. Not covered by the hash: within a chain, {@link #seq} is the order that counts.
     */
    @Column(insertable = false, updatable = false)
    private long position;

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

    /** How {@link #hash} was computed: {@link HashChain#HMAC_SHA256}, or {@link HashChain#SHA256} without a key. */
    @Column(name = "hash_alg", nullable = false, updatable = false)
    private String hashAlg;

    /**
     * A list's subjects as the hash covers them ({@link AuditSubject#stored}): one column of the entry's row, so that a
     * list of 30 students is one row to append, not 31 (migration V49); null for an entry without subjects.
     */
    @Column(name = "subjects", updatable = false)
    private String subjects;

    /** {@link #subjects} read, once asked for. */
    @Transient
    private List<AuditSubject> parsedSubjects;

    /** For JPA only. */
    protected AuditEntry() {
    }

    /** Appends a record to the tenant's first chain (''), whose last entry had {@code seq - 1} and {@code prevHash}. */
    AuditEntry(AuditRecord record, long seq, String prevHash, HashChain.Key key) {
        this(record, "", seq, prevHash, key);
    }

    /** Appends a record to the tenant's chain {@code chain}, whose last entry had {@code seq - 1} and {@code prevHash}. */
    AuditEntry(AuditRecord record, String chain, long seq, String prevHash, HashChain.Key key) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = record.tenantId();
        this.chain = chain;
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
        this.subjects = AuditSubject.stored(record.outcomes().stream().map(AuditSubject::new).toList());
        this.hashAlg = key.algorithm();
        this.hash = key.hash(this);
    }

    /** This list entry as it concerns one of its students: that student's outcome, for a per-student extract. */
    AuditEntry concerning(AuditSubject subject) {
        AuditEntry view = new AuditEntry();
        view.id = id;
        view.tenantId = tenantId;
        view.chain = chain;
        view.seq = seq;
        view.position = position;
        view.occurredAt = occurredAt;
        view.purpose = purpose;
        view.actorKind = actorKind;
        view.actorId = actorId;
        view.studentId = subject.studentId();
        view.groupId = subject.groupId() != null ? subject.groupId() : groupId;
        view.dataKind = dataKind;
        view.operation = operation;
        view.decision = subject.decision();
        view.failingCodes = subject.failingCodes();
        view.requestId = requestId;
        view.prevHash = prevHash;
        view.hash = hash;
        view.hashAlg = hashAlg;
        view.subjects = null;
        return view;
    }

    /**
     * The fields the hash covers, in a fixed order; nulls as empty text. A list's subjects follow in their
     * order; an entry without subjects has the same form as before lists were audited in one entry, and one of the
     * tenant's first chain ('') the same as before a tenant had more than one.
     */
    String canonicalForm() {
        String single = String.join("\u001F",
                chain.isEmpty() ? tenantId : tenantId + "@" + chain, Long.toString(seq), occurredAt.toInstant().toString(), purpose, actorKind,
                nullToEmpty(actorId), nullToEmpty(studentId), nullToEmpty(groupId), dataKind, operation, decision,
                failingCodes, requestId, prevHash);
        return subjects == null ? single : single + "\u001F" + subjects;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    public String tenantId() { return tenantId; }
    public String chain() { return chain; }
    public long seq() { return seq; }
    public long position() { return position; }
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
    public String hashAlg() { return hashAlg; }
    public String id() { return id; }

    /** A list's students with the outcome for each, in the list's order; none for any other entry. */
    public List<AuditSubject> subjects() {
        if (parsedSubjects == null) {
            parsedSubjects = AuditSubject.parse(subjects);
        }
        return parsedSubjects;
    }

    /** The subjects as the row stores them, or null. */
    String storedSubjects() { return subjects; }
}
