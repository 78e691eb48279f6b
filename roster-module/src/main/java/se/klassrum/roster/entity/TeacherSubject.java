package se.klassrum.roster.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.util.UUID;

/**
 * A teacher linked to a subject at a school: needed, besides owning the group, to write assessments in
 * a syllabus of that subject. Set by a school admin, not by the teacher.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "teacher_subject")
public class TeacherSubject extends RosterEntity {

    // Kept with the row so that the database itself refuses a link across organisations.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "teacher_id", nullable = false, updatable = false)
    private Person teacher;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id", nullable = false, updatable = false)
    private School school;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_id", nullable = false, updatable = false)
    private Subject subject;

    /** For JPA only. */
    protected TeacherSubject() {
    }

    /**
     * @param id the id to use, or {@code null} for a new random one
     * @throws RosterException DIFFERENT_TENANT if teacher, school and subject are not all of one organisation
     */
    public TeacherSubject(UUID id, Person teacher, School school, Subject subject) {
        super(id);
        this.teacher = Require.present(teacher, "teacher");
        this.school = Require.present(school, "school");
        this.subject = Require.present(subject, "subject");
        Require.sameTenant(teacher.tenant(), teacher.displayName(), school.tenant(), school.name());
        Require.sameTenant(school.tenant(), school.name(), subject.tenant(), subject.code());
        this.tenant = school.tenant();
    }

    public Tenant tenant() {
        return tenant;
    }

    public Person teacher() {
        return teacher;
    }

    public School school() {
        return school;
    }

    public Subject subject() {
        return subject;
    }
}
