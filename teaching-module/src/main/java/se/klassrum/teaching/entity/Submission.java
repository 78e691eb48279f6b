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
 * A student's submission (inlämning) to an assignment: one per student, resubmittable until the teacher
 * returns it with feedback.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "submission")
public class Submission extends RosterEntity {

    public enum Status { SUBMITTED, RETURNED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id", nullable = false, updatable = false)
    private Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false, updatable = false)
    private Person student;

    @Column(name = "content", nullable = false)
    private String content;

    @Column(name = "submitted_at", nullable = false)
    private OffsetDateTime submittedAt;

    @Column(name = "late", nullable = false)
    private boolean late;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status = Status.SUBMITTED;

    @Column(name = "feedback")
    private String feedback;

    @Column(name = "returned_at")
    private OffsetDateTime returnedAt;

    /** For JPA only. */
    protected Submission() {
    }

    public Submission(Assignment assignment, Person student, SafeHtml content, OffsetDateTime at) {
        super(null);
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        if (!assignment.isPublished()) {
            throw new TeachingException("NOT_PUBLISHED", "Uppgiften är inte publicerad", "The assignment is not published");
        }
        this.student = Objects.requireNonNull(student, "student");
        record(content, at);
    }

    /** A new version replaces the old one until the teacher has returned the submission. */
    public void resubmit(SafeHtml newContent, OffsetDateTime at) {
        if (status == Status.RETURNED) {
            throw new TeachingException("ALREADY_RETURNED", "Inlämningen är redan återlämnad med återkoppling",
                    "The submission was already returned with feedback");
        }
        record(newContent, at);
    }

    public void returnWithFeedback(SafeHtml teacherFeedback, OffsetDateTime at) {
        if (status == Status.RETURNED) {
            throw new TeachingException("ALREADY_RETURNED", "Inlämningen är redan återlämnad",
                    "The submission was already returned");
        }
        this.feedback = Objects.requireNonNull(teacherFeedback, "feedback").value();
        this.status = Status.RETURNED;
        this.returnedAt = at;
    }

    private void record(SafeHtml newContent, OffsetDateTime at) {
        if (newContent == null || newContent.isBlank()) {
            throw new TeachingException("EMPTY_SUBMISSION", "Inlämningen är tom", "The submission is empty");
        }
        this.content = newContent.value();
        this.submittedAt = Objects.requireNonNull(at, "at");
        this.late = assignment.isLate(at);
    }

    public Assignment assignment() { return assignment; }
    public Person student() { return student; }
    public SafeHtml content() { return SafeHtml.stored(content); }
    public OffsetDateTime submittedAt() { return submittedAt; }
    public boolean isLate() { return late; }
    public Status status() { return status; }
    public SafeHtml feedback() { return SafeHtml.stored(feedback); }
    public OffsetDateTime returnedAt() { return returnedAt; }
}
