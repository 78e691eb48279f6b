package se.klassrum.roster.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * How long the Microsoft Graph client waits before trying a throttled or failed request again: Graph's Retry-After
 * when it gives one, else an exponential back-off (first, twice that, ...), never longer than {@code longest}. The
 * Graph client keeps its own loop because an attempt may first have to fetch a new token for the tenant; the SS
 * 12000 client is retried by MicroProfile Fault Tolerance instead, and shares only {@link #retryAfter(String)}.
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
    public Duration delayAfter(int attempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(longest) > 0 ? longest : retryAfter;
        }
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    /** A Retry-After header: seconds or an HTTP date (a date passed is no wait); null if it is neither. */
    public static Duration retryAfter(String value) {
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Waits between attempts; a test records the waits instead of spending them. */
    @FunctionalInterface
    public interface Sleeper {

        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }
}
