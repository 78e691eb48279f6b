package se.klassrum.access.control;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.SchoolRoleKind;

/**
 * Latency of one decision with warm facts; not a test. Run after {@code ./mvnw -pl access-module test-compile}:
 * {@code java -cp access-module/target/classes:access-module/target/test-classes se.klassrum.access.control.DecisionLatency}
 */
public final class DecisionLatency {

    public static void main(String[] args) {
        LocalDate today = LocalDate.of(2025, 3, 12);
        World world = World.on(today);
        World.School school = world.school("Solbackaskolan");
        World.School other = world.school("Norrskolan");
        UUID maths = UUID.randomUUID();
        World.Syllabus syllabus = World.Syllabus.of("MATMAT01c", maths);
        World.Person teacher = world.person("Anna").teacherAt(school).subject(school, maths).role(other, SchoolRoleKind.MENTOR);
        World.Person student = world.person("Elin").studentAt(school).born(today.minusYears(15));
        World.Person guardian = world.person("Gustav").guardianLogin();
        world.guardianLink(guardian, student);
        // A busy teacher and student: eight groups each, the qualifying one last.
        for (int i = 0; i < 7; i++) {
            world.teachingGroup("Annas grupp " + i, school).owner(teacher).member(world.person("x").studentAt(school));
            world.teachingGroup("Elins grupp " + i, school).member(student).syllabus(syllabus);
        }
        World.Group group = world.teachingGroup("9A Matematik", school).syllabus(syllabus).owner(teacher).member(student);

        measure("teacher, assessment      ", world, teacher, student,
                teacher.asks().toRead(DataKind.ASSESSMENT).of(student).assessment(syllabus, true).question());
        measure("teacher, post of group   ", world, teacher, student,
                teacher.asks().toRead(DataKind.POST).of(student).in(group).question());
        measure("guardian, draft assessment", world, guardian, student,
                guardian.asks().toRead(DataKind.ASSESSMENT).of(student).assessment(syllabus, false).question());
        measure("student, own profile     ", world, student, student,
                student.asks().toRead(DataKind.STUDENT_PROFILE).of(student).question());
    }

    private static void measure(String name, World world, World.Person actor, World.Person student, AccessQuestion question) {
        AccessRules rules = new AccessRules();
        AccessFacts facts = world.snapshot(actor, student, question.groupId());
        int runs = 200_000;
        long[] nanos = new long[runs];
        int allowedCount = 0;
        for (int round = 0; round < 3; round++) {
            allowedCount = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                boolean allowed = rules.decide(question, facts, world.today).allowed();
                nanos[i] = System.nanoTime() - start;
                allowedCount += allowed ? 1 : 0;
            }
        }
        String allowed = allowedCount == runs ? "allowed" : allowedCount == 0 ? "denied" : "mixed!";
        Arrays.sort(nanos);
        System.out.printf("%s  p50 %5.2f µs  p99 %5.2f µs  p99.9 %5.2f µs  (%s)%n", name, nanos[runs / 2] / 1000.0,
                nanos[runs * 99 / 100] / 1000.0, nanos[runs * 999 / 1000] / 1000.0, allowed);
    }
}
