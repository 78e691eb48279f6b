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
 * A person's place in a group for a period, as owner (teachers) or member (students). Ending a
 * membership keeps the row, so that history and audit can still tell who was in the group when.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "membership")
public class Membership extends RosterEntity {

    // Kept with the row so that the database itself refuses a membership across organisations.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id", nullable = false, updatable = false)
    private StudyGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", nullable = false, updatable = false)
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false, length = 20)
    private MembershipRole role;

    @Embedded
    private Validity validity;

    /** For JPA only. */
    protected Membership() {
    }

    /**
     * @param id the id to use, or {@code null} for a new random one
     * @throws RosterException DIFFERENT_TENANT if the person belongs to another organisation than the group
     */
    public Membership(UUID id, StudyGroup group, Person person, MembershipRole role, Validity validity) {
        super(id);
        this.group = Require.present(group, "group");
        this.person = Require.present(person, "person");
        this.role = Require.present(role, "role");
        this.validity = Require.present(validity, "validity");
        Require.sameTenant(person.tenant(), person.displayName(), group.tenant(), group.name());
        this.tenant = group.tenant();
    }

    public Tenant tenant() {
        return tenant;
    }

    public StudyGroup group() {
        return group;
    }

    public Person person() {
        return person;
    }

    public MembershipRole role() {
        return role;
    }

    public Validity validity() {
        return validity;
    }

    public boolean isActiveOn(LocalDate date) {
        return validity.isActiveOn(date);
    }

    /** @param lastDay the last day on which the person is still in the group */
    public void endOn(LocalDate lastDay) {
        this.validity = validity.endingOn(lastDay);
    }
}
