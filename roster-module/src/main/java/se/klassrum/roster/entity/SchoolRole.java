package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a person is at one school for a period (teacher, mentor, student, ...). A person may hold several
 * roles at several schools; when a student changes school, the old role ends and a new one begins.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "school_role")
public class SchoolRole extends RosterEntity {

    // Kept with the row so that the database itself refuses a role across organisations.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", nullable = false, updatable = false)
    private Person person;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id", nullable = false, updatable = false)
    private School school;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false, length = 20)
    private RoleKind role;

    @Embedded
    private Validity validity;

    /** For JPA only. */
    protected SchoolRole() {
    }

    /** @param id the id to use, or {@code null} for a new random one */
    public SchoolRole(UUID id, Person person, School school, RoleKind role, Validity validity) {
        super(id);
        this.person = Require.present(person, "person");
        this.school = Require.present(school, "school");
        this.role = Require.present(role, "role");
        this.validity = Require.present(validity, "validity");
        Require.sameTenant(person.tenant(), person.displayName(), school.tenant(), school.name());
        this.tenant = school.tenant();
    }

    public Tenant tenant() {
        return tenant;
    }

    public Person person() {
        return person;
    }

    public School school() {
        return school;
    }

    public RoleKind role() {
        return role;
    }

    public Validity validity() {
        return validity;
    }

    public boolean isActiveOn(LocalDate date) {
        return validity.isActiveOn(date);
    }

    /** @param lastDay the last day on which the person still holds the role */
    public void endOn(LocalDate lastDay) {
        this.validity = validity.endingOn(lastDay);
    }
}
