package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.StudentId;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.teaching.boundary.Views.AssignmentView;
import se.klassrum.teaching.boundary.Views.SubmissionView;
import se.klassrum.teaching.control.AttachedFiles;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.entity.Assignment;
import se.klassrum.teaching.entity.Happened;
import se.klassrum.teaching.entity.PublicationStatus;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.entity.Submission;
import se.klassrum.teaching.entity.TeachingException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Assignments (uppgifter) of a group and the students' submissions (inlämningar): teachers draft, publish
 * and return with feedback; students see published assignments and submit their own work.
 */
@ApplicationScoped
@Transactional
public class Assignments {

    @Inject
    TeachingContext context;

    @Inject
    AccessGuard guard;

    @Inject
    AttachedFiles files;

    /** What happened, for the readers' notifications (written in this transaction by {@code NotificationEvents}). */
    @Inject
    Event<Happened> happened;

    /**
     * The group's assignments by due time. Asked about published assignments; drafts are added only for a
     * caller the rules let see them (the group's teachers), which is a second, audited question.
     *
     * @param child the child a guardian reads for; null for everyone else
     */
    @StudentData(kind = DataKind.ASSIGNMENT, publishedOnly = true)
    public Slice<AssignmentView> inGroup(@GroupId UUID groupId, @StudentId UUID child, Page page) {
        boolean drafts = guard.permits(DataKind.ASSIGNMENT, Operation.READ, child, groupId, ItemFacts.publication(false));
        List<String> after = page.after(2);
        TypedQuery<Assignment> query = context.em().createQuery("select a from Assignment a where a.group.id = :group"
                        + (drafts ? "" : " and a.status = :published")
                        + (after == null ? "" : " and (a.dueAt > :time or (a.dueAt = :time and a.id > :id))")
                        + " order by a.dueAt, a.id", Assignment.class)
                .setParameter("group", groupId)
                .setMaxResults(page.limit() + 1);
        if (!drafts) {
            query.setParameter("published", PublicationStatus.PUBLISHED);
        }
        if (after != null) {
            query.setParameter("time", OffsetDateTime.parse(after.get(0))).setParameter("id", UUID.fromString(after.get(1)));
        }
        return Slice.of(query.getResultList(), page, AssignmentView::of, row -> new Object[] {row.dueAt(), row.id()});
    }

    /**
     * Whether the caller may write the group's assignments (its teachers): a page offers drafts, publishing and
     * the submissions only then, instead of offering forms that would be refused. The guard decides and audits it.
     */
    @NoStudentData("answers only whether the caller may write the group's assignments; the guard decides and audits it")
    public boolean mayManage(UUID groupId) {
        return guard.permits(DataKind.ASSIGNMENT, Operation.WRITE, null, groupId, ItemFacts.publication(false));
    }

    @StudentData(kind = DataKind.ASSIGNMENT, operation = Operation.WRITE)
    public AssignmentView create(@GroupId UUID groupId, String title, String instructions, OffsetDateTime dueAt,
                                 boolean publish) {
        StudyGroup group = context.find(StudyGroup.class, groupId);
        Person author = context.find(Person.class, context.callerPersonId());
        OffsetDateTime now = context.now();
        Assignment assignment = new Assignment(group, author, title, SafeHtml.of(instructions), dueAt, now);
        if (publish) {
            assignment.publish(now);
        }
        context.em().persist(assignment);
        if (publish) {
            happened.fire(new Happened(Happened.Kind.ASSIGNMENT_PUBLISHED, groupId, assignment.id(), null));
        }
        return AssignmentView.of(assignment);
    }

    @StudentData(kind = DataKind.ASSIGNMENT, operation = Operation.WRITE)
    public AssignmentView publish(@GroupId UUID groupId, UUID assignmentId) {
        Assignment assignment = context.assignmentOf(groupId, assignmentId);
        boolean wasPublished = assignment.isPublished();
        assignment.publish(context.now());
        if (!wasPublished) {
            happened.fire(new Happened(Happened.Kind.ASSIGNMENT_PUBLISHED, groupId, assignmentId, null));
        }
        return AssignmentView.of(assignment);
    }

    /**
     * Corrects the title, instructions and due time: the group's teachers (the rules let only those who may write the
     * group's assignments through). A published assignment then shows that it was edited, and when.
     */
    @StudentData(kind = DataKind.ASSIGNMENT, operation = Operation.WRITE)
    public AssignmentView edit(@GroupId UUID groupId, UUID assignmentId, String title, String instructions,
                               OffsetDateTime dueAt) {
        Assignment assignment = context.assignmentOf(groupId, assignmentId);
        assignment.edit(title, SafeHtml.of(instructions), dueAt, context.now());
        if (assignment.isPublished()) {
            happened.fire(new Happened(Happened.Kind.ASSIGNMENT_CHANGED, groupId, assignmentId, null));
        }
        return AssignmentView.of(assignment);
    }

    /**
     * Deletes the assignment: the group's teachers. The row stays as a tombstone with who deleted it and when (and
     * the submissions with it), the access decision is in the audit log, and readers see that it was taken away. The
     * files of its instructions are removed, from the storage once the deletion has committed.
     */
    @StudentData(kind = DataKind.ASSIGNMENT, operation = Operation.WRITE)
    public AssignmentView delete(@GroupId UUID groupId, UUID assignmentId) {
        Assignment assignment = context.assignmentOf(groupId, assignmentId);
        assignment.delete(context.find(Person.class, context.callerPersonId()), context.now());
        files.removeAll(files.of(assignment));
        return AssignmentView.of(assignment);
    }

    /**
     * The student hands in their own work: the first time, again before the teacher has answered (replacing the last
     * hand-in), or after the teacher asked for completion. Nobody hands in for someone else.
     */
    @StudentData(kind = DataKind.SUBMISSION, operation = Operation.WRITE)
    public SubmissionView submit(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID studentId, String content) {
        Assignment assignment = ownWorkOn(groupId, assignmentId, studentId);
        OffsetDateTime now = context.now();
        Submission submission = context.submissionOf(assignmentId, studentId);
        if (submission == null) {
            submission = new Submission(assignment, context.find(Person.class, studentId), SafeHtml.of(content), now);
            context.em().persist(submission);
        } else {
            submission.handIn(SafeHtml.of(content), now);
        }
        context.em().flush();
        files.goWith(submission, submission.lastEntry());
        happened.fire(new Happened(Happened.Kind.HAND_IN_WAITING, groupId, submission.id(), studentId));
        return SubmissionView.of(submission, true);
    }

    /**
     * The student keeps a draft of their own work. Only the student sees it: teachers and guardians see what was
     * handed in, if anything, until the student hands the draft in.
     */
    @StudentData(kind = DataKind.SUBMISSION, operation = Operation.WRITE)
    public SubmissionView saveDraft(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID studentId, String text) {
        Assignment assignment = ownWorkOn(groupId, assignmentId, studentId);
        OffsetDateTime now = context.now();
        Submission submission = context.submissionOf(assignmentId, studentId);
        if (submission == null) {
            submission = Submission.draft(assignment, context.find(Person.class, studentId), SafeHtml.of(text), now);
            context.em().persist(submission);
        } else {
            submission.saveDraft(SafeHtml.of(text), now);
        }
        return SubmissionView.of(submission, true);
    }

    /**
     * The student's submission to the assignment, for whom the rules let see it; with the draft for the student
     * only. Work the student has only drafted is not found for anyone else.
     */
    @StudentData(kind = DataKind.SUBMISSION)
    public SubmissionView submissionOf(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID studentId) {
        context.assignmentOf(groupId, assignmentId);
        Submission submission = context.submissionOf(assignmentId, studentId);
        boolean own = context.callerIs(studentId);
        if (submission == null || (!submission.isHandedIn() && !own)) {
            throw new StudentDataNotFoundException();
        }
        return SubmissionView.of(submission, own);
    }

    /**
     * The handed-in submissions to the assignment that the caller may see, in order of hand-in: all for its
     * teachers, their own for a student, their children's for a guardian. Drafts are nobody's but the student's and
     * are not listed ({@link #submissionOf} gives the student theirs). A page may hold fewer items than its limit
     * when some are not the caller's to see.
     */
    @StudentData(kind = DataKind.SUBMISSION)
    public Slice<SubmissionView> submissions(@GroupId UUID groupId, UUID assignmentId, Page page) {
        context.assignmentOf(groupId, assignmentId);
        List<String> after = page.after(2);
        TypedQuery<Submission> query = context.em().createQuery("select s from Submission s where s.assignment.id = :assignment"
                        + " and s.status <> :draft"
                        + (after == null ? "" : " and (s.submittedAt > :time or (s.submittedAt = :time and s.id > :id))")
                        + " order by s.submittedAt, s.id", Submission.class)
                .setParameter("assignment", assignmentId)
                .setParameter("draft", Submission.Status.DRAFT)
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("time", OffsetDateTime.parse(after.get(0))).setParameter("id", UUID.fromString(after.get(1)));
        }
        return Slice.of(query.getResultList(), page, SubmissionView::of, row -> new Object[] {row.submittedAt(), row.id()});
    }

    /** A teacher returns the hand-in with feedback; the work is then final. */
    @StudentData(kind = DataKind.SUBMISSION, operation = Operation.WRITE)
    public SubmissionView returnWithFeedback(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID studentId,
                                             String feedback) {
        Submission submission = handedIn(groupId, assignmentId, studentId);
        submission.returnWithFeedback(SafeHtml.of(feedback), context.find(Person.class, context.callerPersonId()),
                context.now());
        context.em().flush();
        files.goWith(submission, submission.lastEntry());
        happened.fire(new Happened(Happened.Kind.WORK_RETURNED, groupId, submission.id(), studentId));
        return SubmissionView.of(submission);
    }

    /**
     * A teacher asks for completion (komplettering): the work goes back to the student with the comment, for another
     * hand-in; the hand-in and the comment stay in the history.
     */
    @StudentData(kind = DataKind.SUBMISSION, operation = Operation.WRITE)
    public SubmissionView requestCompletion(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID studentId,
                                            String comment) {
        Submission submission = handedIn(groupId, assignmentId, studentId);
        submission.requestCompletion(SafeHtml.of(comment), context.find(Person.class, context.callerPersonId()),
                context.now());
        context.em().flush();
        files.goWith(submission, submission.lastEntry());
        happened.fire(new Happened(Happened.Kind.COMPLETION_REQUESTED, groupId, submission.id(), studentId));
        return SubmissionView.of(submission);
    }

    /** The published assignment, when the caller is the student whose work it is to be. */
    private Assignment ownWorkOn(UUID groupId, UUID assignmentId, UUID studentId) {
        if (!studentId.equals(context.callerPersonId())) {
            throw new TeachingException("OWN_SUBMISSION_ONLY", "Bara eleven själv kan lämna in", "Only the student can submit");
        }
        Assignment assignment = context.assignmentOf(groupId, assignmentId);
        if (!assignment.isPublished()) {
            throw new StudentDataNotFoundException();
        }
        return assignment;
    }

    /** The student's handed-in work for a teacher to answer; a draft is not there for the teacher. */
    private Submission handedIn(UUID groupId, UUID assignmentId, UUID studentId) {
        if (studentId.equals(context.callerPersonId())) {
            throw new TeachingException("NOT_OWN_FEEDBACK", "Man kan inte ge återkoppling på sin egen inlämning",
                    "Nobody returns their own submission");
        }
        context.assignmentOf(groupId, assignmentId);
        Submission submission = context.submissionOf(assignmentId, studentId);
        if (submission == null || !submission.isHandedIn()) {
            throw new StudentDataNotFoundException();
        }
        return submission;
    }
}
