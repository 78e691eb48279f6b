package se.klassrum.guardian.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one-time codes with Jakarta Mail over SMTP, as {@link MailSettings} say (MicroProfile Config in the
 * container; a test makes one with {@link #CodeMailer(MailSettings)}).
 */
@ApplicationScoped
public class CodeMailer {

    private static final Logger LOG = Logger.getLogger(CodeMailer.class.getName());

    @Inject
    Config config;

    private MailSettings settings;
    private Session session;

    /** For CDI, which then reads the settings from MicroProfile Config. */
    protected CodeMailer() {
    }

    public CodeMailer(MailSettings settings) {
        configure(settings);
    }

    @PostConstruct
    void readSettings() {
        if (session == null) {
            configure(MailSettings.from(Settings.of(config)));
        }
    }

    private void configure(MailSettings mail) {
        this.settings = mail;
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", mail.host());
        properties.put("mail.smtp.port", String.valueOf(mail.port()));
        String timeout = String.valueOf(mail.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        // The envelope sender, where bounces go.
        properties.put("mail.smtp.from", mail.from().getAddress());
        if (mail.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (mail.user().isPresent()) {
            properties.put("mail.smtp.auth", "true");
            String user = mail.user().get();
            String password = mail.password().orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
    }

    public MailSettings settings() {
        return settings;
    }

    /**
     * Sends the mail and returns once the SMTP server has taken it.
     *
     * @throws MessagingException when the server cannot be reached or refuses the mail
     */
    public void send(CodeMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        // RFC 3834: an automatic message, so that out-of-office replies are not sent back to it.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("Content-Language", "sv, en");
        Transport.send(message);
    }

    /**
     * Sends a mail of the outbox: the text, and a calendar file (RFC 5545) as an attachment when there is one.
     *
     * @throws MessagingException when the server cannot be reached or refuses the mail
     */
    public void sendNotice(String to, String subject, String text, String calendar) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        if (calendar == null) {
            message.setText(text, StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, StandardCharsets.UTF_8.name());
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(calendar, "text/calendar; charset=utf-8; method=PUBLISH");
            file.setFileName("utvecklingssamtal.ics");
            message.setContent(new MimeMultipart(body, file));
        }
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("Content-Language", "sv, en");
        Transport.send(message);
    }

    /**
     * Sends the mail, and logs instead of throwing when that fails: the guardian was already told "if the address
     * is known, a code is on its way", and must not learn more from an error. The log names neither the code nor
     * the whole address.
     *
     * @return whether the SMTP server took the mail
     */
    public boolean sendQuietly(CodeMail mail) {
        try {
            send(mail);
            return true;
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send a sign-in code to {0} through {1}:{2}: {3}",
                    new Object[]{mail.maskedTo(), settings.host(), String.valueOf(settings.port()), MailFailures.describe(e)});
            return false;
        }
    }
}
