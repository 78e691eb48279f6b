package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.StudentId;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.roster.entity.Person;
import se.klassrum.teaching.boundary.Views.FileView;
import se.klassrum.teaching.control.AttachedFiles;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.control.Uploads;
import se.klassrum.teaching.entity.Assignment;
import se.klassrum.teaching.entity.Attachment;
import se.klassrum.teaching.entity.Post;
import se.klassrum.teaching.entity.Submission;
import se.klassrum.teaching.entity.TeachingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Files attached to posts, assignments' instructions and submissions. Each is read under the rules of the content it
 * belongs to, as a read of that content (and audited so): a post's files by the group's readers, an assignment's as
 * the assignment, a submission's by those who may see the submission; the files of a student's draft by the student
 * only, and the files a teacher has put ready for an answer by the teachers only, until the answer is given. A file
 * is found only through its content: its key is checked against the row it belongs to.
 */
@ApplicationScoped
@Transactional
public class Attachments {

    @Inject
    TeachingContext context;

    @Inject
    AccessGuard guard;

    @Inject
    AttachedFiles files;

    /** The bytes of a file that the caller may read, to be closed by the caller. */
    public record Download(FileView file, InputStream content) {
    }

    /** Attaches files to a post: its group's teachers, as writing the post. */
    @StudentData(kind = DataKind.POST, operation = Operation.WRITE)
    public List<FileView> attachToPost(@GroupId UUID groupId, UUID postId, List<Uploads.Upload> uploads) {
        Post post = context.postOf(groupId, postId);
        return attach(uploads, (key, upload) -> Attachment.onPost(post, key, upload.name(), upload.mediaType(),
                upload.size(), caller(), context.now()));
    }

    /** The post's files, for whoever may read the group's posts. */
    @StudentData(kind = DataKind.POST)
    public List<FileView> ofPost(@GroupId UUID groupId, UUID postId, @StudentId UUID child) {
        Post post = context.postOf(groupId, postId);
        if (post.isDeleted()) {
            return List.of();
        }
        return views(context.em().createQuery("select a from Attachment a where a.post = :post order by a.uploadedAt, a.id",
                Attachment.class).setParameter("post", post).getResultList());
    }

    @StudentData(kind = DataKind.POST)
    public Download postFile(@GroupId UUID groupId, UUID postId, @StudentId UUID child, String key) {
        Attachment attachment = files.find(key);
        Post post = attachment.post();
        if (post == null || !post.id().equals(postId) || !post.group().id().equals(groupId) || post.isDeleted()) {
            throw new StudentDataNotFoundException();
        }
        return download(attachment);
    }

    /** Attaches files to an assignment's instructions: its group's teachers. */
    @StudentData(kind = DataKind.ASSIGNMENT, operation = Operation.WRITE)
    public List<FileView> attachToAssignment(@GroupId UUID groupId, UUID assignmentId, List<Uploads.Upload> uploads) {
        Assignment assignment = context.assignmentOf(groupId, assignmentId);
        return attach(uploads, (key, upload) -> Attachment.onAssignment(assignment, key, upload.name(),
                upload.mediaType(), upload.size(), caller(), context.now()));
    }

    /** The assignment's files, for whoever sees the assignment: a draft's only for those who may see drafts. */
    @StudentData(kind = DataKind.ASSIGNMENT, publishedOnly = true)
    public List<FileView> ofAssignment(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID child) {
        Assignment assignment = readableAssignment(groupId, assignmentId, child);
        return views(context.em().createQuery("select a from Attachment a where a.assignment = :assignment "
                + "order by a.uploadedAt, a.id", Attachment.class).setParameter("assignment", assignment).getResultList());
    }

    @StudentData(kind = DataKind.ASSIGNMENT, publishedOnly = true)
    public Download assignmentFile(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID child, String key) {
        Attachment attachment = files.find(key);
        if (attachment.assignment() == null || !attachment.assignment().id().equals(assignmentId)) {
            throw new StudentDataNotFoundException();
        }
        readableAssignment(groupId, assignmentId, child);
        return download(attachment);
    }

    /**
     * Attaches files to the student's work. The student's own go with their draft, which only they see, until they
     * hand in; a teacher's go with the answer they give next (feedback or a request for completion), seen by the
     * teachers only until then.
     */
    @StudentData(kind = DataKind.SUBMISSION, operation = Operation.WRITE)
    public List<FileView> attachToSubmission(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID studentId,
                                             List<Uploads.Upload> uploads) {
        Assignment assignment = context.assignmentOf(groupId, assignmentId);
        Submission submission = context.submissionOf(assignmentId, studentId);
        if (context.callerIs(studentId)) {
            if (!assignment.isPublished()) {
                throw new StudentDataNotFoundException();
            }
            if (submission == null) {
                submission = Submission.forFiles(assignment, context.find(Person.class, studentId));
                context.em().persist(submission);
            }
        } else if (submission == null || !submission.isHandedIn()) {
            throw new StudentDataNotFoundException();
        }
        submission.refuseWhenClosed();
        Submission work = submission;
        return attach(uploads, (key, upload) -> Attachment.onSubmission(work, key, upload.name(), upload.mediaType(),
                upload.size(), caller(), context.now()));
    }

    /** The submission's files that the caller may see, oldest first. */
    @StudentData(kind = DataKind.SUBMISSION)
    public List<FileView> ofSubmission(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID studentId) {
        Submission submission = visibleSubmission(groupId, assignmentId, studentId);
        List<Attachment> all = context.em().createQuery("select a from Attachment a where a.submission = :submission "
                + "order by a.uploadedAt, a.id", Attachment.class).setParameter("submission", submission).getResultList();
        List<Attachment> visible = new ArrayList<>(all.size());
        Boolean teacher = null;
        for (Attachment attachment : all) {
            if (attachment.entry() != null || ownDraft(attachment)) {
                visible.add(attachment);
            } else if (attachment.isPendingAnswer()) {
                if (teacher == null) {
                    teacher = mayAnswer(groupId, studentId);
                }
                if (teacher) {
                    visible.add(attachment);
                }
            }
        }
        return views(visible);
    }

    @StudentData(kind = DataKind.SUBMISSION)
    public Download submissionFile(@GroupId UUID groupId, UUID assignmentId, @StudentId UUID studentId, String key) {
        Attachment attachment = files.find(key);
        Submission submission = attachment.submission();
        if (submission == null || !submission.assignment().id().equals(assignmentId)
                || !submission.student().id().equals(studentId)) {
            throw new StudentDataNotFoundException();
        }
        visibleSubmission(groupId, assignmentId, studentId);
        boolean visible = attachment.entry() != null || ownDraft(attachment)
                || (attachment.isPendingAnswer() && mayAnswer(groupId, studentId));
        if (!visible) {
            throw new StudentDataNotFoundException();
        }
        return download(attachment);
    }

    private List<FileView> attach(List<Uploads.Upload> uploads, BiFunction<String, Uploads.Upload, Attachment> make) {
        if (uploads.isEmpty()) {
            throw new TeachingException("NO_FILE", "Välj minst en fil", "Choose at least one file");
        }
        List<Attachment> made = new ArrayList<>(uploads.size());
        for (Uploads.Upload upload : uploads) {
            try {
                Attachment attachment = make.apply(files.store(upload), upload);
                context.em().persist(attachment);
                made.add(attachment);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return views(made);
    }

    private Download download(Attachment attachment) {
        return new Download(FileView.of(attachment), files.open(attachment));
    }

    private static List<FileView> views(List<Attachment> attachments) {
        return attachments.stream().map(FileView::of).toList();
    }

    private boolean ownDraft(Attachment attachment) {
        return attachment.isDraft() && context.callerIs(attachment.submission().student().id());
    }

    /** Whether the caller answers the student's work (the group's teachers); the guard decides and audits it. */
    private boolean mayAnswer(UUID groupId, UUID studentId) {
        return !context.callerIs(studentId) && guard.permits(DataKind.SUBMISSION, Operation.WRITE, studentId, groupId, null);
    }

    /** The submission, when the caller may see it: a never handed-in one is the student's only. */
    private Submission visibleSubmission(UUID groupId, UUID assignmentId, UUID studentId) {
        context.assignmentOf(groupId, assignmentId);
        Submission submission = context.submissionOf(assignmentId, studentId);
        if (submission == null || (!submission.isHandedIn() && !context.callerIs(studentId))) {
            throw new StudentDataNotFoundException();
        }
        return submission;
    }

    private Assignment readableAssignment(UUID groupId, UUID assignmentId, UUID child) {
        Assignment assignment = context.assignmentOf(groupId, assignmentId);
        if (assignment.isDeleted() || (!assignment.isPublished()
                && !guard.permits(DataKind.ASSIGNMENT, Operation.READ, child, groupId, ItemFacts.publication(false)))) {
            throw new StudentDataNotFoundException();
        }
        return assignment;
    }

    private Person caller() {
        return context.find(Person.class, context.callerPersonId());
    }
}
