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

/** A Microsoft 365 education licence held for a period; without one a person reaches no student data. */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "licence")
public class Licence extends RosterEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", nullable = false, updatable = false)
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 20)
    private LicenceKind kind;

    @Embedded
    private Validity validity;

    /** For JPA only. */
    protected Licence() {
    }

    /** @param id the id to use, or {@code null} for a new random one */
    public Licence(UUID id, Person person, LicenceKind kind, Validity validity) {
        super(id);
        this.person = Require.present(person, "person");
        this.kind = Require.present(kind, "kind");
        this.validity = Require.present(validity, "validity");
    }

    public Person person() {
        return person;
    }

    public LicenceKind kind() {
        return kind;
    }

    public Validity validity() {
        return validity;
    }

    public boolean isActiveOn(LocalDate date) {
        return validity.isActiveOn(date);
    }

    /** @param lastDay the last day on which the licence still holds */
    public void endOn(LocalDate lastDay) {
        this.validity = validity.endingOn(lastDay);
    }
}
