package se.klassrum.web.platform;

import org.junit.jupiter.api.Test;
import se.klassrum.access.audit.AuditWriter.Backlog;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's readiness rule: down while the writer does not run or a decision has waited too long to be recorded. */
class AuditReadinessTest {

    private static final Duration LONGEST = Duration.ofSeconds(5);

    @Test
    void aRunningWriterIsReadyWhateverItsBacklogAsLongAsNoDecisionWaitsTooLong() {
        assertThat(AuditReadiness.verdict(new Backlog(true, 0, Duration.ZERO), LONGEST).up()).isTrue();
        AuditReadiness.Verdict busy = AuditReadiness.verdict(new Backlog(true, 180, Duration.ofMillis(40)), LONGEST);
        assertThat(busy.up()).isTrue();
        assertThat(busy.data()).containsEntry("waiting", "180").containsEntry("oldestWaitMillis", "40")
                .doesNotContainKey("reason");
        assertThat(AuditReadiness.verdict(new Backlog(true, 3, LONGEST), LONGEST).up()).as("at the limit").isTrue();
    }

    @Test
    void aDecisionWaitingLongerThanTheLimitMakesItDownAndSaysSo() {
        AuditReadiness.Verdict down = AuditReadiness.verdict(new Backlog(true, 2, Duration.ofMillis(5_001)), LONGEST);

        assertThat(down.up()).isFalse();
        assertThat(down.data()).containsEntry("waiting", "2").containsEntry("oldestWaitMillis", "5001");
        assertThat(down.data().get("reason")).contains("5001 ms").contains("5 s").contains("held up");
    }

    @Test
    void aWriterThatDoesNotRunIsDownEvenWithNothingWaiting() {
        AuditReadiness.Verdict down = AuditReadiness.verdict(new Backlog(false, 0, Duration.ZERO), LONGEST);

        assertThat(down.up()).isFalse();
        assertThat(down.data().get("reason")).contains("not running");
    }
}
