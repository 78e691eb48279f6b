package se.klassrum.teaching.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.UuidColumns;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Times a mentor offers for development talks in a mentor group, with the questions the student and the guardians
 * answer before the talk. Each time holds one student's talk once booked (see {@code talk_booking}).
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "talk_offer")
public class TalkOffer extends RosterEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id", nullable = false, updatable = false)
    private StudyGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "mentor_id", nullable = false, updatable = false)
    private Person mentor;

    @Column(name = "title", nullable = false)
    private String title;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "talk_offer_question", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderColumn(name = "position")
    @Column(name = "text", nullable = false)
    private List<String> questions = new ArrayList<>();

    @OneToMany(mappedBy = "offer", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("startsAt")
    private List<TalkSlot> slots = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** For JPA only. */
    protected TalkOffer() {
    }

    public TalkOffer(StudyGroup mentorGroup, Person mentor, String title, List<String> questions, OffsetDateTime at) {
        super(null);
        this.group = Objects.requireNonNull(mentorGroup, "group");
        this.mentor = Objects.requireNonNull(mentor, "mentor");
        this.title = Objects.requireNonNull(title, "title");
        this.questions = new ArrayList<>(questions);
        this.createdAt = Objects.requireNonNull(at, "at");
    }

    public TalkSlot addSlot(OffsetDateTime startsAt, int minutes, String place) {
        TalkSlot slot = new TalkSlot(this, startsAt, minutes, place);
        slots.add(slot);
        return slot;
    }

    public StudyGroup group() { return group; }
    public Person mentor() { return mentor; }
    public String title() { return title; }
    public List<String> questions() { return List.copyOf(questions); }
    public List<TalkSlot> slots() { return List.copyOf(slots); }
    public OffsetDateTime createdAt() { return createdAt; }
}
