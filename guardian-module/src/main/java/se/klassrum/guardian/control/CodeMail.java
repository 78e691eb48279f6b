package se.klassrum.guardian.control;

import java.time.Duration;
import java.util.Objects;

/**
 * A one-time code on its way to a guardian's mailbox.
 *
 * @param to           the guardian's e-mail address, as their login has it
 * @param code         the code in clear; it exists nowhere else once the mail is sent
 * @param validFor     how long the code is good for
 * @param organisation the organiser whose portal the code opens, e.g. "Solbacka kommun"
 */
public record CodeMail(String to, String code, Duration validFor, String organisation) {

    public CodeMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(validFor, "validFor");
        Objects.requireNonNull(organisation, "organisation");
    }

    /** The subject line, in Swedish and English; never the code, which would show on a locked phone's screen. */
    public String subject() {
        return "Din inloggningskod till Klassrum / Your sign-in code for Klassrum";
    }

    /** The text of the mail: Swedish first, then English. */
    public String text() {
        long minutes = Math.max(1, validFor.toMinutes());
        return """
                Hej!

                Din engångskod för att logga in i Klassrum (%2$s) är:

                    %1$s

                Koden gäller i %3$d minuter och kan bara användas en gång.
                Har du inte bett om en kod kan du bortse från det här meddelandet: ingen kan logga in utan koden.
                Lämna aldrig ut koden till någon. Klassrum ber dig aldrig om den per telefon eller e-post.

                ---

                Hello,

                Your one-time code for signing in to Klassrum (%2$s) is:

                    %1$s

                The code is valid for %3$d minutes and works only once.
                If you did not ask for a code, you can ignore this message: nobody can sign in without the code.
                Never give the code to anyone. Klassrum will never ask you for it by phone or e-mail.
                """.formatted(code, organisation, minutes);
    }

    /** The address half hidden, for a log line. */
    public String maskedTo() {
        int at = to.indexOf('@');
        return at <= 1 ? "***" + to.substring(Math.max(at, 0)) : to.charAt(0) + "***" + to.substring(at);
    }

    /** Never prints the code: a mail may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "CodeMail[to " + maskedTo() + ", valid for " + validFor + ", " + organisation + "]";
    }
}
