package se.klassrum.roster.sync.ss12000;

import java.time.Duration;

/**
 * The register is throttling Klassrum (429) or failing (5xx): worth trying again, after its Retry-After if it
 * gave one. The class {@link Ss12000Requests} retries on.
 */
public final class Ss12000Busy extends Ss12000Refusal {

    private static final long serialVersionUID = 1L;

    Ss12000Busy(int status, String registerMessage, Duration retryAfter) {
        super(status, registerMessage, retryAfter);
    }
}
