package se.klassrum.roster.sync.ss12000;

import jakarta.ws.rs.ProcessingException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One request to the register, sent once per attempt by {@link Ss12000Requests}: it counts its attempts, keeps
 * what went wrong last, and waits out the register's Retry-After before the next attempt (never longer than
 * {@link #LONGEST_WAIT}), on top of the retry policy's own delay.
 */
public final class Ss12000Request {

    /** The longest Retry-After that is waited out before an attempt. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

    private final Supplier<String> call;
    private int attempts;
    private Instant notBefore;
    private String lastProblem = "none";

    Ss12000Request(Supplier<String> call) {
        this.call = Objects.requireNonNull(call, "call");
    }

    /**
     * Sends the request once, after the previous attempt's Retry-After has passed.
     *
     * @throws Ss12000Busy             on 429 or 5xx: worth another attempt
     * @throws ProcessingException     when the register did not answer: worth another attempt
     * @throws Ss12000Refusal          on any other error status
     */
    String attempt() {
        waitForRetryAfter();
        attempts++;
        try {
            return call.get();
        } catch (Ss12000Busy busy) {
            lastProblem = "HTTP " + busy.status() + busy.registerMessage();
            Duration wait = busy.retryAfter();
            notBefore = wait == null ? null : Instant.now().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            throw busy;
        } catch (ProcessingException noAnswer) {
            Throwable cause = noAnswer.getCause() == null ? noAnswer : noAnswer.getCause();
            lastProblem = "no answer: " + cause.getMessage();
            notBefore = null;
            throw noAnswer;
        }
    }

    int attempts() {
        return attempts;
    }

    /** What the last failed attempt met, e.g. "HTTP 503" or "no answer: Connection refused". */
    String lastProblem() {
        return lastProblem;
    }

    private void waitForRetryAfter() {
        if (notBefore == null) {
            return;
        }
        long millis = Duration.between(Instant.now(), notBefore).toMillis();
        notBefore = null;
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ProcessingException("interrupted while waiting for the register's Retry-After", interrupted);
            }
        }
    }
}
