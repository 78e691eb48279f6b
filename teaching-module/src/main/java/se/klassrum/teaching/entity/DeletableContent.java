package se.klassrum.teaching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RosterEntity;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Content of a group that its teachers may delete after publishing (posts, assignments). Deleting never removes the
 * row: it becomes a tombstone that keeps who deleted it and when, so that what a reader saw is replaced by a notice
 * that it was taken away, not silently gone. A tombstone is not changed any more.
 */
@MappedSuperclass
public abstract class DeletableContent extends RosterEntity {

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "deleted_by")
    private Person deletedBy;

    /** For JPA only. */
    protected DeletableContent() {
    }

    protected DeletableContent(UUID id) {
        super(id);
    }

    /** Takes the content away from its readers; the row stays, with who deleted it and when. */
    public void delete(Person by, OffsetDateTime at) {
        refuseWhenDeleted();
        this.deletedBy = Objects.requireNonNull(by, "by");
        this.deletedAt = Objects.requireNonNull(at, "at");
    }

    /** Refuses any change to a tombstone, in the words of this kind of content. */
    protected final void refuseWhenDeleted() {
        if (isDeleted()) {
            throw deletedRefusal();
        }
    }

    /** The refusal of a change to deleted content, code {@code DELETED}. */
    protected abstract TeachingException deletedRefusal();

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public OffsetDateTime deletedAt() { return deletedAt; }
    public Person deletedBy() { return deletedBy; }
}
