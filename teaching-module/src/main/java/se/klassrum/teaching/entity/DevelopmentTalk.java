package se.klassrum.teaching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.UuidColumns;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A development talk (utvecklingssamtal) about one student, held by the mentor of the student's mentor
 * group with the student and guardians; notes and agreed goals are for the mentor, the student and the
 * student's guardians.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "development_talk")
public class DevelopmentTalk extends RosterEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false, updatable = false)
    private Person student;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id", nullable = false, updatable = false)
    private StudyGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "mentor_id", nullable = false)
    private Person mentor;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "development_talk_guardian",
            joinColumns = @JoinColumn(name = "talk_id"),
            inverseJoinColumns = @JoinColumn(name = "guardian_id"))
    private List<Person> guardians = new ArrayList<>();

    @Column(name = "notes", nullable = false)
    private String notes;

    @Column(name = "agreed_goals", nullable = false)
    private String agreedGoals;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** For JPA only. */
    protected DevelopmentTalk() {
    }

    public DevelopmentTalk(Person student, StudyGroup mentorGroup, Person mentor, LocalDate heldOn, List<Person> guardians,
                           SafeHtml notes, SafeHtml agreedGoals, OffsetDateTime at) {
        super(null);
        this.student = Objects.requireNonNull(student, "student");
        this.group = Objects.requireNonNull(mentorGroup, "group");
        this.mentor = Objects.requireNonNull(mentor, "mentor");
        this.heldOn = Objects.requireNonNull(heldOn, "heldOn");
        this.guardians = new ArrayList<>(guardians);
        record(notes, agreedGoals, at);
    }

    public void record(SafeHtml newNotes, SafeHtml newGoals, OffsetDateTime at) {
        this.notes = Objects.requireNonNull(newNotes, "notes").value();
        this.agreedGoals = Objects.requireNonNull(newGoals, "agreedGoals").value();
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    /** A booked talk moved to another day (its booking moved to another time). */
    public void reschedule(LocalDate day, OffsetDateTime at) {
        this.heldOn = Objects.requireNonNull(day, "day");
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    /** Whether notes or agreed goals have been written: a documented talk is no longer only a booking. */
    public boolean documented() {
        return !notes.isEmpty() || !agreedGoals.isEmpty();
    }

    public Person student() { return student; }
    public StudyGroup group() { return group; }
    public Person mentor() { return mentor; }
    public LocalDate heldOn() { return heldOn; }
    public List<Person> guardians() { return List.copyOf(guardians); }
    public SafeHtml notes() { return SafeHtml.stored(notes); }
    public SafeHtml agreedGoals() { return SafeHtml.stored(agreedGoals); }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
