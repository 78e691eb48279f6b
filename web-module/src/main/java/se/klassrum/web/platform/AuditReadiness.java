package se.klassrum.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import se.klassrum.access.audit.AuditWriter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready means the node can record its decisions: its audit writer runs, and no decision handed to it has waited longer
 * than {@code klassrum.audit.ready-wait-seconds} for its commit. Every request that reads a student's data waits for its
 * decision to be recorded, so a writer held up (a chain head locked by a transaction that does not end, connections of
 * its own that hang) holds up every such request of the node while the database itself still answers; a load balancer
 * then sends them elsewhere, and the operator reads why.
 */
@Readiness
@ApplicationScoped
public class AuditReadiness implements HealthCheck {

    @Inject
    AuditWriter writer;

    @Inject
    @ConfigProperty(name = "klassrum.audit.ready-wait-seconds", defaultValue = "5")
    int readyWaitSeconds;

    @Override
    public HealthCheckResponse call() {
        Verdict verdict = verdict(writer.backlog(), Duration.ofSeconds(readyWaitSeconds));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("audit").status(verdict.up());
        verdict.data().forEach(response::withData);
        return response.build();
    }

    /** Up or down, and the data that say why. */
    record Verdict(boolean up, Map<String, String> data) {
    }

    static Verdict verdict(AuditWriter.Backlog backlog, Duration longestWait) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("waiting", Integer.toString(backlog.waiting()));
        data.put("oldestWaitMillis", Long.toString(backlog.oldestWait().toMillis()));
        if (!backlog.running()) {
            data.put("reason", "the audit writer is not running: no decision can be recorded");
            return new Verdict(false, data);
        }
        if (backlog.waiting() > 0 && backlog.oldestWait().compareTo(longestWait) > 0) {
            data.put("reason", "a decision has waited " + backlog.oldestWait().toMillis() + " ms to be recorded, more than "
                    + longestWait.toSeconds() + " s: the audit writer is held up");
            return new Verdict(false, data);
        }
        return new Verdict(true, data);
    }
}
