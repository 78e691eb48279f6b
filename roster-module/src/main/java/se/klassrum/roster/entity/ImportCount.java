package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/**
 * How many rows of one kind an import run created, updated and ended. "Ended" counts facts whose validity
 * the run closed, and for people and groups: those that left the full set and had facts ended with them.
 */
@Embeddable
public class ImportCount {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private ImportKind kind;

    @Column(name = "created", nullable = false)
    private int created;

    @Column(name = "updated", nullable = false)
    private int updated;

    @Column(name = "ended", nullable = false)
    private int ended;

    /** For JPA only. */
    protected ImportCount() {
    }

    public ImportCount(ImportKind kind, int created, int updated, int ended) {
        this.kind = Require.present(kind, "kind");
        this.created = created;
        this.updated = updated;
        this.ended = ended;
    }

    public ImportKind kind() {
        return kind;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int ended() {
        return ended;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImportCount that && kind == that.kind && created == that.created
                && updated == that.updated && ended == that.ended;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, created, updated, ended);
    }

    @Override
    public String toString() {
        return kind + ": +" + created + " ~" + updated + " -" + ended;
    }
}
