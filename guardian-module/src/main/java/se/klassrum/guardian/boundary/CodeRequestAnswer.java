package se.klassrum.guardian.boundary;

import java.time.Duration;
import java.util.Objects;

/**
 * Klassrum's answer to "send me a code". It is the same whether or not the address has a login, is enabled, or
 * belongs to an organiser that allows e-mail sign-in: only the shape of the address and the rate limits, which
 * count unknown addresses too, change it.
 *
 * @param status     what happened, as far as the asker may know
 * @param validFor   how long a code is good for (for {@link Status#SENT_IF_KNOWN}), else zero
 * @param retryAfter when to ask again (for {@link Status#TOO_MANY_REQUESTS}), else zero
 */
public record CodeRequestAnswer(Status status, Duration validFor, Duration retryAfter) {

    public enum Status {
        /** A code is on its way if, and only if, the address has an enabled e-mail login; the asker cannot tell. */
        SENT_IF_KNOWN,
        /** The text is not shaped like an e-mail address; nothing was counted or sent. */
        INVALID_ADDRESS,
        /** A rate limit (per address or per client) was reached; nothing was counted or sent. */
        TOO_MANY_REQUESTS
    }

    public CodeRequestAnswer {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validFor, "validFor");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    static CodeRequestAnswer sentIfKnown(Duration validFor) {
        return new CodeRequestAnswer(Status.SENT_IF_KNOWN, validFor, Duration.ZERO);
    }

    static CodeRequestAnswer invalidAddress() {
        return new CodeRequestAnswer(Status.INVALID_ADDRESS, Duration.ZERO, Duration.ZERO);
    }

    static CodeRequestAnswer tooManyRequests(Duration retryAfter) {
        return new CodeRequestAnswer(Status.TOO_MANY_REQUESTS, Duration.ZERO, retryAfter);
    }

    /** The answer to show, in Swedish. */
    public String messageSv() {
        return switch (status) {
            case SENT_IF_KNOWN -> "Om adressen hör till en inloggning i Klassrum har vi skickat en kod till den. "
                    + "Koden gäller i " + minutes(validFor) + " minuter och kan användas en gång.";
            case INVALID_ADDRESS -> "Skriv en giltig e-postadress.";
            case TOO_MANY_REQUESTS -> "Det har kommit för många förfrågningar om kod. Försök igen om "
                    + minutes(retryAfter) + " minuter.";
        };
    }

    /** The answer to show, in English. */
    public String messageEn() {
        return switch (status) {
            case SENT_IF_KNOWN -> "If the address belongs to a Klassrum login, we have sent a code to it. "
                    + "The code is valid for " + minutes(validFor) + " minutes and works once.";
            case INVALID_ADDRESS -> "Enter a valid e-mail address.";
            case TOO_MANY_REQUESTS -> "There have been too many requests for a code. Try again in "
                    + minutes(retryAfter) + " minutes.";
        };
    }

    /** Whole minutes, rounded up, at least one. */
    private static long minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return Math.max(1, duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1);
    }
}
