package se.klassrum.guardian.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.guardian.entity.GuardianLoginPolicy;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.Tenant;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Each organiser's choice of how its guardians may sign in: by e-mail code, through an identity provider, both
 * or neither. Both are allowed until an organiser says otherwise. A change holds from the very next sign-in.
 */
@ApplicationScoped
@Transactional
@NoStudentData("an organiser's setting for guardian sign-in; reveals no student data. An endpoint that changes it "
        + "must first authorise an administrator of the tenant")
public class GuardianLoginPolicies {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected GuardianLoginPolicies() {
    }

    /** For tests outside a container, which must then begin and end the transactions themselves. */
    GuardianLoginPolicies(EntityManager em) {
        this.em = em;
    }

    /** @throws RosterException UNKNOWN_TENANT */
    public LoginPolicy policyOf(UUID tenantId) {
        requireTenant(tenantId);
        GuardianLoginPolicy policy = em.find(GuardianLoginPolicy.class, tenantId);
        return view(policy == null ? new GuardianLoginPolicy(tenantId) : policy);
    }

    /** Whether the organiser lets its guardians sign in with a login of this method. */
    public boolean allows(UUID tenantId, GuardianLoginMethod method) {
        LoginPolicy policy = policyOf(tenantId);
        return switch (java.util.Objects.requireNonNull(method, "method")) {
            case EMAIL -> policy.emailEnabled();
            case IDP -> policy.idpEnabled();
        };
    }

    /** @throws RosterException UNKNOWN_TENANT */
    public LoginPolicy setEmailLogin(UUID tenantId, boolean enabled) {
        return change(tenantId, policy -> policy.setEmailEnabled(enabled));
    }

    /** @throws RosterException UNKNOWN_TENANT */
    public LoginPolicy setIdpLogin(UUID tenantId, boolean enabled) {
        return change(tenantId, policy -> policy.setIdpEnabled(enabled));
    }

    private LoginPolicy change(UUID tenantId, Consumer<GuardianLoginPolicy> change) {
        requireTenant(tenantId);
        GuardianLoginPolicy policy = em.find(GuardianLoginPolicy.class, tenantId);
        if (policy == null) {
            policy = new GuardianLoginPolicy(tenantId);
            em.persist(policy);
        }
        change.accept(policy);
        em.flush();
        return view(policy);
    }

    private void requireTenant(UUID tenantId) {
        if (tenantId == null || em.find(Tenant.class, tenantId) == null) {
            throw RosterException.of(RosterError.UNKNOWN_TENANT, "id", tenantId);
        }
    }

    private static LoginPolicy view(GuardianLoginPolicy policy) {
        return new LoginPolicy(policy.tenantId(), policy.emailEnabled(), policy.idpEnabled());
    }
}
