package se.klassrum.guardian.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.UuidColumns;

import java.util.Objects;
import java.util.UUID;

/**
 * Which ways of signing in to the guardian portal an organiser (tenant) allows. A tenant without a row allows
 * both, so that a new organiser works out of the box; switching a method off here stops it for every guardian of
 * the tenant, whatever their own logins say, from the very next request.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "guardian_login_policy")
public class GuardianLoginPolicy {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    // Two admins changing the policy at once must not overwrite each other silently.
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "email_enabled", nullable = false)
    private boolean emailEnabled = true;

    @Column(name = "idp_enabled", nullable = false)
    private boolean idpEnabled = true;

    /** For JPA only. */
    protected GuardianLoginPolicy() {
    }

    /** A tenant's policy as it is without a row: both methods allowed. */
    public GuardianLoginPolicy(UUID tenantId) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    }

    public UUID tenantId() {
        return tenantId;
    }

    public long version() {
        return version;
    }

    public boolean emailEnabled() {
        return emailEnabled;
    }

    public boolean idpEnabled() {
        return idpEnabled;
    }

    /** Whether guardians of the tenant may sign in with a login of this method. */
    public boolean allows(GuardianLoginMethod method) {
        return switch (Objects.requireNonNull(method, "method")) {
            case EMAIL -> emailEnabled;
            case IDP -> idpEnabled;
        };
    }

    public void setEmailEnabled(boolean enabled) {
        this.emailEnabled = enabled;
    }

    public void setIdpEnabled(boolean enabled) {
        this.idpEnabled = enabled;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GuardianLoginPolicy policy && tenantId != null && tenantId.equals(policy.tenantId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(tenantId);
    }

    @Override
    public String toString() {
        return "GuardianLoginPolicy[" + tenantId + ", email=" + emailEnabled + ", idp=" + idpEnabled + "]";
    }
}
