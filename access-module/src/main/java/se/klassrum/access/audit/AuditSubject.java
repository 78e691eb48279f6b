package se.klassrum.access.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * One student of a list's audit entry, with the outcome for that student. Written with its entry, in the order the
 * list named them, as part of the entry's own row ({@code audit_entry.subjects}, migration V49): the subjects' canonical
 * forms, which the entry's hash covers, are what is stored, so that the row holds exactly what was hashed.
 */
public final class AuditSubject {

    /** Between the fields of one subject. */
    static final char FIELD = '\u001E';
    /** Between the subjects of one entry. */
    static final char SUBJECT = '\u001D';

    private final String studentId;
    private final String groupId;
    private final String decision;
    private final String failingCodes;

    AuditSubject(AuditRecord.Outcome outcome) {
        this(outcome.studentId(), outcome.groupId(), outcome.allowed() ? "ALLOW" : "DENY",
                String.join(",", outcome.failingCodes()));
    }

    private AuditSubject(String studentId, String groupId, String decision, String failingCodes) {
        for (String field : new String[] {studentId, groupId, decision, failingCodes}) {
            if (field != null && (field.indexOf(FIELD) >= 0 || field.indexOf(SUBJECT) >= 0)) {
                throw new IllegalArgumentException("an audit subject's field holds a separator: " + field);
            }
        }
        this.studentId = studentId;
        this.groupId = groupId;
        this.decision = decision;
        this.failingCodes = failingCodes;
    }

    String canonicalForm() {
        return String.join(String.valueOf(FIELD), studentId, groupId == null ? "" : groupId, decision, failingCodes);
    }

    /** The subjects as an entry's row stores them: their canonical forms, in order; null for none. */
    static String stored(List<AuditSubject> subjects) {
        if (subjects.isEmpty()) {
            return null;
        }
        StringBuilder stored = new StringBuilder();
        for (AuditSubject subject : subjects) {
            if (!stored.isEmpty()) {
                stored.append(SUBJECT);
            }
            stored.append(subject.canonicalForm());
        }
        return stored.toString();
    }

    /** The subjects of an entry's row, as {@link #stored} wrote them; none for null. */
    static List<AuditSubject> parse(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<AuditSubject> subjects = new ArrayList<>();
        for (String subject : stored.split(String.valueOf(SUBJECT), -1)) {
            String[] fields = subject.split(String.valueOf(FIELD), -1);
            if (fields.length != 4) {
                // Not as written: kept as it is, so that the entry's hash no longer matches and verification says where.
                subjects.add(new AuditSubject(subject.replace(FIELD, ' '), null, "", ""));
                continue;
            }
            subjects.add(new AuditSubject(fields[0], fields[1].isEmpty() ? null : fields[1], fields[2], fields[3]));
        }
        return List.copyOf(subjects);
    }

    public String studentId() { return studentId; }
    public String groupId() { return groupId; }
    public String decision() { return decision; }
    public String failingCodes() { return failingCodes; }
}
