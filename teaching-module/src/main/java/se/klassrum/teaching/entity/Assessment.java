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
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.roster.entity.UuidColumns;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An assessment (omdöme) of one student in one syllabus, set through a teaching group with that syllabus.
 * Students and guardians see it once published; the teacher may revise it, which keeps it published.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "assessment")
public class Assessment extends RosterEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false, updatable = false)
    private Person student;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "syllabus_id", nullable = false, updatable = false)
    private Syllabus syllabus;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id", nullable = false, updatable = false)
    private StudyGroup group;

    @Enumerated(EnumType.STRING)
    @Column(name = "grade", nullable = false, length = 20)
    private Grade grade;

    @Column(name = "comment", nullable = false)
    private String comment;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private PublicationStatus status = PublicationStatus.DRAFT;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessed_by", nullable = false)
    private Person assessedBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** For JPA only. */
    protected Assessment() {
    }

    public Assessment(Person student, StudyGroup group, Grade grade, SafeHtml comment, Person teacher, OffsetDateTime at) {
        super(null);
        this.student = Objects.requireNonNull(student, "student");
        this.group = Objects.requireNonNull(group, "group");
        this.syllabus = group.syllabus().orElseThrow(() -> new TeachingException("NO_SYLLABUS",
                "Gruppen " + group.name() + " har ingen kursplan", "The group " + group.name() + " has no syllabus"));
        revise(grade, comment, teacher, at);
    }

    public final void revise(Grade newGrade, SafeHtml newComment, Person teacher, OffsetDateTime at) {
        this.grade = Objects.requireNonNull(newGrade, "grade");
        this.comment = Objects.requireNonNull(newComment, "comment").value();
        this.assessedBy = Objects.requireNonNull(teacher, "teacher");
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public void publish(OffsetDateTime at) {
        this.status = PublicationStatus.PUBLISHED;
        this.updatedAt = at;
    }

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }

    public Person student() { return student; }
    public Syllabus syllabus() { return syllabus; }
    public StudyGroup group() { return group; }
    public Grade grade() { return grade; }
    public SafeHtml comment() { return SafeHtml.stored(comment); }
    public PublicationStatus status() { return status; }
    public Person assessedBy() { return assessedBy; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
