package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.demo.DemoRoster;
import se.klassrum.roster.testing.TestDatabase;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_ENGENG05;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_MATMAT01C;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * Latency of one full access check through the port on PostgreSQL: {@link RosterFactsAdapter#load} reads the
 * facts fresh (one SQL statement) and {@link AccessRules#decide} judges them, as the interceptor does on every
 * request that touches student data (the audit write is not included). Not a test; run with
 * {@code ./mvnw -q -P benchmark -pl roster-module verify} after installing access-module (README.md,
 * "Benchmarks").
 * <p>
 * Each fork starts an embedded PostgreSQL, migrates a fresh database with Flyway and loads the demo roster
 * as of today, as the persistence tests do ({@link TestDatabase}). Each invocation then reads as
 * {@link TestDatabase#read} does, without a transaction, on a new EntityManager (a persistence context per
 * request, as in the container); the connection comes from EclipseLink's pool. The questions are Anna's about
 * Elsa, who has seven groups (Anna owns five of them): the allowed one writes Elsa's MATMAT01c assessment
 * through Ma1c-A; the denied one writes her ENGENG05 assessment (Anna owns En5-B but has no link to English).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FullCheckBenchmark {

    private static final Actor ANNA = Actor.person(PERSON_ANNA, TENANT_SOLBACKA);

    private final AccessRules rules = new AccessRules();
    private final AccessQuestion allowed = new AccessQuestion(ANNA, PERSON_ELSA, DataKind.ASSESSMENT,
            Operation.WRITE, null, ItemFacts.assessment(SYLLABUS_MATMAT01C, false));
    private final AccessQuestion denied = new AccessQuestion(ANNA, PERSON_ELSA, DataKind.ASSESSMENT,
            Operation.WRITE, null, ItemFacts.assessment(SYLLABUS_ENGENG05, false));

    private TestDatabase db;
    private LocalDate today;

    @Setup
    public void loadTheDemoRoster() {
        today = LocalDate.now(AccessRules.SCHOOL_ZONE);
        db = TestDatabase.create("benchmark");
        db.runInTransaction(em -> {
            if (!DemoRoster.asOf(today).loadIfEmpty(em)) {
                throw new IllegalStateException("the benchmark database was not empty");
            }
        });
        expect(allowed, List.of());
        expect(denied, List.of(Prerequisite.TEACHER_SUBJECT));
    }

    @TearDown
    public void dropTheDatabase() {
        db.close();
    }

    /** Measures nothing that does not decide as intended. */
    private void expect(AccessQuestion question, List<Prerequisite> failing) {
        Decision decision = check(question);
        if (decision.allowed() != failing.isEmpty() || !decision.failingCodes().equals(failing)) {
            throw new IllegalStateException("expected failing codes " + failing + " but the decision was "
                    + decision.allowed() + " " + decision.failingCodes());
        }
    }

    private Decision check(AccessQuestion question) {
        EntityManager em = db.entityManagerFactory().createEntityManager();
        try {
            AccessFacts facts = new RosterFactsAdapter(em)
                    .load(PERSON_ANNA, question.studentId(), question.groupId())
                    .orElseThrow(() -> new IllegalStateException("no facts for " + question));
            return rules.decide(question, facts, today);
        } finally {
            em.close();
        }
    }

    @Benchmark
    public Decision annaWritesElsasAssessmentAllowed() {
        return check(allowed);
    }

    @Benchmark
    public Decision annaWritesElsasAssessmentDenied() {
        return check(denied);
    }
}
