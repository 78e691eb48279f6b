package se.klassrum.roster.importer;

import java.util.Optional;
import java.util.UUID;

/**
 * An import or sync that was not started, so nothing was read and no run was recorded: the organisation already has
 * a run in progress (on any node; the database decides), or this node already reads as many imports as
 * {@code klassrum.import.parallel} allows. The caller may try again later.
 */
public final class ImportNotAdmitted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the run was not started. */
    public enum Reason {
        /** The organisation has a run in progress; {@link #runningRun()} names it. */
        ORGANISATION_BUSY,
        /** This node reads as many imports of all organisations as it may at once. */
        NODE_BUSY
    }

    private final Reason reason;
    private final transient UUID runningRun;

    private ImportNotAdmitted(Reason reason, UUID runningRun, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.runningRun = runningRun;
    }

    static ImportNotAdmitted organisationBusy(UUID runningRun) {
        return new ImportNotAdmitted(Reason.ORGANISATION_BUSY, runningRun,
                "the organisation's import run " + runningRun + " is still in progress");
    }

    static ImportNotAdmitted nodeBusy() {
        return new ImportNotAdmitted(Reason.NODE_BUSY, null,
                "this server already reads as many imports at once as it may (klassrum.import.parallel)");
    }

    public Reason reason() {
        return reason;
    }

    /** The organisation's run in progress, for {@link Reason#ORGANISATION_BUSY}. */
    public Optional<UUID> runningRun() {
        return Optional.ofNullable(runningRun);
    }
}
