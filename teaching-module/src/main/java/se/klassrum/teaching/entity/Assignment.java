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
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.UuidColumns;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An assignment (uppgift) in a group: drafted by its teacher, then published to the group. It may be corrected after
 * it was published (then it shows when), and deleted: the row stays as a tombstone that says who deleted it and when,
 * its title and instructions are no longer given to anyone, and it takes no more hand-ins.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "assignment")
public class Assignment extends DeletableContent {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id", nullable = false, updatable = false)
    private StudyGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Person author;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "instructions", nullable = false)
    private String instructions;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private PublicationStatus status = PublicationStatus.DRAFT;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    /** For JPA only. */
    protected Assignment() {
    }

    public Assignment(StudyGroup group, Person author, String title, SafeHtml instructions, OffsetDateTime dueAt,
                      OffsetDateTime at) {
        super(null);
        this.group = Objects.requireNonNull(group, "group");
        this.author = Objects.requireNonNull(author, "author");
        write(title, instructions, dueAt);
        this.createdAt = Objects.requireNonNull(at, "at");
    }

    /**
     * Corrects the title, instructions and due time. A published assignment shows that it was edited, and when; the
     * hand-ins already made keep whether they came late.
     */
    public void edit(String newTitle, SafeHtml newInstructions, OffsetDateTime newDueAt, OffsetDateTime at) {
        refuseWhenDeleted();
        write(newTitle, newInstructions, newDueAt);
        if (isPublished()) {
            this.editedAt = Objects.requireNonNull(at, "at");
        }
    }

    private void write(String newTitle, SafeHtml newInstructions, OffsetDateTime newDueAt) {
        if (newTitle == null || newTitle.isBlank()) {
            throw new TeachingException("EMPTY_TITLE", "Uppgiften saknar rubrik", "The assignment has no title");
        }
        this.title = newTitle.strip();
        this.instructions = Objects.requireNonNull(newInstructions, "instructions").value();
        this.dueAt = Objects.requireNonNull(newDueAt, "dueAt");
    }

    @Override
    protected TeachingException deletedRefusal() {
        return new TeachingException("DELETED", "Uppgiften är borttagen", "The assignment was deleted");
    }

    /** Makes a draft visible to the group; publishing twice is refused, so nobody re-announces by mistake. */
    public void publish(OffsetDateTime at) {
        refuseWhenDeleted();
        if (status == PublicationStatus.PUBLISHED) {
            throw new TeachingException("ALREADY_PUBLISHED", "Uppgiften är redan publicerad", "The assignment is already published");
        }
        status = PublicationStatus.PUBLISHED;
        publishedAt = at;
    }

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }

    /** A submission after the due time is late; exactly at the due time it is on time. */
    public boolean isLate(OffsetDateTime submittedAt) {
        return submittedAt.isAfter(dueAt);
    }

    public StudyGroup group() { return group; }
    public Person author() { return author; }
    public String title() { return title; }
    public SafeHtml instructions() { return SafeHtml.stored(instructions); }
    public OffsetDateTime dueAt() { return dueAt; }
    public PublicationStatus status() { return status; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime publishedAt() { return publishedAt; }
    public OffsetDateTime editedAt() { return editedAt; }
}
