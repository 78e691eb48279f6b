package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.util.UUID;

/** A syllabus (kursplan) with its course code, e.g. MATMAT01c, belonging to one subject. */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "syllabus")
public class Syllabus extends RosterEntity {

    // Stored although the subject already knows it: course codes are unique per organisation.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_id", nullable = false, updatable = false)
    private Subject subject;

    @Column(name = "code", nullable = false, length = 30)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** For JPA only. */
    protected Syllabus() {
    }

    /**
     * @param id   the id to use, or {@code null} for a new random one
     * @param code the course code, e.g. "MATMAT01c"; unique within the organisation
     */
    public Syllabus(UUID id, Subject subject, String code, String name) {
        super(id);
        this.subject = Require.present(subject, "subject");
        this.tenant = subject.tenant();
        this.code = Require.text(code, "code", 30);
        this.name = Require.text(name, "name", 200);
    }

    public Tenant tenant() {
        return tenant;
    }

    public Subject subject() {
        return subject;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }
}
