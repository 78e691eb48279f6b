package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.util.UUID;

/**
 * Identity and optimistic locking shared by every roster entity.
 * <p>
 * The id is chosen in Java when the object is made, not by the database, so that an object is equal to
 * itself before and after it is saved, an importer can re-run with the ids it chose, and the demo data
 * has the same ids in every database.
 */
@MappedSuperclass
public abstract class RosterEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    // Two admins editing the same row must not overwrite each other silently.
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected RosterEntity() {
    }

    /** @param id the id to use, or {@code null} for a new random one */
    protected RosterEntity(UUID id) {
        this.id = id == null ? UUID.randomUUID() : id;
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof RosterEntity entity
                && entity.getClass() == getClass()
                && id != null && id.equals(entity.id);
    }

    @Override
    public final int hashCode() {
        return id == null ? 0 : id.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
