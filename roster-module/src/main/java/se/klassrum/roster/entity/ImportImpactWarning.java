package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/**
 * A warning of a previewed import about one group, e.g. a mentor group left without a mentor, or students left without
 * a teacher who may assess them; {@code students} says how many of the group's students it concerns (0 when it is
 * about the group). No person is named in a stored run.
 *
 * The ids are kept as text: EclipseLink binds a uuid of an embeddable as a serialized object.
 *
 * @see ImportRun#warnings()
 */
@Embeddable
public class ImportImpactWarning {

    /** STUDENT_WITHOUT_ASSESSOR, MENTOR_GROUP_WITHOUT_MENTOR or PROTECTED_STUDENT_VISIBLE. */
    @Column(name = "kind", nullable = false, length = 40)
    private String kind;

    @Column(name = "school_id", nullable = false)
    private String schoolId;

    @Column(name = "school_name", length = 200)
    private String schoolName;

    @Column(name = "group_id", nullable = false)
    private String groupId;

    @Column(name = "group_name", length = 200)
    private String groupName;

    @Column(name = "students", nullable = false)
    private int students;

    /** For JPA only. */
    protected ImportImpactWarning() {
    }

    public ImportImpactWarning(String kind, UUID schoolId, String schoolName, UUID groupId, String groupName,
                               int students) {
        this.kind = Require.text(kind, "kind", 40);
        this.schoolId = Require.present(schoolId, "schoolId").toString();
        this.schoolName = schoolName;
        this.groupId = Require.present(groupId, "groupId").toString();
        this.groupName = groupName;
        this.students = students;
    }

    public String kind() {
        return kind;
    }

    public UUID schoolId() {
        return UUID.fromString(schoolId);
    }

    public String schoolName() {
        return schoolName;
    }

    public UUID groupId() {
        return UUID.fromString(groupId);
    }

    public String groupName() {
        return groupName;
    }

    public int students() {
        return students;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImportImpactWarning that && kind.equals(that.kind) && groupId.equals(that.groupId)
                && students == that.students;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, groupId);
    }
}
