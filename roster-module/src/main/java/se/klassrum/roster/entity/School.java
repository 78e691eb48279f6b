package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A school unit (skolenhet). Every group belongs to exactly one school; people may have roles at many. */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "school")
public class School extends RosterEntity {

    private static final Pattern SCHOOL_UNIT_CODE = Pattern.compile("\\d{8}");

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "school_unit_code", length = 8)
    private String schoolUnitCode;

    @Column(name = "external_id", length = 100)
    private String externalId;

    /** For JPA only. */
    protected School() {
    }

    /**
     * @param id             the id to use, or {@code null} for a new random one
     * @param schoolUnitCode the skolenhetskod from Skolverket's register (eight digits), or {@code null}
     * @param externalId     the school's id in the student register, or {@code null} for a school made by hand
     */
    public School(UUID id, Tenant tenant, String name, String schoolUnitCode, String externalId) {
        super(id);
        this.tenant = Require.present(tenant, "tenant");
        this.name = Require.text(name, "name", 200);
        this.schoolUnitCode = validSchoolUnitCode(schoolUnitCode);
        this.externalId = Require.optionalText(externalId, "externalId", 100);
    }

    public Tenant tenant() {
        return tenant;
    }

    public String name() {
        return name;
    }

    public Optional<String> schoolUnitCode() {
        return Optional.ofNullable(schoolUnitCode);
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    /** The skolenhetskod the student register gives the school unit now; {@code null} removes it. */
    public void recode(String code) {
        this.schoolUnitCode = validSchoolUnitCode(code);
    }

    public void rename(String newName) {
        this.name = Require.text(newName, "name", 200);
    }

    private static String validSchoolUnitCode(String code) {
        String trimmed = Require.optionalText(code, "schoolUnitCode", 8);
        if (trimmed != null && !SCHOOL_UNIT_CODE.matcher(trimmed).matches()) {
            throw RosterException.of(RosterError.INVALID_SCHOOL_UNIT_CODE, "schoolUnitCode", code);
        }
        return trimmed;
    }
}
