package se.klassrum.access.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.Verdict;

/**
 * Latency of one access decision with warm facts: {@link AccessRules#decide} on a snapshot that is already in
 * memory, as the interceptor calls it once the roster facts are loaded. Not a test; run with
 * {@code ./mvnw -q -P benchmark -pl access-module verify} (see README.md, "Benchmarks").
 * <p>
 * The roster is a busy one: the teacher owns a dozen teaching groups at her school and mentors at a second
 * school, the student is a member of a dozen groups; the one group that qualifies is the last one in the
 * snapshot, so the rules look at every other candidate first. The denied question fails on the subject link
 * only (the teacher owns the student's English group but teaches no English), the closest a denial gets. Both questions are about an assessment (no
 * group named), which makes the teacher and mentor paths try every group and school in the snapshot.
 * The facts are built once per fork; each invocation is one call to {@code decide}, whose decision is
 * returned so that JMH consumes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DecisionBenchmark {

    private static final int GROUPS_EACH = 12;
    private static final int LIST_SIZE = 30;

    private final AccessRules rules = new AccessRules();
    private LocalDate today;
    private AccessQuestion allowedQuestion;
    private AccessFacts allowedFacts;
    private AccessQuestion deniedQuestion;
    private AccessFacts deniedFacts;
    private final List<AccessQuestion> listQuestions = new ArrayList<>();
    private final List<AccessFacts> listFacts = new ArrayList<>();
    private static final int OTHER_GROUPS_EACH = 7;
    private final List<AccessQuestion> busyListQuestions = new ArrayList<>();
    private final List<AccessFacts> busyListFacts = new ArrayList<>();

    @Setup
    public void buildTheRoster() {
        today = LocalDate.of(2026, 3, 10);
        World world = World.on(today);
        World.School school = world.school("Solbacka gymnasium");
        World.School other = world.school("Solbackaskolan");
        UUID maths = UUID.randomUUID();
        UUID english = UUID.randomUUID();
        World.Syllabus mathsSyllabus = World.Syllabus.of("MATMAT01c", maths);
        World.Syllabus englishSyllabus = World.Syllabus.of("ENGENG05", english);
        World.Person teacher = world.person("Anna").teacherAt(school).subject(school, maths)
                .role(other, SchoolRoleKind.MENTOR);
        World.Person student = world.person("Elsa").studentAt(school).born(today.minusYears(17));
        for (int i = 0; i < GROUPS_EACH - 1; i++) {
            world.teachingGroup("Annas grupp " + i, school).syllabus(mathsSyllabus).owner(teacher)
                    .member(world.person("Elev " + i).studentAt(school));
            world.teachingGroup("Elsas grupp " + i, school).syllabus(englishSyllabus).member(student);
        }
        world.mentorGroup("Annas mentorsgrupp", other).owner(teacher);
        world.teachingGroup("En5-B", school).syllabus(englishSyllabus).owner(teacher).member(student);
        world.teachingGroup("Ma1c-A", school).syllabus(mathsSyllabus).owner(teacher).member(student);

        // Anna may read Elsa's published maths assessment through Ma1c-A.
        allowedQuestion = teacher.asks().toRead(DataKind.ASSESSMENT).of(student).assessment(mathsSyllabus, true)
                .question();
        allowedFacts = world.snapshot(teacher, student, null);
        // Anna may not read Elsa's English assessment: she owns En5-B, but is not linked to English.
        deniedQuestion = teacher.asks().toRead(DataKind.ASSESSMENT).of(student).assessment(englishSyllabus, true)
                .question();
        deniedFacts = world.snapshot(teacher, student, null);

        // A class of 30 in Ma1c-A as its member list is decided: one snapshot per member, read in one statement
        // by the roster adapter, each decided in memory.
        World.Group klass = world.teachingGroup("Ma1c-B", school).syllabus(mathsSyllabus).owner(teacher);
        List<World.Person> members = new ArrayList<>();
        for (int i = 0; i < LIST_SIZE; i++) {
            World.Person member = world.person("Klasskamrat " + i).studentAt(school).born(today.minusYears(16));
            klass.member(member);
            members.add(member);
        }
        for (World.Person member : members) {
            listQuestions.add(teacher.asks().toRead(DataKind.STUDENT_PROFILE).of(member).question());
            listFacts.add(world.snapshot(teacher, member, null));
        }

        // The same list where each student is also in the other groups of a school day, listed before the teacher's.
        World.Person colleague = world.person("Kollega").teacherAt(school).subject(school, english);
        List<World.Group> otherGroups = new ArrayList<>();
        for (int g = 0; g < OTHER_GROUPS_EACH; g++) {
            otherGroups.add(world.teachingGroup("Kollegans grupp " + g, school).syllabus(englishSyllabus).owner(colleague));
        }
        List<World.Person> busyMembers = new ArrayList<>();
        for (int i = 0; i < LIST_SIZE; i++) {
            World.Person member = world.person("Elev i många grupper " + i).studentAt(school).born(today.minusYears(16));
            otherGroups.forEach(group -> group.member(member));
            busyMembers.add(member);
        }
        World.Group busyClass = world.teachingGroup("Ma1c-C", school).syllabus(mathsSyllabus).owner(teacher);
        for (World.Person member : busyMembers) {
            busyClass.member(member);
        }
        for (World.Person member : busyMembers) {
            busyListQuestions.add(teacher.asks().toRead(DataKind.STUDENT_PROFILE).of(member).question());
            busyListFacts.add(world.snapshot(teacher, member, null));
        }

        expect(allowedQuestion, allowedFacts, List.of());
        expect(deniedQuestion, deniedFacts, List.of(Prerequisite.TEACHER_SUBJECT));
        if (allowedFacts.groups().size() < 2 * GROUPS_EACH || allowedFacts.memberships().size() < 2 * GROUPS_EACH) {
            throw new IllegalStateException("the snapshot is smaller than intended: " + allowedFacts.groups().size()
                    + " groups, " + allowedFacts.memberships().size() + " memberships");
        }
    }

    /** Measures nothing that does not decide as intended. */
    private void expect(AccessQuestion question, AccessFacts facts, List<Prerequisite> failing) {
        Decision decision = rules.decide(question, facts, today);
        Verdict verdict = rules.verdict(question, facts, today);
        if (decision.allowed() != failing.isEmpty() || !decision.failingCodes().equals(failing)
                || !verdict.failingCodes().equals(failing)) {
            throw new IllegalStateException("expected failing codes " + failing + " but the decision was "
                    + decision.allowed() + " " + decision.failingCodes() + " and the verdict " + verdict);
        }
    }

    /** What the guard decides for a call it lets through: the verdict, no explanation. */
    @Benchmark
    public Verdict guardLetsTeacherReadAssessment() {
        return rules.verdict(allowedQuestion, allowedFacts, today);
    }

    /** What the guard decides for a call it refuses, before it explains the refusal. */
    @Benchmark
    public Verdict guardRefusesTeacherAssessment() {
        return rules.verdict(deniedQuestion, deniedFacts, today);
    }

    /** The full decision with its explanation, as the explain endpoint and a refusal's body get it. */
    @Benchmark
    public Decision teacherReadsAssessmentAllowed() {
        return rules.decide(allowedQuestion, allowedFacts, today);
    }

    /** The full decision of a refusal, with every path and its explanation. */
    @Benchmark
    public Decision teacherReadsAssessmentDenied() {
        return rules.decide(deniedQuestion, deniedFacts, today);
    }

    /**
     * The in-memory part of a 30-student member list decided in one step, as the guard makes it: 30 verdicts on
     * loaded facts, each stopping at the first path that allows.
     */
    @Benchmark
    public int teacherReadsMemberListOf30() {
        return wholeClass(listQuestions, listFacts);
    }

    /**
     * As {@link #teacherReadsMemberListOf30}, but each student is also in seven other teaching groups of another teacher,
     * listed before the teacher's own in every snapshot, as a student's school day looks.
     */
    @Benchmark
    public int teacherReadsMemberListOf30InManyGroups() {
        return wholeClass(busyListQuestions, busyListFacts);
    }

    private int wholeClass(List<AccessQuestion> questions, List<AccessFacts> facts) {
        int visible = 0;
        for (int i = 0; i < LIST_SIZE; i++) {
            if (rules.verdict(questions.get(i), facts.get(i), today).allowed()) {
                visible++;
            }
        }
        if (visible != LIST_SIZE) {
            throw new IllegalStateException("the teacher should see the whole class, saw " + visible);
        }
        return visible;
    }
}
