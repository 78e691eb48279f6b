package se.klassrum.teaching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.Tenant;
import se.klassrum.roster.entity.UuidColumns;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A file attached to one content row: a post, an assignment's instructions, or a submission (the student's draft
 * while {@code entry} is null, then the hand-in or teacher's answer it came with). The bytes are in the file storage
 * under {@code storageKey}, a random name; the row says whose they are, so a download is decided as a read of that
 * content.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "attachment")
public class Attachment extends RosterEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @Column(name = "storage_key", nullable = false, updatable = false, length = 64)
    private String storageKey;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", updatable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignment_id", updatable = false)
    private Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "submission_id", updatable = false)
    private Submission submission;

    /** The hand-in or answer the file came with; null while it is the student's draft. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "entry_id")
    private SubmissionEntry entry;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "media_type", nullable = false, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uploaded_by", nullable = false, updatable = false)
    private Person uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private OffsetDateTime uploadedAt;

    /** For JPA only. */
    protected Attachment() {
    }

    private Attachment(Tenant tenant, String storageKey, String fileName, String mediaType, long size, Person by,
                       OffsetDateTime at) {
        super(null);
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.storageKey = Objects.requireNonNull(storageKey, "storageKey");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.size = size;
        this.uploadedBy = Objects.requireNonNull(by, "by");
        this.uploadedAt = Objects.requireNonNull(at, "at");
    }

    public static Attachment onPost(Post post, String key, String name, String type, long size, Person by,
                                    OffsetDateTime at) {
        post.refuseWhenDeleted();
        Attachment attachment = new Attachment(post.group().tenant(), key, name, type, size, by, at);
        attachment.post = post;
        return attachment;
    }

    public static Attachment onAssignment(Assignment assignment, String key, String name, String type, long size,
                                          Person by, OffsetDateTime at) {
        assignment.refuseWhenDeleted();
        Attachment attachment = new Attachment(assignment.group().tenant(), key, name, type, size, by, at);
        attachment.assignment = assignment;
        return attachment;
    }

    /**
     * A file of a submission that goes with the next entry of its history: the student's with their next hand-in
     * (until then it is their draft's, theirs alone), a teacher's with their next answer (until then the teachers').
     */
    public static Attachment onSubmission(Submission submission, String key, String name, String type, long size,
                                          Person by, OffsetDateTime at) {
        submission.assignment().refuseWhenDeleted();
        Attachment attachment = new Attachment(submission.assignment().group().tenant(), key, name, type, size, by, at);
        attachment.submission = submission;
        return attachment;
    }

    /** The waiting file goes with the hand-in or answer: from now on it is seen as the submission is. */
    public void goWith(SubmissionEntry recorded) {
        if (submission == null || entry != null || !recorded.submission().equals(submission)) {
            throw new IllegalStateException("only a waiting file goes with an entry of its own submission");
        }
        this.entry = recorded;
    }

    /** Whether the file is of the student's draft, which only the student sees. */
    public boolean isDraft() {
        return submission != null && entry == null && uploadedBy.equals(submission.student());
    }

    /** Whether the file waits for a teacher's answer, which only the teachers see until it is given. */
    public boolean isPendingAnswer() {
        return submission != null && entry == null && !uploadedBy.equals(submission.student());
    }

    public Tenant tenant() { return tenant; }
    public String storageKey() { return storageKey; }
    public Post post() { return post; }
    public Assignment assignment() { return assignment; }
    public Submission submission() { return submission; }
    public SubmissionEntry entry() { return entry; }
    public String fileName() { return fileName; }
    public String mediaType() { return mediaType; }
    public long size() { return size; }
    public Person uploadedBy() { return uploadedBy; }
    public OffsetDateTime uploadedAt() { return uploadedAt; }
}
