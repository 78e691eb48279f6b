package se.klassrum.teaching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.UuidColumns;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A student's booking of an offered time: the development talk it is booked for, keyed by that talk. Rows are
 * written with plain SQL (see TalkBookings), so that the unique constraints of {@code talk_booking} decide between
 * two bookings of one time made at once; this mapping reads them.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "talk_booking")
public class TalkBooking {

    @Id
    @Column(name = "talk_id", nullable = false, updatable = false)
    private UUID talkId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "talk_id", insertable = false, updatable = false)
    private DevelopmentTalk talk;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "slot_id", insertable = false, updatable = false)
    private TalkSlot slot;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", insertable = false, updatable = false)
    private Person student;

    @Column(name = "booked_by", insertable = false, updatable = false)
    private UUID bookedBy;

    @Column(name = "booked_at", insertable = false, updatable = false)
    private OffsetDateTime bookedAt;

    @Column(name = "confirmed_at", insertable = false, updatable = false)
    private OffsetDateTime confirmedAt;

    /** For JPA only. */
    protected TalkBooking() {
    }

    public UUID talkId() { return talkId; }
    public DevelopmentTalk talk() { return talk; }
    public TalkSlot slot() { return slot; }
    public TalkOffer offer() { return slot.offer(); }
    public Person student() { return student; }
    public UUID bookedBy() { return bookedBy; }
    public OffsetDateTime bookedAt() { return bookedAt; }
    public OffsetDateTime confirmedAt() { return confirmedAt; }
}
