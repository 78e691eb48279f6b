package se.klassrum.roster.sync.ss12000;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.temporal.ChronoUnit;

/**
 * Sends the register's requests with MicroProfile Fault Tolerance's retry policy: a request the register throttles
 * (429) or fails (5xx), or does not answer at all, is sent again after a delay with jitter, and after the register's
 * Retry-After if it gave one ({@link Ss12000Request}); 401, 403 and other answers are not retried. Each page is
 * retried on its own, so a throttled page does not repeat the pages before it.
 * <p>
 * The policy is the annotation's unless MicroProfile Config overrides it, e.g.
 * {@code se.klassrum.roster.sync.ss12000.Ss12000Requests/send/Retry/maxRetries=8} (README, "Settings"). Outside a
 * container (plain tests) nothing intercepts: each request is sent once.
 */
@ApplicationScoped
public class Ss12000Requests {

    // All times in milliseconds: Payara compares maxDuration with delay by their numbers, not their units.
    @Retry(retryOn = {Ss12000Busy.class, ProcessingException.class}, maxRetries = 4,
            delay = 2_000, delayUnit = ChronoUnit.MILLIS, jitter = 1_000, jitterDelayUnit = ChronoUnit.MILLIS,
            maxDuration = 900_000, durationUnit = ChronoUnit.MILLIS)
    public String send(Ss12000Request request) {
        return request.attempt();
    }
}
