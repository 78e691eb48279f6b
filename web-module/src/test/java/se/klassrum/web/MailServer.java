package se.klassrum.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) on loopback, on the port the build reserved ({@code klassrum.test.smtp.port})
 * and told Payara Micro about; started before Arquillian, once per test JVM.
 */
public final class MailServer implements BeforeAllCallback {

    private static GreenMail greenMail;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    private static synchronized Running start() {
        int port = Integer.parseInt(System.getProperty("klassrum.test.smtp.port"));
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new Running();
    }

    /** Every message received so far, oldest first. */
    public static MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    /** The Message-IDs of every message received so far. */
    public static java.util.Set<String> messageIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            ids.add(messageId(message));
        }
        return ids;
    }

    /**
     * Waits (bounded) for a message to the recipient that is not among {@code before}. GreenMail lists its
     * messages mailbox by mailbox, not in the order they arrived, so new mail is told apart by its id.
     */
    public static MimeMessage awaitNewMailTo(String recipient, java.util.Set<String> before, long millis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (!before.contains(messageId(message)) && recipient.equalsIgnoreCase(recipientOf(message))) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no new mail to " + recipient + " within " + millis + " ms");
    }

    /** Waits (bounded) for a new message to the recipient with the subject. */
    public static MimeMessage awaitNewMailTo(String recipient, java.util.Set<String> before, String subject, long millis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            java.util.List<MimeMessage> found = newMailTo(recipient, before, subject);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no new mail \"" + subject + "\" to " + recipient + " within " + millis + " ms");
    }

    /** The messages to the recipient that are not among {@code before}, with the subject (null: any). */
    public static java.util.List<MimeMessage> newMailTo(String recipient, java.util.Set<String> before, String subject) {
        java.util.List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (!before.contains(messageId(message)) && recipient.equalsIgnoreCase(recipientOf(message))
                    && (subject == null || subject.equals(subjectOf(message)))) {
                found.add(message);
            }
        }
        return found;
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (bounded) until at least {@code count} messages have arrived. */
    public static boolean awaitMessages(int count, long millis) {
        return greenMail.waitForIncomingEmail(millis, count);
    }

    private static final class Running implements AutoCloseable {
        @Override
        public void close() {
            greenMail.stop();
        }
    }
}
