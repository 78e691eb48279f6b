package se.klassrum.access.audit;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;

/**
 * A transaction that an allowed read begins while its decision's record is still being appended waits for that
 * record's commit before it runs ({@link PendingRecords}): a read may go on while its record is appended, but nothing
 * it writes may commit unrecorded. A transaction begun before the decision commits only after the read has returned,
 * which it does once the record is committed.
 * <p>
 * Bound to the transactions a {@link Transactional} method begins ({@code REQUIRED} and {@code REQUIRES_NEW}, whose
 * {@code value} is a binding member), inside the container's own interceptor.
 */
public abstract class TransactionsAwaitPendingRecords {

    @AroundInvoke
    Object awaitPendingRecords(InvocationContext call) throws Exception {
        PendingRecords.awaitAll();
        return call.proceed();
    }

    /** Around a {@code REQUIRED} transactional method. */
    @Interceptor
    @Transactional(Transactional.TxType.REQUIRED)
    @Priority(Interceptor.Priority.LIBRARY_BEFORE)
    public static class Required extends TransactionsAwaitPendingRecords {
    }

    /** Around a {@code REQUIRES_NEW} transactional method. */
    @Interceptor
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Priority(Interceptor.Priority.LIBRARY_BEFORE)
    public static class RequiresNew extends TransactionsAwaitPendingRecords {
    }
}
