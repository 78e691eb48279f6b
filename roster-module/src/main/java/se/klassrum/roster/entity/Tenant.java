package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.util.UUID;

/** A school organiser (huvudman) and its Microsoft environment; nothing is ever shared across tenants. */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "tenant")
public class Tenant extends RosterEntity {

    @Column(name = "entra_tenant_id", nullable = false, updatable = false)
    private UUID entraTenantId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** For JPA only. */
    protected Tenant() {
    }

    /** @param id the id to use, or {@code null} for a new random one */
    public Tenant(UUID id, UUID entraTenantId, String name) {
        super(id);
        this.entraTenantId = Require.present(entraTenantId, "entraTenantId");
        this.name = Require.text(name, "name", 200);
    }

    /** The tenant id claim ({@code tid}) in tokens from this organisation's Entra ID. */
    public UUID entraTenantId() {
        return entraTenantId;
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        this.name = Require.text(newName, "name", 200);
    }
}
