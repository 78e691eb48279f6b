package se.klassrum.access.boundary;

import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.audit.AuditUnavailableException;
import se.klassrum.access.audit.PendingRecord;
import se.klassrum.access.audit.PendingRecords;

import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An allowed read runs while its decision's audit record is appended: what it returns or throws leaves only once the
 * record is committed, nothing of it when the record cannot be, and a transaction it begins waits for the record first.
 */
class ReadWhileRecordedTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CompletableFuture<Void> committed = new CompletableFuture<>();
    private final PendingRecord record = PlainGuard.heldUntil(committed);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void theReadRunsWhileItsRecordIsAppendedAndItsResultLeavesOnceTheRecordIsCommitted() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        Future<Object> call = callers.submit(() -> StudentDataInterceptor.readWhileRecorded(proceeding(() -> {
            read.countDown();
            return "the profile";
        }), record));

        assertThat(read.await(30, TimeUnit.SECONDS)).as("the read ran before the record was committed").isTrue();
        assertThatThrownBy(() -> call.get(300, TimeUnit.MILLISECONDS)).as("its result waits for the commit")
                .isInstanceOf(TimeoutException.class);
        committed.complete(null);
        assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("the profile");
    }

    @Test
    void aRecordThatCannotBeCommittedKeepsTheResultIn() {
        committed.completeExceptionally(new IllegalStateException("the database went away"));

        assertThatThrownBy(() -> StudentDataInterceptor.readWhileRecorded(proceeding(() -> "the profile"), record))
                .isInstanceOf(AuditUnavailableException.class).hasRootCauseMessage("the database went away");
    }

    @Test
    void whatTheReadThrowsAlsoWaitsForTheRecordAndAnUnrecordedDecisionFailsTheCall() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        Future<Object> call = callers.submit(() -> StudentDataInterceptor.readWhileRecorded(proceeding(() -> {
            read.countDown();
            throw new StudentDataNotFoundException();
        }), record));
        assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> call.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        committed.complete(null);
        assertThatThrownBy(call::get).hasCauseInstanceOf(StudentDataNotFoundException.class);

        CompletableFuture<Void> failing = new CompletableFuture<>();
        failing.completeExceptionally(new IllegalStateException("the database went away"));
        PendingRecord unrecorded = () -> {
            throw new AuditUnavailableException("the audit log could not record the decision", failing.exceptionNow());
        };
        assertThatThrownBy(() -> StudentDataInterceptor.readWhileRecorded(proceeding(() -> {
            throw new StudentDataNotFoundException();
        }), unrecorded)).isInstanceOf(AuditUnavailableException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasOnlyElementsOfType(StudentDataNotFoundException.class));
    }

    @Test
    void whileTheReadRunsItsRecordIsWhatATransactionItBeginsWaitsFor() throws Exception {
        CountDownLatch began = new CountDownLatch(1);
        CountDownLatch awaited = new CountDownLatch(1);
        Future<Object> call = callers.submit(() -> StudentDataInterceptor.readWhileRecorded(proceeding(() -> {
            began.countDown();
            PendingRecords.awaitAll();
            awaited.countDown();
            return "the profile";
        }), record));

        assertThat(began.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(awaited.await(300, TimeUnit.MILLISECONDS)).as("the transaction waits for the record").isFalse();
        committed.complete(null);
        assertThat(awaited.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("the profile");
    }

    /** A call whose {@code proceed()} runs the body. */
    private static InvocationContext proceeding(Callable<Object> body) {
        return (InvocationContext) Proxy.newProxyInstance(InvocationContext.class.getClassLoader(),
                new Class<?>[] {InvocationContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("proceed")) {
                        return body.call();
                    }
                    throw new AssertionError("not expected: " + method.getName());
                });
    }
}
