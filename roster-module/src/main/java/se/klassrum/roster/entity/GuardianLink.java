package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A guardian's relation to a child (SS 12000). The link gives access only while it is active, valid on
 * the day, and the child is under 18 (A1), unless the adult student consented to it continuing and the school
 * recorded that consent (A2, {@link GuardianConsent}); a withdrawn consent ends it for good.
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

    @OneToOne(mappedBy = "link", fetch = FetchType.LAZY)
    private GuardianConsent consent;

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

    /** The adult student's consent to the link continuing, recorded or withdrawn; empty when none was recorded. */
    public Optional<GuardianConsent> consent() {
        return Optional.ofNullable(consent);
    }

    /** Whether a consent is recorded and not withdrawn. */
    public boolean hasConsent() {
        return consent != null && !consent.isWithdrawn();
    }

    /**
     * Whether the link gives the guardian access to the child on the given day: switched on, within its dates, never
     * ended by a withdrawn consent, and the child under 18 (an unknown birth date counts as under 18, A3) or
     * consenting.
     */
    public boolean isActiveOn(LocalDate date) {
        return isSwitchedOnOn(date) && (consent == null || !consent.isWithdrawn())
                && (child.isMinorOn(date) || hasConsent());
    }

    /** Switched on and within its dates, whatever the child's age: what a consent needs. */
    public boolean isSwitchedOnOn(LocalDate date) {
        return active && validity.isActiveOn(date);
    }

    /** Switches the link off; a recorded consent stays with it and counts again if it is switched on. */
    public void deactivate() {
        this.active = false;
    }

    /** Switches a deactivated link on again; it still ends at the child's 18th birthday unless the student consented. */
    public void reactivate() {
        this.active = true;
    }

    /**
     * Records the adult student's consent that the guardian keeps access (A2): refused after a withdrawal (for good),
     * when a consent is recorded already, without a known birth date, before the 18th birthday, for a link that is
     * not switched on today, and for a consent date before the 18th birthday or after today.
     *
     * @return the new consent, for the caller to persist
     * @throws RosterException with one of the CONSENT_ codes
     */
    public GuardianConsent recordConsent(LocalDate consentDate, LocalDate today, OffsetDateTime at,
                                         GuardianConsent.Recorder by) {
        if (consent != null) {
            throw refusal(consent.isWithdrawn() ? RosterError.CONSENT_WITHDRAWN : RosterError.CONSENT_ALREADY_RECORDED);
        }
        LocalDate birthDate = child.birthDate().orElse(null);
        if (birthDate == null) {
            throw refusal(RosterError.CONSENT_BIRTH_DATE_UNKNOWN);
        }
        LocalDate birthday = birthDate.plusYears(Person.AGE_OF_MAJORITY);
        if (child.isMinorOn(today)) {
            throw RosterException.of(RosterError.CONSENT_BEFORE_MAJORITY, "child", child.displayName(), "birthday", birthday);
        }
        if (!isSwitchedOnOn(today)) {
            throw refusal(RosterError.CONSENT_LINK_NOT_ACTIVE);
        }
        if (consentDate == null) {
            throw RosterException.of(RosterError.VALUE_REQUIRED, "field", "consentDate");
        }
        if (consentDate.isBefore(birthday) || consentDate.isAfter(today)) {
            throw RosterException.of(RosterError.CONSENT_DATE_INVALID, "consentDate", consentDate, "birthday", birthday);
        }
        consent = new GuardianConsent(this, consentDate, at, by);
        return consent;
    }

    /**
     * Withdraws the student's consent: the link ends at once and for good (A2).
     *
     * @throws RosterException NO_CONSENT, or CONSENT_WITHDRAWN when it is withdrawn already
     */
    public GuardianConsent withdrawConsent(OffsetDateTime at, GuardianConsent.Recorder by) {
        if (consent == null) {
            throw refusal(RosterError.NO_CONSENT);
        }
        if (consent.isWithdrawn()) {
            throw refusal(RosterError.CONSENT_WITHDRAWN);
        }
        consent.withdraw(at, by);
        return consent;
    }

    private RosterException refusal(RosterError code) {
        return RosterException.of(code, "child", child.displayName(), "guardian", guardian.displayName());
    }

    /** @param lastDay the last day on which the link holds */
    public void endOn(LocalDate lastDay) {
        this.validity = validity.endingOn(lastDay);
    }
}
