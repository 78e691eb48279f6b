package se.klassrum.access.audit;

import java.util.ArrayDeque;

/**
 * The audit records of allowed reads that are running on this thread, handed over and perhaps not yet committed
 * ({@code StudentDataInterceptor}): a transaction that such a read begins awaits them first
 * ({@link TransactionsAwaitPendingRecords}), so that nothing it writes can commit before the decision it rests on.
 */
public final class PendingRecords {

    private static final ThreadLocal<ArrayDeque<PendingRecord>> RUNNING = new ThreadLocal<>();

    private PendingRecords() {
    }

    /** Registers the record for as long as the read runs; closing the registration ends it. */
    public static Registration register(PendingRecord record) {
        ArrayDeque<PendingRecord> running = RUNNING.get();
        if (running == null) {
            running = new ArrayDeque<>(2);
            RUNNING.set(running);
        }
        running.push(record);
        return new Registration(running, record);
    }

    /**
     * Returns once every record registered on this thread is committed.
     *
     * @throws AuditUnavailableException when one could not be committed within the configured wait
     */
    public static void awaitAll() {
        ArrayDeque<PendingRecord> running = RUNNING.get();
        if (running != null) {
            running.forEach(PendingRecord::awaitCommit);
        }
    }

    /** One read's registration; the thread keeps nothing once the last one is closed. */
    public static final class Registration implements AutoCloseable {

        private final ArrayDeque<PendingRecord> running;
        private final PendingRecord record;

        private Registration(ArrayDeque<PendingRecord> running, PendingRecord record) {
            this.running = running;
            this.record = record;
        }

        @Override
        public void close() {
            running.removeFirstOccurrence(record);
            if (running.isEmpty()) {
                RUNNING.remove();
            }
        }
    }
}
