package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.util.UUID;

/** A school subject (ämne) such as MAT; a teacher's subject links decide who may write assessments. */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "subject")
public class Subject extends RosterEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @Column(name = "code", nullable = false, length = 30)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** For JPA only. */
    protected Subject() {
    }

    /**
     * @param id   the id to use, or {@code null} for a new random one
     * @param code the subject code, e.g. "MAT"; unique within the organisation
     */
    public Subject(UUID id, Tenant tenant, String code, String name) {
        super(id);
        this.tenant = Require.present(tenant, "tenant");
        this.code = Require.text(code, "code", 30);
        this.name = Require.text(name, "name", 200);
    }

    public Tenant tenant() {
        return tenant;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }
}
