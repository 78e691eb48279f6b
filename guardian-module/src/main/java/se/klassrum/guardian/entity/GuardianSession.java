package se.klassrum.guardian.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.UuidColumns;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A guardian's signed-in session. The token itself is only in the guardian's cookie; the row keeps its
 * SHA-256, so a copy of the database signs nobody in.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "guardian_session")
public class GuardianSession extends RosterEntity {

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "person_id", nullable = false, updatable = false)
    private UUID personId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "login_id", nullable = false, updatable = false)
    private UUID loginId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    /** For JPA only. */
    protected GuardianSession() {
    }

    public GuardianSession(String tokenHash, UUID personId, UUID tenantId, UUID loginId, OffsetDateTime createdAt,
                           OffsetDateTime expiresAt) {
        super(null);
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.personId = Objects.requireNonNull(personId, "personId");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.loginId = Objects.requireNonNull(loginId, "loginId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isOpenAt(OffsetDateTime now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    public void end(OffsetDateTime at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }

    public UUID personId() { return personId; }
    public UUID tenantId() { return tenantId; }
    public UUID loginId() { return loginId; }
    public OffsetDateTime expiresAt() { return expiresAt; }
}
