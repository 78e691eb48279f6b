package se.klassrum.access.boundary;

import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.audit.AuditUnavailableException;
import se.klassrum.access.audit.PendingRecord;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/** The guard outside the container, for plain tests: facts from the test's roster, audit records into its list. */
final class PlainGuard {

    private PlainGuard() {
    }

    /** @param caller who asks; read at each question, so a test may change it */
    static AccessGuard of(RosterFactsPort roster, Supplier<Actor> caller, List<AuditRecord> audited) {
        return of(roster, caller, audited, record -> () -> { });
    }

    /**
     * As {@link #of(RosterFactsPort, Supplier, List)}, with each record handed over committed as {@code handedOver} says
     * (records awaited at once are committed at once).
     */
    static AccessGuard of(RosterFactsPort roster, Supplier<Actor> caller, List<AuditRecord> audited,
                          Function<AuditRecord, PendingRecord> handedOver) {
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
                return handedOver.apply(record);
            }
        };
        guard.audit = log;
        return guard;
    }

    /** A record committed once {@code committed} completes, failed as the audit log fails when it fails or never does. */
    static PendingRecord heldUntil(CompletableFuture<Void> committed) {
        return () -> {
            try {
                committed.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException | TimeoutException e) {
                throw new AuditUnavailableException("not recorded in time", e);
            } catch (ExecutionException e) {
                throw new AuditUnavailableException("the audit log could not record the decision", e.getCause());
            }
        };
    }
}
