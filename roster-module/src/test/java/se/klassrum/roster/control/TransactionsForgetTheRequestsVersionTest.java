package se.klassrum.roster.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.boundary.RequestFactsVersion;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that runs a transaction forgets the access facts' version it read with its caller, so that a decision
 * after that transaction's commit reads the version again; without a transaction, or without a request, nothing is
 * forgotten and the call goes on unchanged.
 */
class TransactionsForgetTheRequestsVersionTest {

    private final RequestFactsVersion version = new RequestFactsVersion();
    private final AtomicInteger proceeded = new AtomicInteger();

    @Test
    void aTransactionOfTheRequestMakesItForgetTheVersion() throws Exception {
        version.seen(41);

        Object answer = interceptor(Status.STATUS_ACTIVE, true).forgetTheRequestsVersion(call());

        assertThat(answer).isEqualTo("answer");
        assertThat(proceeded).hasValue(1);
        assertThat(version.version()).isEmpty();
    }

    @Test
    void withoutATransactionTheVersionStays() throws Exception {
        version.seen(41);

        interceptor(Status.STATUS_NO_TRANSACTION, true).forgetTheRequestsVersion(call());

        assertThat(proceeded).hasValue(1);
        assertThat(version.version()).isEqualTo(OptionalLong.of(41));
    }

    @Test
    void aTransactionOutsideARequestLooksForNoVersion() throws Exception {
        TransactionsForgetTheRequestsVersion interceptor = interceptor(Status.STATUS_ACTIVE, false);
        interceptor.requestVersion = fake(Instance.class, (method, args) -> {
            throw new AssertionError("no request, no version to look up: " + method);
        });

        interceptor.forgetTheRequestsVersion(call());

        assertThat(proceeded).hasValue(1);
    }

    /** Bound to exactly the transactions a transactional method begins, inside the container's interceptor. */
    @Test
    void itRunsInsideEveryTransactionAMethodBegins() {
        for (Class<?> bound : List.of(TransactionsForgetTheRequestsVersion.Required.class,
                TransactionsForgetTheRequestsVersion.RequiresNew.class)) {
            assertThat(bound).hasAnnotation(Interceptor.class);
            assertThat(bound.getAnnotation(Priority.class).value())
                    .as("after the container's transactional interceptor (PLATFORM_BEFORE + 200)")
                    .isGreaterThan(Interceptor.Priority.PLATFORM_BEFORE + 200);
        }
        assertThat(TransactionsForgetTheRequestsVersion.Required.class.getAnnotation(Transactional.class).value())
                .isEqualTo(Transactional.TxType.REQUIRED);
        assertThat(TransactionsForgetTheRequestsVersion.RequiresNew.class.getAnnotation(Transactional.class).value())
                .isEqualTo(Transactional.TxType.REQUIRES_NEW);
    }

    private TransactionsForgetTheRequestsVersion interceptor(int status, boolean inARequest) {
        TransactionsForgetTheRequestsVersion interceptor = new TransactionsForgetTheRequestsVersion.Required();
        interceptor.transactions = fake(TransactionSynchronizationRegistry.class,
                (method, args) -> method.equals("getTransactionStatus") ? status : unexpected(method));
        Context request = fake(Context.class, (method, args) -> method.equals("isActive") ? inARequest : unexpected(method));
        interceptor.beans = fake(BeanManager.class,
                (method, args) -> method.equals("getContexts") ? List.of(request) : unexpected(method));
        interceptor.requestVersion = fake(Instance.class,
                (method, args) -> method.equals("get") ? version : unexpected(method));
        return interceptor;
    }

    private InvocationContext call() {
        return fake(InvocationContext.class, (method, args) -> {
            if (method.equals("proceed")) {
                proceeded.incrementAndGet();
                return "answer";
            }
            return unexpected(method);
        });
    }

    private static Object unexpected(String method) {
        throw new AssertionError("not expected: " + method);
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<?> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args));
    }
}
