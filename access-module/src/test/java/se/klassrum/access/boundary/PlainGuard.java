package se.klassrum.access.boundary;

import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.audit.PendingRecord;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The guard outside the container, for plain tests: facts from the test's roster, audit records into its list. */
final class PlainGuard {

    private PlainGuard() {
    }

    /** @param caller who asks; read at each question, so a test may change it */
    static AccessGuard of(RosterFactsPort roster, Supplier<Actor> caller, List<AuditRecord> audited) {
        AccessGuard guard = new AccessGuard();
        guard.roster = roster;
        guard.caller = new CallerProvider() {
            @Override
            public Optional<Actor> currentActor() {
                return Optional.ofNullable(caller.get());
            }

            @Override
            public String requestId() {
                return "req-1";
            }
        };
        AuditLog log = new AuditLog() {
            @Override
            public void record(AuditRecord record) {
                audited.add(record);
            }

            @Override
            public PendingRecord handOver(AuditRecord record) {
                audited.add(record);
                return () -> { };
            }
        };
        guard.audit = log;
        return guard;
    }
}
