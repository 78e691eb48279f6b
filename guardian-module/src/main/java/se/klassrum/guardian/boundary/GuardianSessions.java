package se.klassrum.guardian.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.guardian.control.GuardianOnly;
import se.klassrum.guardian.entity.GuardianSession;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions of signed-in guardians: a random token for the guardian's cookie, its hash in the database.
 * A session only says who the guardian is; what they may see is decided by the access rules on every
 * request, so a link or login that ends takes effect at once even inside a session.
 * <p>
 * A session is opened only for a person who is a guardian and nothing else ({@link GuardianOnly}), and holds
 * only while its login is enabled, the organiser allows the login's method and the person is still only a
 * guardian: every request checks all three. Disabling a login or switching a method off also ends the open
 * sessions for good ({@link #endSessionsOfLogin}, {@link #endSessionsOf}), so switching back on revives none.
 */
@ApplicationScoped
@Transactional
@NoStudentData("signs guardians in and out; says who the caller is, reveals no student data")
public class GuardianSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "klassrum.guardian.session-hours", defaultValue = "8")
    int sessionHours;

    @Inject
    GuardianLoginPolicies policies;

    private final Clock clock = Clock.systemUTC();

    /** A session of its own lifetime; the token is what the guardian's cookie carries. */
    public record OpenedSession(String token, Duration lifetime) {
    }

    /** @throws NotSignedInException when the login may not open a guardian session (see {@link #mayHoldSession}) */
    public OpenedSession open(GuardianSignIn signIn) {
        if (!mayHoldSession(signIn.loginId(), signIn.personId(), signIn.tenantId())) {
            throw new NotSignedInException("Not signed in");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = now();
        Duration lifetime = Duration.ofHours(sessionHours);
        em.persist(new GuardianSession(hash(token), signIn.personId(), signIn.tenantId(), signIn.loginId(), now,
                now.plus(lifetime)));
        return new OpenedSession(token, lifetime);
    }

    /** The guardian of an open session, or empty for an unknown, ended or expired token. */
    public Optional<Actor.Person> guardianOf(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return em.createQuery("select s from GuardianSession s where s.tokenHash = :hash", GuardianSession.class)
                .setParameter("hash", hash(token))
                .getResultStream()
                .filter(session -> session.isOpenAt(now))
                .filter(session -> mayHoldSession(session.loginId(), session.personId(), session.tenantId()))
                .findFirst()
                .map(session -> Actor.guardian(session.personId(), session.tenantId()));
    }

    /**
     * The guardian named by an identity provider's subject in a token: the person of an enabled IdP login of the
     * tenant whose organiser allows IdP sign-in and who is a guardian and nothing else; else empty.
     */
    public Optional<UUID> guardianOfIdpSubject(UUID tenantId, String subject) {
        if (tenantId == null || subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select l from GuardianLogin l where l.tenant.id = :tenant and l.method = :method "
                        + "and l.subject = :subject", GuardianLogin.class)
                .setParameter("tenant", tenantId)
                .setParameter("method", GuardianLoginMethod.IDP)
                .setParameter("subject", subject)
                .getResultStream()
                .filter(login -> mayHoldSession(login.id(), login.guardian().id(), tenantId))
                .map(login -> login.guardian().id())
                .findFirst();
    }

    /**
     * Whether a session of this login may be open: the login exists, belongs to the person and the tenant, is
     * enabled, its method is allowed by the organiser, and the person is a guardian and nothing else.
     */
    boolean mayHoldSession(UUID loginId, UUID personId, UUID tenantId) {
        GuardianLogin login = loginId == null ? null : em.find(GuardianLogin.class, loginId);
        return login != null
                && login.isActive()
                && login.guardian().id().equals(personId)
                && login.tenant().id().equals(tenantId)
                && policies.allows(tenantId, login.method())
                && GuardianOnly.isGuardianOnly(em, personId, GuardianOnly.today());
    }

    /** Ends every open session of the login at once (the login was disabled). */
    public int endSessionsOfLogin(UUID loginId) {
        return endAll(em.createQuery("select s from GuardianSession s where s.loginId = :login and s.endedAt is null",
                        GuardianSession.class)
                .setParameter("login", loginId)
                .getResultList());
    }

    /** Ends every open session of the tenant's logins of that method at once (the organiser switched it off). */
    public int endSessionsOf(UUID tenantId, GuardianLoginMethod method) {
        List<UUID> logins = em.createQuery("select l.id from GuardianLogin l where l.tenant.id = :tenant and l.method = :method",
                        UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("method", method)
                .getResultList();
        int ended = 0;
        for (UUID login : logins) {
            ended += endSessionsOfLogin(login);
        }
        return ended;
    }

    private int endAll(List<GuardianSession> sessions) {
        OffsetDateTime now = now();
        sessions.forEach(session -> session.end(now));
        return sessions.size();
    }

    public void close(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        OffsetDateTime now = now();
        em.createQuery("select s from GuardianSession s where s.tokenHash = :hash", GuardianSession.class)
                .setParameter("hash", hash(token))
                .getResultStream()
                .forEach(session -> session.end(now));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
