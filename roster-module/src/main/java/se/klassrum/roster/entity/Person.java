package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Anyone the roster knows: staff, students and guardians alike. What a person may do follows from their
 * licences, school roles, memberships and guardian links, never from a type of person.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "person")
public class Person extends RosterEntity {

    /** Swedish age of majority; a guardian link ends on the child's 18th birthday. */
    public static final int AGE_OF_MAJORITY = 18;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @Column(name = "external_id", nullable = false, length = 100)
    private String externalId;

    @Column(name = "entra_object_id")
    private UUID entraObjectId;

    @Column(name = "given_name", nullable = false, length = 100)
    private String givenName;

    @Column(name = "family_name", nullable = false, length = 100)
    private String familyName;

    @Column(name = "email", length = 320)
    private String email;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "security_marking", nullable = false, length = 30)
    private SecurityMarking securityMarking = SecurityMarking.NONE;

    /** For JPA only. */
    protected Person() {
    }

    /**
     * @param id         the id to use, or {@code null} for a new random one
     * @param externalId the person's id in the student register
     */
    public Person(UUID id, Tenant tenant, String externalId, String givenName, String familyName) {
        super(id);
        this.tenant = Require.present(tenant, "tenant");
        this.externalId = Require.text(externalId, "externalId", 100);
        this.givenName = Require.text(givenName, "givenName", 100);
        this.familyName = Require.text(familyName, "familyName", 100);
    }

    public Tenant tenant() {
        return tenant;
    }

    public String externalId() {
        return externalId;
    }

    /** The person's object id ({@code oid}) in Entra ID; guardians usually have none. */
    public Optional<UUID> entraObjectId() {
        return Optional.ofNullable(entraObjectId);
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public String displayName() {
        return givenName + " " + familyName;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    public SecurityMarking securityMarking() {
        return securityMarking;
    }

    /** Sekretessmarkering or skyddad folkbokföring: never show this person outside the access paths. */
    public boolean isProtectedIdentity() {
        return securityMarking.isProtected();
    }

    /**
     * Whether the person is under 18 on the given day (the 18th birthday is the first adult day).
     * <p>
     * An unknown birth date counts as minor. The only rule that reads this is the end of guardian links
     * at 18: with no birth date we cannot know that the link has ended, so it stays as the student
     * register states it, and ending it is left to the register or an admin. Treating the unknown as adult
     * would silently cut every guardian off from a child whose birth date was never synced.
     */
    public boolean isMinorOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return birthDate == null || date.isBefore(birthDate.plusYears(AGE_OF_MAJORITY));
    }

    public void rename(String newGivenName, String newFamilyName) {
        this.givenName = Require.text(newGivenName, "givenName", 100);
        this.familyName = Require.text(newFamilyName, "familyName", 100);
    }

    /** Links the person to their Entra ID account, or unlinks it with {@code null}. */
    public void linkEntraAccount(UUID objectId) {
        this.entraObjectId = objectId;
    }

    public void changeEmail(String newEmail) {
        this.email = Require.optionalText(newEmail, "email", 320);
    }

    public void recordBirthDate(LocalDate date) {
        this.birthDate = date;
    }

    public void changeSecurityMarking(SecurityMarking marking) {
        this.securityMarking = Require.present(marking, "securityMarking");
    }
}
