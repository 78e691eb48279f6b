package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/**
 * What a previewed import would do to one kind of access at one school: how many people would gain it, to how many
 * students (or groups, for a group's posts), and how many would lose it, to how many. Counts only: no person is named
 * in a stored run.
 *
 * The ids are kept as text: EclipseLink binds a uuid of an embeddable as a serialized object.
 *
 * @see ImportRun#impact()
 */
@Embeddable
public class ImportImpactCount {

    @Column(name = "school_id", nullable = false)
    private String schoolId;

    @Column(name = "school_name", length = 200)
    private String schoolName;

    /** A kind of access as the school-year break's preview names it, e.g. STUDENT_PROFILE or ASSESSMENTS. */
    @Column(name = "kind", nullable = false, length = 30)
    private String kind;

    @Column(name = "people_gaining", nullable = false)
    private int peopleGaining;

    @Column(name = "students_gained", nullable = false)
    private int studentsGained;

    @Column(name = "people_losing", nullable = false)
    private int peopleLosing;

    @Column(name = "students_lost", nullable = false)
    private int studentsLost;

    /** For JPA only. */
    protected ImportImpactCount() {
    }

    public ImportImpactCount(UUID schoolId, String schoolName, String kind, int peopleGaining, int studentsGained,
                             int peopleLosing, int studentsLost) {
        this.schoolId = Require.present(schoolId, "schoolId").toString();
        this.schoolName = schoolName;
        this.kind = Require.text(kind, "kind", 30);
        this.peopleGaining = peopleGaining;
        this.studentsGained = studentsGained;
        this.peopleLosing = peopleLosing;
        this.studentsLost = studentsLost;
    }

    public UUID schoolId() {
        return UUID.fromString(schoolId);
    }

    public String schoolName() {
        return schoolName;
    }

    public String kind() {
        return kind;
    }

    public int peopleGaining() {
        return peopleGaining;
    }

    public int studentsGained() {
        return studentsGained;
    }

    public int peopleLosing() {
        return peopleLosing;
    }

    public int studentsLost() {
        return studentsLost;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImportImpactCount that && schoolId.equals(that.schoolId) && kind.equals(that.kind)
                && peopleGaining == that.peopleGaining && studentsGained == that.studentsGained
                && peopleLosing == that.peopleLosing && studentsLost == that.studentsLost;
    }

    @Override
    public int hashCode() {
        return Objects.hash(schoolId, kind);
    }

    @Override
    public String toString() {
        return kind + "@" + schoolId + ": +" + peopleGaining + "/" + studentsGained + " -" + peopleLosing + "/" + studentsLost;
    }
}
