package se.klassrum.teaching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A post (inlägg) to a group. The body is sanitised rich text before it gets here. It may be corrected after it was
 * published (then it shows when), and deleted: the row stays as a tombstone that says who deleted it and when, and
 * its body is no longer given to anyone, so that a reader who saw it sees that it was taken away.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "post")
public class Post extends DeletableContent {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id", nullable = false, updatable = false)
    private StudyGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Person author;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    /** For JPA only. */
    protected Post() {
    }

    public Post(StudyGroup group, Person author, SafeHtml body, OffsetDateTime at) {
        super(null);
        this.group = Objects.requireNonNull(group, "group");
        this.author = Objects.requireNonNull(author, "author");
        this.body = requireText(body);
        this.createdAt = Objects.requireNonNull(at, "at");
    }

    public void edit(SafeHtml newBody, OffsetDateTime at) {
        refuseWhenDeleted();
        this.body = requireText(newBody);
        this.editedAt = Objects.requireNonNull(at, "at");
    }

    @Override
    protected TeachingException deletedRefusal() {
        return new TeachingException("DELETED", "Inlägget är borttaget", "The post was deleted");
    }

    private static String requireText(SafeHtml html) {
        if (html == null || html.isBlank()) {
            throw new TeachingException("EMPTY_POST", "Inlägget är tomt", "The post is empty");
        }
        return html.value();
    }

    public StudyGroup group() { return group; }
    public Person author() { return author; }
    public SafeHtml body() { return SafeHtml.stored(body); }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime editedAt() { return editedAt; }
}
