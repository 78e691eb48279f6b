package se.klassrum.roster.sync.ss12000;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying a throttled or failed request again: the register's Retry-After when it
 * gives one, else an exponential back-off (first, twice that, ...), never longer than {@code longest}.
 * <p>
 * A plain object rather than MicroProfile Fault Tolerance's {@code @Retry}: the annotation cannot honour a
 * Retry-After header, acts only on a CDI bean inside the container, and would then retry a whole sync rather
 * than the one page that failed.
 *
 * @param attempts how many times a request is sent at most, the first included
 */
public record Backoff(int attempts, Duration first, Duration longest) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed. */
    Duration delayAfter(int attempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(longest) > 0 ? longest : retryAfter;
        }
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    /** Waits between attempts; a test records the waits instead of spending them. */
    @FunctionalInterface
    public interface Sleeper {

        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }
}
