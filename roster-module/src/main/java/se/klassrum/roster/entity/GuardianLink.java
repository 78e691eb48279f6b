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
 * A guardian's relation to a child (SS 12000). The link gives access only while it is active, valid on
 * the day, and the child is under 18, unless an admin decided that it continues after the 18th birthday.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "guardian_link")
public class GuardianLink extends RosterEntity {

    // Kept with the row so that the database itself refuses a link across organisations.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "guardian_id", nullable = false, updatable = false)
    private Person guardian;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child_id", nullable = false, updatable = false)
    private Person child;

    @Enumerated(EnumType.STRING)
    @Column(name = "relation", nullable = false, updatable = false, length = 30)
    private GuardianRelation relation;

    @Embedded
    private Validity validity;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "continues_after_majority", nullable = false)
    private boolean continuesAfterMajority;

    /** For JPA only. */
    protected GuardianLink() {
    }

    /**
     * A new link is active and ends at the child's 18th birthday.
     *
     * @param id the id to use, or {@code null} for a new random one
     * @throws RosterException GUARDIAN_IS_CHILD, or DIFFERENT_TENANT if the two belong to different organisations
     */
    public GuardianLink(UUID id, Person guardian, Person child, GuardianRelation relation, Validity validity) {
        super(id);
        this.guardian = Require.present(guardian, "guardian");
        this.child = Require.present(child, "child");
        this.relation = Require.present(relation, "relation");
        this.validity = Require.present(validity, "validity");
        if (guardian.equals(child)) {
            throw RosterException.of(RosterError.GUARDIAN_IS_CHILD, "person", guardian.displayName());
        }
        Require.sameTenant(guardian.tenant(), guardian.displayName(), child.tenant(), child.displayName());
        this.tenant = child.tenant();
    }

    public Tenant tenant() {
        return tenant;
    }

    public Person guardian() {
        return guardian;
    }

    public Person child() {
        return child;
    }

    public GuardianRelation relation() {
        return relation;
    }

    public Validity validity() {
        return validity;
    }

    /** Whether an admin has switched the link off or on; see {@link #isActiveOn} for whether it gives access. */
    public boolean isActive() {
        return active;
    }

    public boolean continuesAfterMajority() {
        return continuesAfterMajority;
    }

    /** Whether the link gives the guardian access to the child on the given day. */
    public boolean isActiveOn(LocalDate date) {
        return active && validity.isActiveOn(date) && (child.isMinorOn(date) || continuesAfterMajority);
    }

    /** Also withdraws any decision to continue after 18, so that switching it on again is a new decision. */
    public void deactivate() {
        this.active = false;
        this.continuesAfterMajority = false;
    }

    /** Switches a deactivated link on again; it still ends at the child's 18th birthday. */
    public void reactivate() {
        this.active = true;
    }

    /** An admin's decision that the link holds on after the child has turned 18. */
    public void reactivateAfterMajority() {
        this.active = true;
        this.continuesAfterMajority = true;
    }

    /** @param lastDay the last day on which the link holds */
    public void endOn(LocalDate lastDay) {
        this.validity = validity.endingOn(lastDay);
    }
}
