package se.klassrum.roster.sync.ss12000;

import java.time.Duration;

/**
 * The register answered a request with an error status ({@link Ss12000Refusals}); {@link Ss12000Client} turns it
 * into an {@link Ss12000Exception} that names the request and says what to do.
 */
public class Ss12000Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Duration retryAfter;

    Ss12000Refusal(int status, String registerMessage, Duration retryAfter) {
        super(registerMessage == null ? "" : registerMessage, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** ": the register's own message", from an SS 12000 Error body, or nothing. */
    String registerMessage() {
        return getMessage().isEmpty() ? "" : ": " + getMessage();
    }

    /** How long the register asked to be left alone (its Retry-After), or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
