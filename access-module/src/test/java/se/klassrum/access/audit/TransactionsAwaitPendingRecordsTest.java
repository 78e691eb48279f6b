package se.klassrum.access.audit;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A transaction begun on a thread whose read's record is still being appended waits for it, and only then. */
class TransactionsAwaitPendingRecordsTest {

    private final ExecutorService threads = Executors.newSingleThreadExecutor();
    private final AtomicInteger proceeded = new AtomicInteger();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aTransactionBegunWhileARecordIsPendingWaitsForItsCommit() throws Exception {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        Future<Object> transaction = threads.submit(() -> {
            try (PendingRecords.Registration read = PendingRecords.register(() -> committed.join())) {
                return new TransactionsAwaitPendingRecords.Required().awaitPendingRecords(call());
            }
        });

        assertThatThrownBy(() -> transaction.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(proceeded).hasValue(0);
        committed.complete(null);
        assertThat(transaction.get(30, TimeUnit.SECONDS)).isEqualTo("answer");
        assertThat(proceeded).hasValue(1);
    }

    @Test
    void aRecordThatCannotBeCommittedKeepsTheTransactionFromRunning() throws Exception {
        Future<Object> transaction = threads.submit(() -> {
            try (PendingRecords.Registration read = PendingRecords.register(() -> {
                throw new AuditUnavailableException("the audit log could not record the decision", null);
            })) {
                return new TransactionsAwaitPendingRecords.RequiresNew().awaitPendingRecords(call());
            }
        });

        assertThatThrownBy(transaction::get).hasCauseInstanceOf(AuditUnavailableException.class);
        assertThat(proceeded).hasValue(0);
    }

    @Test
    void onceTheReadHasEndedTheThreadWaitsForNothing() throws Exception {
        Future<Object> transaction = threads.submit(() -> {
            PendingRecords.register(() -> new CompletableFuture<Void>().join()).close();
            return new TransactionsAwaitPendingRecords.Required().awaitPendingRecords(call());
        });

        assertThat(transaction.get(30, TimeUnit.SECONDS)).isEqualTo("answer");
    }

    /** Bound to exactly the transactions a transactional method begins, inside the container's interceptor. */
    @Test
    void itRunsInsideEveryTransactionAMethodBegins() {
        for (Class<?> bound : List.of(TransactionsAwaitPendingRecords.Required.class,
                TransactionsAwaitPendingRecords.RequiresNew.class)) {
            assertThat(bound).hasAnnotation(Interceptor.class);
            assertThat(bound.getAnnotation(Priority.class).value())
                    .as("after the container's transactional interceptor (PLATFORM_BEFORE + 200)")
                    .isGreaterThan(Interceptor.Priority.PLATFORM_BEFORE + 200);
        }
        assertThat(TransactionsAwaitPendingRecords.Required.class.getAnnotation(Transactional.class).value())
                .isEqualTo(Transactional.TxType.REQUIRED);
        assertThat(TransactionsAwaitPendingRecords.RequiresNew.class.getAnnotation(Transactional.class).value())
                .isEqualTo(Transactional.TxType.REQUIRES_NEW);
    }

    private InvocationContext call() {
        return (InvocationContext) Proxy.newProxyInstance(InvocationContext.class.getClassLoader(),
                new Class<?>[] {InvocationContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("proceed")) {
                        proceeded.incrementAndGet();
                        return "answer";
                    }
                    throw new AssertionError("not expected: " + method.getName());
                });
    }
}
