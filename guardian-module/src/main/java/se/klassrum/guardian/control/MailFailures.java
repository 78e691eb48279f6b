package se.klassrum.guardian.control;

import jakarta.mail.MessagingException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed mail may tell the server log and the outbox's {@code last_error}: the kinds of failure and the SMTP
 * server's reply codes, never their texts. A refusal's text names the recipient's address ("550 5.1.1
 * &lt;elsa.ek@skola.se&gt;: Recipient address rejected"), a malformed address's text the address itself, and the
 * recipient may be a student.
 */
public final class MailFailures {

    /** An SMTP reply's code and, when given, its enhanced status code (RFC 3463), at the start of the reply. */
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)(?:[ -]([2-5]\\.\\d{1,3}\\.\\d{1,3}))?");

    private MailFailures() {
    }

    /**
     * The failure and what caused it, each as its kind and SMTP reply code, e.g.
     * {@code SMTPSendFailedException 550 5.1.1 <- SMTPAddressFailedException 550 5.1.1}.
     */
    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable next = failure;
        while (next != null && seen.add(next) && parts.size() < 8) {
            parts.add(next.getClass().getSimpleName() + replyCode(next.getMessage()));
            Throwable nested = next instanceof MessagingException messaging ? messaging.getNextException() : null;
            next = nested != null ? nested : next.getCause();
        }
        return String.join(" <- ", parts);
    }

    private static String replyCode(String message) {
        if (message == null) {
            return "";
        }
        Matcher code = REPLY_CODE.matcher(message);
        if (!code.find()) {
            return "";
        }
        return " " + code.group(1) + (code.group(2) == null ? "" : " " + code.group(2));
    }
}
