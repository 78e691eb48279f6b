package se.klassrum.teaching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.UuidColumns;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One event in the history of a submission: a hand-in, or the teacher's answer to it (returned with feedback, or
 * sent back for completion). Entries are only ever added, so earlier hand-ins and feedback stay as they were.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "submission_entry")
public class SubmissionEntry extends RosterEntity {

    public enum Kind { HANDED_IN, RETURNED, COMPLETION_REQUESTED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "submission_id", nullable = false, updatable = false)
    private Submission submission;

    @Column(name = "position", nullable = false, updatable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 30)
    private Kind kind;

    @Column(name = "body", nullable = false, updatable = false)
    private String body;

    @Column(name = "late", nullable = false, updatable = false)
    private boolean late;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Person author;

    /** For JPA only. */
    protected SubmissionEntry() {
    }

    SubmissionEntry(Submission submission, int position, Kind kind, SafeHtml body, boolean late, Person author,
                    OffsetDateTime at) {
        super(null);
        this.submission = Objects.requireNonNull(submission, "submission");
        this.position = position;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.body = Objects.requireNonNull(body, "body").value();
        this.late = late;
        this.author = Objects.requireNonNull(author, "author");
        this.recordedAt = Objects.requireNonNull(at, "at");
    }

    public Submission submission() { return submission; }
    public int position() { return position; }
    public Kind kind() { return kind; }
    public SafeHtml body() { return SafeHtml.stored(body); }
    public boolean isLate() { return late; }
    public Person author() { return author; }
    public OffsetDateTime recordedAt() { return recordedAt; }
}
