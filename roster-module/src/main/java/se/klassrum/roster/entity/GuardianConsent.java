package se.klassrum.roster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * An adult student's consent that a guardian keeps access after the student's 18th birthday (TRANSITIONS.md, A2),
 * as the school recorded it: for which link (and so which guardian), the day the student consented, when and by whom
 * it was recorded, and when and by whom it was withdrawn. A link has at most one, ever: a withdrawn consent stays, so
 * that no later consent revives the link. Made only through {@link GuardianLink#recordConsent}.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "guardian_consent")
public class GuardianConsent extends RosterEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "link_id", nullable = false, updatable = false)
    private GuardianLink link;

    @Column(name = "consent_date", updatable = false)
    private LocalDate consentDate;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "recorded_by_id", updatable = false)
    private UUID recordedById;

    @Column(name = "recorded_by_application", updatable = false, length = 200)
    private String recordedByApplication;

    @Column(name = "withdrawn_at")
    private OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by_id")
    private UUID withdrawnById;

    @Column(name = "withdrawn_by_application", length = 200)
    private String withdrawnByApplication;

    @Column(name = "carried_over", nullable = false, updatable = false)
    private boolean carriedOver;

    /** For JPA only. */
    protected GuardianConsent() {
    }

    GuardianConsent(GuardianLink link, LocalDate consentDate, OffsetDateTime recordedAt, Recorder recordedBy) {
        super(null);
        this.link = link;
        this.tenant = link.tenant();
        this.consentDate = Require.present(consentDate, "consentDate");
        this.recordedAt = Require.present(recordedAt, "recordedAt");
        this.recordedById = Require.present(recordedBy, "recordedBy").personId();
        this.recordedByApplication = recordedBy.application();
    }

    /**
     * Who records or withdraws a consent: a school administrator (a person) or an integration (its client id).
     */
    public record Recorder(UUID personId, String application) {
        public Recorder {
            if ((personId == null) == (application == null)) {
                throw new IllegalArgumentException("a person or an application, one of them");
            }
        }

        public static Recorder person(UUID personId) {
            return new Recorder(personId, null);
        }

        public static Recorder application(String clientId) {
            return new Recorder(null, clientId);
        }
    }

    public GuardianLink link() {
        return link;
    }

    /** The day the student consented; empty for a consent carried over from an earlier "continues after majority". */
    public Optional<LocalDate> consentDate() {
        return Optional.ofNullable(consentDate);
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    /** The school administrator who recorded it; empty for an integration or a consent carried over. */
    public Optional<UUID> recordedById() {
        return Optional.ofNullable(recordedById);
    }

    public Optional<String> recordedByApplication() {
        return Optional.ofNullable(recordedByApplication);
    }

    public Optional<OffsetDateTime> withdrawnAt() {
        return Optional.ofNullable(withdrawnAt);
    }

    public Optional<UUID> withdrawnById() {
        return Optional.ofNullable(withdrawnById);
    }

    public Optional<String> withdrawnByApplication() {
        return Optional.ofNullable(withdrawnByApplication);
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** Carried over by migration V38 from an administrator's earlier "reactivate after majority". */
    public boolean isCarriedOver() {
        return carriedOver;
    }

    void withdraw(OffsetDateTime at, Recorder by) {
        this.withdrawnAt = Require.present(at, "withdrawnAt");
        this.withdrawnById = Require.present(by, "withdrawnBy").personId();
        this.withdrawnByApplication = by.application();
    }
}
