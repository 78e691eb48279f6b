package se.klassrum.teaching.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A mail the SMTP server does not take is tried again, waiting longer each time, and never given up. */
class MailOutboxTest {

    @Test
    void theWaitDoublesFromHalfAMinuteUpToSixHours() {
        assertThat(MailOutbox.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MailOutbox.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailOutbox.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailOutbox.backoff(10)).isEqualTo(Duration.ofSeconds(30L << 9));
        assertThat(MailOutbox.backoff(11)).isEqualTo(Duration.ofHours(6));
        assertThat(MailOutbox.backoff(1000)).as("a mail is never given up").isEqualTo(Duration.ofHours(6));
    }
}
