package se.klassrum.guardian.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.UuidColumns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A one-time code sent by e-mail to a guardian's e-mail login.
 * <p>
 * Only a salted SHA-256 of the code is stored, so the code itself lives only in the guardian's mailbox: it never
 * reaches a log, a backup or a database reader in clear. (Six digits are few enough to try them all against a
 * stolen hash; what protects a code is that it expires within minutes, works once and locks after a few wrong
 * tries.) A code is <em>live</em> until it expires, is spent, or has been guessed wrong too often. It is spent
 * by the sign-in it allows, and also when the same login signs in with another of its codes.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "guardian_email_code")
public class EmailLoginCode extends RosterEntity {

    /** The number of digits of a code. */
    public static final int DIGITS = 6;

    private static final int BOUND = 1_000_000;
    private static final int SALT_BYTES = 16;
    private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");
    // Thread-safe; seeded by the platform, never predictable.
    private static final SecureRandom RANDOM = new SecureRandom();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "login_id", nullable = false, updatable = false)
    private GuardianLogin login;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private byte[] codeHash;

    @Column(name = "salt", nullable = false, updatable = false)
    private byte[] salt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    /** For JPA only. */
    protected EmailLoginCode() {
    }

    /**
     * @param login     an e-mail login; whether it is enabled is the caller's question
     * @param code      the code as sent, {@link #DIGITS} digits
     * @param createdAt now
     * @param ttl       how long the code is good for
     */
    public EmailLoginCode(GuardianLogin login, String code, OffsetDateTime createdAt, Duration ttl) {
        super(null);
        this.login = Objects.requireNonNull(login, "login");
        if (login.method() != GuardianLoginMethod.EMAIL) {
            throw new IllegalArgumentException("A code is sent only to an e-mail login, not to " + login.method());
        }
        if (!isWellFormed(code)) {
            throw new IllegalArgumentException("A code has " + DIGITS + " digits");
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A code must be good for some time, not " + ttl);
        }
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = createdAt.plus(ttl);
        this.salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        this.codeHash = hash(salt, code);
    }

    /** A new random code: {@link #DIGITS} digits, leading zeros included, every value equally likely. */
    public static String randomCode() {
        return String.format("%0" + DIGITS + "d", RANDOM.nextInt(BOUND));
    }

    /** Whether the text has the shape of a code: exactly {@link #DIGITS} ASCII digits. */
    public static boolean isWellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * Costs what a {@link #matches} does, for a verification that has no code to compare with, so that the time
     * taken does not tell whether the address has a live code.
     */
    public static void compareWithNothing(String code) {
        byte[] salt = new byte[SALT_BYTES];
        MessageDigest.isEqual(hash(salt, code == null ? "" : code), new byte[32]);
    }

    public GuardianLogin login() {
        return login;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    /** The number of wrong codes tried while this one was live. */
    public int attempts() {
        return attempts;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public OffsetDateTime usedAt() {
        return usedAt;
    }

    /** Good for a sign-in now: not spent, not expired (the expiry instant itself is too late), not locked. */
    public boolean isLive(OffsetDateTime now, int maxAttempts) {
        return usedAt == null && now.isBefore(expiresAt) && attempts < maxAttempts;
    }

    /** Whether the code is this one; the comparison takes the same time whatever the code. */
    public boolean matches(String code) {
        return MessageDigest.isEqual(hash(salt, code == null ? "" : code), codeHash);
    }

    /** A wrong code was tried while this one was live. */
    public void recordWrongAttempt() {
        attempts++;
    }

    /** Spends the code: by its own sign-in, or by another sign-in of the same login. */
    public void spend(OffsetDateTime at) {
        if (usedAt == null) {
            usedAt = Objects.requireNonNull(at, "at");
        }
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
