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

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A guardian's login to the guardian portal, through an identity provider or by e-mail, administered by
 * the school or organiser. Without an active one a guardian reaches nothing (GUARDIAN_LOGIN), whatever
 * their guardian links say. A login is switched off rather than deleted, so that the audit log can still
 * tell which login a guardian used.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "guardian_login")
public class GuardianLogin extends RosterEntity {

    /** Long enough for any e-mail address; an OpenID Connect subject is at most 255 characters. */
    public static final int MAX_SUBJECT_LENGTH = 320;

    // Deliberately loose: the portal proves the address by sending to it; this only stops obvious mistakes
    // such as a name typed into the address field. The same pattern is the database's check.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    // Kept with the row so that a subject is unique per organisation and the database refuses a login
    // for a person of another organisation.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "guardian_id", nullable = false, updatable = false)
    private Person guardian;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, updatable = false, length = 20)
    private GuardianLoginMethod method;

    @Column(name = "subject", nullable = false, updatable = false, length = MAX_SUBJECT_LENGTH)
    private String subject;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    /** For JPA only. */
    protected GuardianLogin() {
    }

    /**
     * A new login is enabled.
     *
     * @param id      the id to use, or {@code null} for a new random one
     * @param subject the identity provider's subject claim, or the e-mail address; an address is stored in
     *                lower case, because mail systems treat it so and a second login must not differ only in case
     * @throws RosterException INVALID_EMAIL for an e-mail login whose subject is not an address
     */
    public GuardianLogin(UUID id, Person guardian, GuardianLoginMethod method, String subject) {
        super(id);
        this.guardian = Require.present(guardian, "guardian");
        this.method = Require.present(method, "method");
        this.subject = normalised(method, Require.text(subject, "subject", MAX_SUBJECT_LENGTH));
        this.tenant = guardian.tenant();
    }

    public Tenant tenant() {
        return tenant;
    }

    public Person guardian() {
        return guardian;
    }

    public GuardianLoginMethod method() {
        return method;
    }

    public String subject() {
        return subject;
    }

    /** Whether the guardian can sign in with it, which is what GUARDIAN_LOGIN asks. */
    public boolean isActive() {
        return enabled;
    }

    public void enable() {
        this.enabled = true;
    }

    /** Takes effect for the guardian's very next request: decisions read this, never a session. */
    public void disable() {
        this.enabled = false;
    }

    private static String normalised(GuardianLoginMethod method, String subject) {
        if (method != GuardianLoginMethod.EMAIL) {
            // IdP subjects are opaque and case-sensitive.
            return subject;
        }
        String address = subject.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches()) {
            throw RosterException.of(RosterError.INVALID_EMAIL, "email", subject);
        }
        return address;
    }
}
