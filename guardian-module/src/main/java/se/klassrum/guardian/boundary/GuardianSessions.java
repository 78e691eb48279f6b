package se.klassrum.guardian.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.guardian.entity.GuardianSession;

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
import java.util.Optional;

/**
 * Sessions of signed-in guardians: a random token for the guardian's cookie, its hash in the database.
 * A session only says who the guardian is; what they may see is decided by the access rules on every
 * request, so a link or login that ends takes effect at once even inside a session.
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

    private final Clock clock = Clock.systemUTC();

    /** A session of its own lifetime; the token is what the guardian's cookie carries. */
    public record OpenedSession(String token, Duration lifetime) {
    }

    public OpenedSession open(GuardianSignIn signIn) {
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
                .findFirst()
                .map(session -> Actor.person(session.personId(), session.tenantId()));
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
