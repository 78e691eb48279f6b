package se.klassrum.guardian.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.roster.boundary.RosterAdministration;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.Person;

import java.util.List;
import java.util.UUID;

/**
 * What the school or organiser administers about guardians: whether e-mail and identity-provider sign-in
 * are on for the organisation, each guardian's logins, and a guardian link reactivated after the child
 * turned 18 (audited, since it gives a guardian access to an adult's information again). Only for school
 * administrators of the tenant and integrations holding {@value #PERMISSION}.
 */
@ApplicationScoped
@Transactional
@NoStudentData("administers guardian sign-in and links of the caller's own organisation; authorised by Administrators "
        + "and audited; returns no student data")
public class GuardianAdministration {

    public static final String PERMISSION = "GuardianLogin.ReadWrite.All";

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    Administrators administrators;

    @Inject
    GuardianLoginPolicies policies;

    @Inject
    AccessGuard guard;

    @Inject
    AuditLog audit;

    @Inject
    RosterAdministration roster;

    public LoginPolicy setPolicy(boolean emailEnabled, boolean idpEnabled) {
        UUID tenant = administrators.requireAdministrator(PERMISSION);
        policies.setEmailLogin(tenant, emailEnabled);
        return policies.setIdpLogin(tenant, idpEnabled);
    }

    public LoginPolicy policy() {
        return policies.policyOf(administrators.requireAdministrator(PERMISSION));
    }

    /**
     * Gives a guardian of the caller's organisation a login: an e-mail address, or an identity provider's
     * subject. Refused with a clear message when the same login exists or the address is malformed.
     */
    public UUID addLogin(UUID guardianId, GuardianLoginMethod method, String subject) {
        UUID tenant = administrators.requireAdministrator(PERMISSION);
        Person guardian = guardianId == null ? null : em.find(Person.class, guardianId);
        if (guardian == null || !guardian.tenant().id().equals(tenant)) {
            throw new StudentDataNotFoundException();
        }
        return roster.addGuardianLogin(null, guardianId, method, subject);
    }

    /** Switches one guardian login on or off; a login switched off signs nobody in from the next request. */
    public void setLoginEnabled(UUID loginId, boolean enabled) {
        UUID tenant = administrators.requireAdministrator(PERMISSION);
        GuardianLogin login = loginId == null ? null : em.find(GuardianLogin.class, loginId);
        if (login == null || !login.tenant().id().equals(tenant)) {
            throw new StudentDataNotFoundException();
        }
        if (enabled) {
            login.enable();
        } else {
            login.disable();
        }
    }

    /** Lets a guardian link continue after the child turned 18; written to the child's audit log. */
    public void reactivateAfterMajority(UUID linkId) {
        UUID tenant = administrators.requireAdministrator(PERMISSION);
        GuardianLink link = linkId == null ? null : em.find(GuardianLink.class, linkId);
        if (link == null || !link.tenant().id().equals(tenant)) {
            throw new StudentDataNotFoundException();
        }
        link.reactivateAfterMajority();
        em.flush();
        Actor admin = guard.currentActor();
        audit.record(guard.record(AuditRecord.Purpose.ADMINISTRATION, admin, tenant, "GUARDIAN_LINK",
                "REACTIVATE_AFTER_MAJORITY", link.child().id(), null, true, List.of()));
    }
}
