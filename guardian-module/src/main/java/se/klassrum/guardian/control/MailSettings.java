package se.klassrum.guardian.control;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Klassrum sends its mail: an SMTP server (usually the organiser's relay) and the sender address.
 *
 * @param host     {@value #HOST}, default {@code localhost}
 * @param port     {@value #PORT}, default 25
 * @param from     {@value #FROM}, default {@code klassrum@localhost}; the address guardians see the code come from
 * @param user     {@value #USER}, optional; with it, Klassrum authenticates (SMTP AUTH)
 * @param password {@value #PASSWORD}, optional
 * @param startTls {@value #STARTTLS}, default false; true requires STARTTLS and checks the server's certificate
 *                 and name, and never falls back to plain text
 * @param timeout  {@value #TIMEOUT_SECONDS}, default 10 s, for connecting, reading and writing
 */
public record MailSettings(String host, int port, InternetAddress from, Optional<String> user, Optional<String> password,
                           boolean startTls, Duration timeout) {

    public static final String HOST = "klassrum.mail.smtp.host";
    public static final String PORT = "klassrum.mail.smtp.port";
    public static final String FROM = "klassrum.mail.from";
    public static final String USER = "klassrum.mail.smtp.user";
    public static final String PASSWORD = "klassrum.mail.smtp.password";
    public static final String STARTTLS = "klassrum.mail.smtp.starttls";
    public static final String TIMEOUT_SECONDS = "klassrum.mail.smtp.timeout-seconds";

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The SMTP port must be 1-65535, not " + port);
        }
    }

    /** Plain SMTP without authentication, e.g. to a test server on loopback. */
    public static MailSettings plain(String host, int port, String from) {
        return new MailSettings(host, port, address(from), Optional.empty(), Optional.empty(), false, Duration.ofSeconds(10));
    }

    public static MailSettings from(Settings settings) {
        return new MailSettings(
                settings.text(HOST, "localhost"),
                settings.number(PORT, 25, 1),
                address(settings.text(FROM, "klassrum@localhost")),
                settings.value(USER),
                settings.value(PASSWORD),
                settings.flag(STARTTLS, false),
                Duration.ofSeconds(settings.number(TIMEOUT_SECONDS, 10, 1)));
    }

    private static InternetAddress address(String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("The setting " + FROM + " is not an e-mail address: " + text, e);
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + ", from " + from + ", user " + user.orElse("-")
                + (password.isPresent() ? " (with password)" : "") + ", starttls " + startTls + ", timeout " + timeout + "]";
    }
}
