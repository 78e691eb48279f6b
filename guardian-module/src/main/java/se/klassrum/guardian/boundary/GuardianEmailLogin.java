package se.klassrum.guardian.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.Config;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.guardian.control.AdvisoryLocks;
import se.klassrum.guardian.control.CodeMail;
import se.klassrum.guardian.control.CodeMailer;
import se.klassrum.guardian.control.EmailCodeSettings;
import se.klassrum.guardian.control.GuardianOnly;
import se.klassrum.guardian.control.Settings;
import se.klassrum.guardian.entity.EmailCodeRequest;
import se.klassrum.guardian.entity.EmailLoginCode;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A guardian signs in with a one-time code sent to the e-mail address of their e-mail login (GUARDIAN-LOGIN.md).
 * <ol>
 * <li>{@link #requestCode}: the guardian gives an address. If it is the subject of an enabled e-mail login and
 * the login's organiser allows e-mail sign-in, a random six-digit code is stored (as a salted hash) and mailed
 * once the transaction commits. The answer is the same whether or not that happened, and whether or not the
 * address has had its mails for the window; only the client's own rate limit can refuse.</li>
 * <li>{@link #verify}: the guardian gives the address and the code. It succeeds once per code, before the code
 * expires, while the login and the organiser still allow it, and only until too many wrong codes were tried.</li>
 * </ol>
 * Requests and verifications for one address take turns through a database lock, so the limits and the single
 * use hold on every node of a cluster.
 */
@ApplicationScoped
@Transactional
@NoStudentData("sign-in of guardians by a one-time code sent by e-mail; reads and writes logins and codes, "
        + "reveals no student data")
public class GuardianEmailLogin {

    private static final Logger LOG = Logger.getLogger(GuardianEmailLogin.class.getName());

    /** Expired and spent codes are kept this long after they expire, to explain a failed sign-in; then deleted. */
    static final Duration CODE_RETENTION = Duration.ofDays(1);

    /** The longest client identifier kept apart from others; a longer one is cut (it is only hashed anyway). */
    private static final int MAX_CLIENT_LENGTH = 1000;

    // As GuardianLogin checks an e-mail login's subject.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private static final String LIVE_LOGINS = "select l from GuardianLogin l "
            + "where l.method = :email and l.subject = :address and l.enabled = true "
            + "and not exists (select p from GuardianLoginPolicy p where p.tenantId = l.tenant.id and p.emailEnabled = false) "
            + "order by l.id";

    private static final String LIVE_CODES = "select c from EmailLoginCode c join c.login l "
            + "where l.method = :email and l.subject = :address and l.enabled = true "
            + "and c.usedAt is null and c.expiresAt > :now and c.attempts < :maxAttempts "
            + "and not exists (select p from GuardianLoginPolicy p where p.tenantId = l.tenant.id and p.emailEnabled = false) "
            + "order by c.createdAt, c.id";

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    Config config;

    @Inject
    Event<CodeMail> outgoing;

    private Clock clock = Clock.systemUTC();
    private EmailCodeSettings settings;
    private Consumer<CodeMail> post;

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected GuardianEmailLogin() {
    }

    /**
     * For tests outside a container, which must then begin and end the transactions themselves. The mail is sent
     * at once, inside the transaction, unless {@link #postWith} says otherwise.
     */
    GuardianEmailLogin(EntityManager em, Clock clock, EmailCodeSettings settings, CodeMailer mailer) {
        this.em = em;
        this.clock = clock;
        this.settings = settings;
        this.post = mailer::sendQuietly;
    }

    @PostConstruct
    void readSettings() {
        if (settings == null) {
            settings = EmailCodeSettings.from(Settings.of(config));
        }
        if (post == null) {
            // Observed by CodeDelivery after the commit, and sent on another thread.
            post = mail -> outgoing.fire(mail);
        }
    }

    /** For tests: what becomes of a mail, e.g. held until the test's transaction commits. */
    void postWith(Consumer<CodeMail> post) {
        this.post = Objects.requireNonNull(post, "post");
    }

    void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends a one-time code to the address if it has an enabled e-mail login, and answers the same either way.
     * <p>
     * The per-client limit is checked first and refuses that client only. The per-address limit caps the mails
     * to an address within the window, for every address, known or not: a request beyond it is answered like any
     * other and sends and counts nothing, so that nobody who knows an address can lock its owner out. An address with logins at several organisers gets one code per login, each
     * mail naming its organiser.
     *
     * @param emailAddress as the guardian typed it; case and surrounding spaces do not matter
     * @param client       who is asking, e.g. the IP address; only its SHA-256 is kept
     */
    public CodeRequestAnswer requestCode(String emailAddress, String client) {
        Optional<String> address = normalisedAddress(emailAddress);
        if (address.isEmpty()) {
            return CodeRequestAnswer.invalidAddress();
        }
        String clientKey = EmailCodeRequest.digest(normalisedClient(client));
        String addressKey = EmailCodeRequest.digest(address.get());
        // Client before address, everywhere: see AdvisoryLocks.
        AdvisoryLocks.lock(em, AdvisoryLocks.CLIENT, clientKey);
        AdvisoryLocks.lock(em, AdvisoryLocks.ADDRESS, addressKey);
        OffsetDateTime now = now();

        Optional<Duration> wait = limitReached("clientHash", clientKey, settings.maxPerClient(), now);
        if (wait.isPresent()) {
            LOG.log(Level.FINE, "Refused a sign-in code request: the client's limit is reached, retry after {0}", wait.get());
            return CodeRequestAnswer.tooManyRequests(wait.get());
        }
        if (limitReached("addressHash", addressKey, settings.maxPerAddress(), now).isPresent()) {
            // The address has had its mails for this window. Whoever asks (maybe the owner, maybe someone who only
            // knows the address) gets the usual answer and nothing happens: the codes already mailed stay valid,
            // and nobody can turn the address's limit into a refusal of its owner. Not counted either, so the
            // window is not prolonged.
            LOG.log(Level.FINE, "A sign-in code request for an address that has had its mails for the window: nothing sent");
            clearOut(now);
            return CodeRequestAnswer.sentIfKnown(settings.ttl());
        }
        em.persist(new EmailCodeRequest(addressKey, clientKey, now));

        List<GuardianLogin> logins = em.createQuery(LIVE_LOGINS, GuardianLogin.class)
                .setParameter("email", GuardianLoginMethod.EMAIL)
                .setParameter("address", address.get())
                .getResultList();
        java.time.LocalDate today = today(now);
        for (GuardianLogin login : logins) {
            if (!GuardianOnly.isGuardianOnly(em, login.guardian().id(), today)) {
                // A login of someone who is not only a guardian (a teacher, a student) signs nobody in.
                continue;
            }
            String code = EmailLoginCode.randomCode();
            em.persist(new EmailLoginCode(login, code, now, settings.ttl()));
            post.accept(new CodeMail(login.subject(), code, settings.ttl(), login.tenant().name()));
        }
        clearOut(now);
        return CodeRequestAnswer.sentIfKnown(settings.ttl());
    }

    /**
     * Checks a code and, if it is right, spends it (and every other live code of the same login).
     * <p>
     * Fails, with nothing said about why, when the address has no live code (none sent, expired, spent, login or
     * organiser switched off since, or locked by wrong codes) or the code is wrong. A wrong code counts against
     * every live code of the address; at {@link EmailCodeSettings#maxAttempts} wrong codes they stop working.
     *
     * @param emailAddress as the guardian typed it
     * @param code         as the guardian typed it; spaces and hyphens between the digits do not matter
     * @return the guardian to start a session for, or empty
     */
    public Optional<GuardianSignIn> verify(String emailAddress, String code) {
        Optional<String> address = normalisedAddress(emailAddress);
        Optional<String> digits = normalisedCode(code);
        if (address.isEmpty() || digits.isEmpty()) {
            return Optional.empty();
        }
        AdvisoryLocks.lock(em, AdvisoryLocks.ADDRESS, EmailCodeRequest.digest(address.get()));
        OffsetDateTime now = now();
        List<EmailLoginCode> live = em.createQuery(LIVE_CODES, EmailLoginCode.class)
                .setParameter("email", GuardianLoginMethod.EMAIL)
                .setParameter("address", address.get())
                .setParameter("now", now)
                .setParameter("maxAttempts", settings.maxAttempts())
                .getResultList();
        if (live.isEmpty()) {
            EmailLoginCode.compareWithNothing(digits.get());
            return Optional.empty();
        }
        EmailLoginCode match = null;
        for (EmailLoginCode candidate : live) {
            // Every candidate is compared, so the time taken does not tell which one matched.
            if (candidate.matches(digits.get()) && match == null) {
                match = candidate;
            }
        }
        if (match == null) {
            live.forEach(EmailLoginCode::recordWrongAttempt);
            LOG.log(Level.FINE, "A wrong sign-in code was tried");
            return Optional.empty();
        }
        GuardianLogin login = match.login();
        if (!GuardianOnly.isGuardianOnly(em, login.guardian().id(), today(now))) {
            return Optional.empty();
        }
        for (EmailLoginCode candidate : live) {
            if (candidate.login().equals(login)) {
                candidate.spend(now);
            }
        }
        return Optional.of(new GuardianSignIn(login.guardian().id(), login.tenant().id(), login.id()));
    }

    /** The settings in force. */
    public EmailCodeSettings settings() {
        return settings;
    }

    /** How long until the oldest counted request leaves the window, if the limit is reached. */
    private Optional<Duration> limitReached(String field, String key, int max, OffsetDateTime now) {
        Object[] countAndOldest = em.createQuery("select count(r), min(r.requestedAt) from EmailCodeRequest r "
                        + "where r." + field + " = :key and r.requestedAt > :since", Object[].class)
                .setParameter("key", key)
                .setParameter("since", now.minus(settings.window()))
                .getSingleResult();
        long count = ((Number) countAndOldest[0]).longValue();
        if (count < max) {
            return Optional.empty();
        }
        OffsetDateTime oldest = (OffsetDateTime) countAndOldest[1];
        Duration wait = Duration.between(now, oldest.plus(settings.window()));
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    /** Deletes requests the limits no longer look at and codes long expired; one node at a time, when free. */
    private void clearOut(OffsetDateTime now) {
        if (!AdvisoryLocks.tryLock(em, AdvisoryLocks.CLEANUP, "guardian-email-code")) {
            return;
        }
        em.createQuery("delete from EmailCodeRequest r where r.requestedAt <= :before")
                .setParameter("before", now.minus(settings.window()))
                .executeUpdate();
        em.createQuery("delete from EmailLoginCode c where c.expiresAt <= :before")
                .setParameter("before", now.minus(CODE_RETENTION))
                .executeUpdate();
    }

    private static java.time.LocalDate today(OffsetDateTime now) {
        return now.atZoneSameInstant(GuardianOnly.SCHOOL_ZONE).toLocalDate();
    }

    /** Now, to the microsecond that PostgreSQL keeps. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Lower case and without surrounding spaces, as GuardianLogin stores an e-mail login's subject. */
    static Optional<String> normalisedAddress(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.length() > GuardianLogin.MAX_SUBJECT_LENGTH || !EMAIL.matcher(address).matches()) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    /** The digits, with the spaces and hyphens that people type between them removed. */
    static Optional<String> normalisedCode(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[\\s-]", "");
        return EmailLoginCode.isWellFormed(digits) ? Optional.of(digits) : Optional.empty();
    }

    private static String normalisedClient(String client) {
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("A request for a code names its client, e.g. the IP address");
        }
        String stripped = client.strip();
        return stripped.length() > MAX_CLIENT_LENGTH ? stripped.substring(0, MAX_CLIENT_LENGTH) : stripped;
    }
}
