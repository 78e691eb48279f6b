package se.klassrum.access.audit;

/** A decision's audit record handed to the node's audit writer, whose commit is still to be awaited. */
@FunctionalInterface
public interface PendingRecord {

    /**
     * Returns once the record is committed.
     *
     * @throws AuditUnavailableException when it could not be committed within the configured wait
     */
    void awaitCommit();
}
