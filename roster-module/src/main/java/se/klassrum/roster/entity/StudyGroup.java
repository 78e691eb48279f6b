package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.util.Optional;
import java.util.UUID;

/**
 * A teaching group or mentor group at exactly one school, mirroring a Microsoft group or Team.
 * <p>
 * Named StudyGroup and stored in {@code study_group} because GROUP is reserved in SQL. A group opens
 * access to student information only while it is connected and not archived; archiving at the end of
 * a school year is final, so that last year's teacher loses access for good.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "study_group")
public class StudyGroup extends RosterEntity {

    // A copy of the school's tenant, kept so that ids from Microsoft can be unique per organisation.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id", nullable = false, updatable = false)
    private School school;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 20)
    private GroupKind kind;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "connected", nullable = false)
    private boolean connected;

    @Column(name = "archived", nullable = false)
    private boolean archived;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "syllabus_id")
    private Syllabus syllabus;

    @Column(name = "school_year", nullable = false, updatable = false, length = 7)
    private String schoolYear;

    @Column(name = "microsoft_group_id", length = 100)
    private String microsoftGroupId;

    @Column(name = "external_id", length = 100)
    private String externalId;

    /** For JPA only. */
    protected StudyGroup() {
    }

    /**
     * A new group starts disconnected: an admin connects it once its Microsoft group is ready.
     *
     * @param id         the id to use, or {@code null} for a new random one
     * @param schoolYear the school year the group is for, e.g. "2026/27"
     */
    public StudyGroup(UUID id, School school, GroupKind kind, String name, String schoolYear) {
        super(id);
        this.school = Require.present(school, "school");
        this.tenant = school.tenant();
        this.kind = Require.present(kind, "kind");
        this.name = Require.text(name, "name", 200);
        this.schoolYear = SchoolYear.parse(schoolYear).label();
    }

    public Tenant tenant() {
        return tenant;
    }

    public School school() {
        return school;
    }

    public GroupKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public boolean isConnected() {
        return connected;
    }

    public boolean isArchived() {
        return archived;
    }

    /** Whether the group can give anyone access at all: connected and not archived. */
    public boolean isOpenForAccess() {
        return connected && !archived;
    }

    public Optional<Syllabus> syllabus() {
        return Optional.ofNullable(syllabus);
    }

    public String schoolYear() {
        return schoolYear;
    }

    public Optional<String> microsoftGroupId() {
        return Optional.ofNullable(microsoftGroupId);
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    /** @throws RosterException GROUP_ARCHIVED, because an archived group must never give access again */
    public void connect() {
        requireNotArchived();
        this.connected = true;
    }

    public void disconnect() {
        this.connected = false;
    }

    /** One-way: there is no way back, so last year's owners cannot regain access through the group. */
    public void archive() {
        this.archived = true;
    }

    /**
     * @throws RosterException SYLLABUS_ONLY_FOR_TEACHING_GROUP for a mentor group, DIFFERENT_TENANT for a
     *                         syllabus of another organisation, GROUP_ARCHIVED for an archived group
     */
    public void linkSyllabus(Syllabus newSyllabus) {
        Require.present(newSyllabus, "syllabus");
        requireNotArchived();
        if (kind != GroupKind.TEACHING) {
            throw RosterException.of(RosterError.SYLLABUS_ONLY_FOR_TEACHING_GROUP, "group", name);
        }
        Require.sameTenant(tenant, name, newSyllabus.tenant(), newSyllabus.code());
        this.syllabus = newSyllabus;
    }

    public void unlinkSyllabus() {
        requireNotArchived();
        this.syllabus = null;
    }

    public void rename(String newName) {
        requireNotArchived();
        this.name = Require.text(newName, "name", 200);
    }

    /** Records the group's id in the student register, or clears it with {@code null}. */
    public void recordExternalId(String newExternalId) {
        this.externalId = Require.optionalText(newExternalId, "externalId", 100);
    }

    /** Records which Microsoft group or Team this group mirrors, or clears it with {@code null}. */
    public void linkMicrosoftGroup(String newMicrosoftGroupId) {
        this.microsoftGroupId = Require.optionalText(newMicrosoftGroupId, "microsoftGroupId", 100);
    }

    private void requireNotArchived() {
        if (archived) {
            throw RosterException.of(RosterError.GROUP_ARCHIVED, "group", name);
        }
    }
}
