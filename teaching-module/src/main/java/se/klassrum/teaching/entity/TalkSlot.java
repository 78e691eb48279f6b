package se.klassrum.teaching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.UuidColumns;

import java.time.OffsetDateTime;
import java.util.Objects;

/** One time offered for a development talk: when, how long and where (a room or a meeting link). */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "talk_slot")
public class TalkSlot extends RosterEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id", nullable = false, updatable = false)
    private TalkOffer offer;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "minutes", nullable = false)
    private int minutes;

    @Column(name = "place", nullable = false)
    private String place;

    /** For JPA only. */
    protected TalkSlot() {
    }

    TalkSlot(TalkOffer offer, OffsetDateTime startsAt, int minutes, String place) {
        super(null);
        this.offer = Objects.requireNonNull(offer, "offer");
        this.startsAt = Objects.requireNonNull(startsAt, "startsAt");
        this.minutes = minutes;
        this.place = Objects.requireNonNull(place, "place");
    }

    public TalkOffer offer() { return offer; }
    public OffsetDateTime startsAt() { return startsAt; }
    public int minutes() { return minutes; }
    public OffsetDateTime endsAt() { return startsAt.plusMinutes(minutes); }
    public String place() { return place; }
}
