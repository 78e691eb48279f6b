package se.klassrum.roster.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import se.klassrum.roster.boundary.RequestFactsVersion;

/**
 * Every transaction a request runs makes it forget the access facts' version it read with its caller
 * ({@link RequestFactsVersion}): a transaction may write the roster and commit, and a decision after it, outside any
 * transaction, must then read a version at least as new as that commit. Without this, such a decision would rest on the
 * guarantee that a request which only reads commits no roster change, which nothing else enforces.
 * <p>
 * Bound to the transactions a {@link Transactional} method begins ({@code REQUIRED} and {@code REQUIRES_NEW}, whose
 * {@code value} is a binding member), inside the container's own interceptor, so the transaction has begun when it runs.
 */
public abstract class TransactionsForgetTheRequestsVersion {

    @Inject
    BeanManager beans;

    @Inject
    Instance<RequestFactsVersion> requestVersion;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object forgetTheRequestsVersion(InvocationContext call) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION && inARequest()) {
            requestVersion.get().forget();
        }
        return call.proceed();
    }

    /** A scheduled task or a startup runs without a request, and has no version to forget. */
    private boolean inARequest() {
        for (Context context : beans.getContexts(RequestScoped.class)) {
            if (context.isActive()) {
                return true;
            }
        }
        return false;
    }

    /** Around a {@code REQUIRED} transactional method. */
    @Interceptor
    @Transactional(Transactional.TxType.REQUIRED)
    @Priority(Interceptor.Priority.LIBRARY_BEFORE)
    public static class Required extends TransactionsForgetTheRequestsVersion {
    }

    /** Around a {@code REQUIRES_NEW} transactional method. */
    @Interceptor
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Priority(Interceptor.Priority.LIBRARY_BEFORE)
    public static class RequiresNew extends TransactionsForgetTheRequestsVersion {
    }
}
