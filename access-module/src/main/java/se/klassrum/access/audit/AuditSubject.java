package se.klassrum.access.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One student of a list's audit entry, with the outcome for that student. Written with its entry and covered
 * by the entry's hash, in the order the list named them.
 */
@Embeddable
public class AuditSubject {

    @Column(name = "student_id", nullable = false, updatable = false)
    private String studentId;

    @Column(name = "group_id", updatable = false)
    private String groupId;

    @Column(nullable = false, updatable = false)
    private String decision;

    @Column(name = "failing_codes", nullable = false, updatable = false)
    private String failingCodes;

    /** For JPA only. */
    protected AuditSubject() {
    }

    AuditSubject(AuditRecord.Outcome outcome) {
        this.studentId = outcome.studentId();
        this.groupId = outcome.groupId();
        this.decision = outcome.allowed() ? "ALLOW" : "DENY";
        this.failingCodes = String.join(",", outcome.failingCodes());
    }

    String canonicalForm() {
        return String.join("\u001E", studentId, groupId == null ? "" : groupId, decision, failingCodes);
    }

    public String studentId() { return studentId; }
    public String groupId() { return groupId; }
    public String decision() { return decision; }
    public String failingCodes() { return failingCodes; }
}
