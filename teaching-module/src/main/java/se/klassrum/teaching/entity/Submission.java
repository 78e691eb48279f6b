package se.klassrum.teaching.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.UuidColumns;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A student's work on an assignment (inlämning): one per student. The student may keep a draft, which only they
 * see, and hand in; until the teacher answers, a new hand-in replaces the last one. The teacher answers a hand-in
 * either by returning it with feedback, which is final, or by asking for completion (komplettering), which gives the
 * work back to the student for another hand-in. Every hand-in and every answer is kept in the history.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "submission")
public class Submission extends RosterEntity {

    /**
     * DRAFT: never handed in, seen by the student only. SUBMITTED: handed in, waiting for the teacher. RETURNED:
     * returned with feedback, final. COMPLETION_REQUESTED: back with the student, who hands in again.
     */
    public enum Status { DRAFT, SUBMITTED, RETURNED, COMPLETION_REQUESTED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id", nullable = false, updatable = false)
    private Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false, updatable = false)
    private Person student;

    /** What was handed in last; null while the work was never handed in. */
    @Column(name = "content")
    private String content;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "late", nullable = false)
    private boolean late;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status = Status.DRAFT;

    /** The teacher's answer to the last hand-in: feedback, or what to complete. */
    @Column(name = "feedback")
    private String feedback;

    @Column(name = "returned_at")
    private OffsetDateTime returnedAt;

    /** The student's unsent draft: theirs alone until handed in. */
    @Column(name = "draft")
    private String draft;

    @Column(name = "draft_saved_at")
    private OffsetDateTime draftSavedAt;

    @OneToMany(mappedBy = "submission", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<SubmissionEntry> entries = new ArrayList<>();

    /** For JPA only. */
    protected Submission() {
    }

    /** The student hands in at once. */
    public Submission(Assignment assignment, Person student, SafeHtml content, OffsetDateTime at) {
        this(assignment, student);
        handIn(content, at);
    }

    private Submission(Assignment assignment, Person student) {
        super(null);
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        if (!assignment.isPublished()) {
            throw new TeachingException("NOT_PUBLISHED", "Uppgiften är inte publicerad", "The assignment is not published");
        }
        this.student = Objects.requireNonNull(student, "student");
    }

    /** The student starts with a draft, which nobody else sees. */
    public static Submission draft(Assignment assignment, Person student, SafeHtml draft, OffsetDateTime at) {
        Submission submission = new Submission(assignment, student);
        submission.saveDraft(draft, at);
        return submission;
    }

    /** The student starts with files only: a draft without text, which nobody else sees. */
    public static Submission forFiles(Assignment assignment, Person student) {
        return new Submission(assignment, student);
    }

    /** Keeps the student's draft; what was handed in before stays as the teacher sees it. */
    public void saveDraft(SafeHtml text, OffsetDateTime at) {
        refuseWhenReturned();
        this.draft = requireText(text);
        this.draftSavedAt = Objects.requireNonNull(at, "at");
    }

    /**
     * Hands in: the first time, again before the teacher has answered (replacing the last hand-in), or after the
     * teacher asked for completion. Lateness is judged against the due time, except for a completion, which keeps
     * the lateness of the work it completes: the teacher asked for it after the due time.
     */
    public void handIn(SafeHtml newContent, OffsetDateTime at) {
        refuseWhenReturned();
        this.content = requireText(newContent);
        if (status != Status.COMPLETION_REQUESTED) {
            this.late = assignment.isLate(at);
        }
        this.submittedAt = Objects.requireNonNull(at, "at");
        this.status = Status.SUBMITTED;
        this.feedback = null;
        this.returnedAt = null;
        this.draft = null;
        this.draftSavedAt = null;
        record(SubmissionEntry.Kind.HANDED_IN, newContent, student, at);
    }

    /** Returns the work with feedback; after that it is final. */
    public void returnWithFeedback(SafeHtml teacherFeedback, Person teacher, OffsetDateTime at) {
        answer(Status.RETURNED, teacherFeedback, teacher, at);
    }

    /** Gives the work back to the student with what to complete; the student hands in again. */
    public void requestCompletion(SafeHtml comment, Person teacher, OffsetDateTime at) {
        if (comment == null || comment.isBlank()) {
            throw new TeachingException("EMPTY_COMMENT", "Skriv vad eleven ska komplettera",
                    "Say what the student is to complete");
        }
        answer(Status.COMPLETION_REQUESTED, comment, teacher, at);
    }

    private void answer(Status answer, SafeHtml text, Person teacher, OffsetDateTime at) {
        refuseWhenReturned();
        if (status != Status.SUBMITTED) {
            throw new TeachingException("NOT_HANDED_IN", "Det finns ingen inlämning att svara på",
                    "There is no hand-in to answer");
        }
        this.feedback = Objects.requireNonNull(text, "feedback").value();
        this.status = answer;
        this.returnedAt = Objects.requireNonNull(at, "at");
        record(answer == Status.RETURNED ? SubmissionEntry.Kind.RETURNED : SubmissionEntry.Kind.COMPLETION_REQUESTED,
                text, Objects.requireNonNull(teacher, "teacher"), at);
    }

    private void record(SubmissionEntry.Kind kind, SafeHtml text, Person author, OffsetDateTime at) {
        entries.add(new SubmissionEntry(this, entries.size(), kind, text, late, author, at));
    }

    /** Refuses more of the student's work (a draft's files) once it is returned or its assignment deleted. */
    public void refuseWhenClosed() {
        refuseWhenReturned();
    }

    /** The hand-in or answer recorded last, which the waiting files go with. */
    public SubmissionEntry lastEntry() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("nothing was recorded yet");
        }
        return entries.get(entries.size() - 1);
    }

    /** Returned work is final; and a deleted assignment takes no more hand-ins or answers. */
    private void refuseWhenReturned() {
        assignment.refuseWhenDeleted();
        if (status == Status.RETURNED) {
            throw new TeachingException("ALREADY_RETURNED", "Inlämningen är redan återlämnad med återkoppling",
                    "The submission was already returned with feedback");
        }
    }

    private static String requireText(SafeHtml text) {
        if (text == null || text.isBlank()) {
            throw new TeachingException("EMPTY_SUBMISSION", "Inlämningen är tom", "The submission is empty");
        }
        return text.value();
    }

    /** Whether the work has been handed in at least once: only then do others than the student see it. */
    public boolean isHandedIn() {
        return status != Status.DRAFT;
    }

    /**
     * The history before the last hand-in: earlier hand-ins and the teacher's answers to them, oldest first. The
     * last hand-in and the answer to it are the submission itself.
     */
    public List<SubmissionEntry> earlierEntries() {
        int last = -1;
        for (SubmissionEntry entry : entries) {
            if (entry.kind() == SubmissionEntry.Kind.HANDED_IN) {
                last = Math.max(last, entry.position());
            }
        }
        int current = last;
        return entries.stream().filter(entry -> entry.position() < current).toList();
    }

    public List<SubmissionEntry> entries() { return List.copyOf(entries); }
    public Assignment assignment() { return assignment; }
    public Person student() { return student; }
    public SafeHtml content() { return SafeHtml.stored(content); }
    public OffsetDateTime submittedAt() { return submittedAt; }
    public boolean isLate() { return late; }
    public Status status() { return status; }
    public SafeHtml feedback() { return SafeHtml.stored(feedback); }
    public OffsetDateTime returnedAt() { return returnedAt; }
    public SafeHtml draft() { return SafeHtml.stored(draft); }
    public OffsetDateTime draftSavedAt() { return draftSavedAt; }
}
