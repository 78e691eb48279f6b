package se.klassrum.access.boundary;

import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.audit.PendingRecord;

import java.util.List;
import java.util.Optional;

/**
 * The real access guard outside a container, for roster tests that drive a boundary which asks it: facts from the
 * test's database, the given caller, audit records into the test's list.
 */
public final class GuardOutsideContainer {

    private GuardOutsideContainer() {
    }

    public static AccessGuard of(RosterFactsPort roster, Actor caller, List<AuditRecord> audited) {
        AccessGuard guard = new AccessGuard();
        guard.roster = roster;
        guard.caller = new CallerProvider() {
            @Override
            public Optional<Actor> currentActor() {
                return Optional.ofNullable(caller);
            }

            @Override
            public String requestId() {
                return "test-request";
            }
        };
        guard.audit = new AuditLog() {
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
        return guard;
    }
}
