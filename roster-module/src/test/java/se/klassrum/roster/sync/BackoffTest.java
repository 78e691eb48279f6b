package se.klassrum.roster.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits between tries: the server's Retry-After when given, else doubling, never beyond the longest. */
class BackoffTest {

    private final Backoff backoff = new Backoff(6, Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Test
    void without_retry_after_the_wait_doubles_up_to_the_longest() {
        assertThat(backoff.delayAfter(1, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(2, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayAfter(4, null)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delayAfter(5, null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retry_after_in_seconds_or_as_a_date_is_honoured_within_the_longest() {
        assertThat(backoff.delayAfter(1, Backoff.retryAfter("12"))).isEqualTo(Duration.ofSeconds(12));
        assertThat(backoff.delayAfter(1, Backoff.retryAfter("3600"))).isEqualTo(Duration.ofSeconds(30));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        assertThat(backoff.delayAfter(3, Backoff.retryAfter(past))).isEqualTo(Duration.ZERO);
        assertThat(Backoff.retryAfter("soon")).as("not a Retry-After value: back off as usual").isNull();
    }
}
