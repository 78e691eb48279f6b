package se.klassrum.access.audit;

import java.time.Instant;

/**
 * Which of a student's audit entries to read: each part narrows, a null part does not.
 *
 * @param actorId  who asked: the person id or the application's client id as the log keeps it
 * @param dataKind what kind of data was asked about ({@code ASSESSMENT}, or {@code GUARDIAN_LINK} for an
 *                 administrative change)
 * @param from     the first instant included
 * @param until    the first instant no longer included
 * @param allowed  the outcome for the student: allowed (true) or denied (false)
 */
public record AuditFilter(String actorId, String dataKind, Instant from, Instant until, Boolean allowed) {

    /** Every entry. */
    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
    }
}
