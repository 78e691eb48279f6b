package se.klassrum.access.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.PathEvaluation;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.access.api.DataKind.STUDENT_PROFILE;

/**
 * A person signed in through a guardian login acts as a guardian and nothing else: teacher Anna is also the
 * guardian of her son Ola (with a guardian login); through the guardian portal she reaches Ola, never the
 * students of her teaching group, whose data she reaches only when signed in as the teacher she is.
 */
class GuardianLoginRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 12);

    private World world;
    private World.Person anna;
    private World.Person elin;
    private World.Person ola;

    @BeforeEach
    void school() {
        world = World.on(TODAY);
        World.School school = world.school("Solbackaskolan");
        UUID maths = UUID.randomUUID();
        anna = world.person("Anna").teacherAt(school).subject(school, maths).guardianLogin();
        elin = world.person("Elin").studentAt(school).born(LocalDate.of(2011, 5, 4));
        ola = world.person("Ola").studentAt(school).born(LocalDate.of(2012, 1, 9));
        world.teachingGroup("9A Matematik", school).syllabus(World.Syllabus.of("MATMAT01c", maths)).owner(anna)
                .member(elin);
        world.guardianLink(anna, ola);
    }

    @Test
    void throughTheGuardianLoginOnlyTheGuardianPathIsTried() {
        Decision teacherStudent = anna.asksThroughGuardianLogin().toRead(STUDENT_PROFILE).of(elin).decide();

        assertThat(teacherStudent.allowed()).isFalse();
        assertThat(teacherStudent.paths()).extracting(PathEvaluation::path).containsExactly(AccessPath.GUARDIAN);
        assertThat(anna.asks().toRead(STUDENT_PROFILE).of(elin).decide().allowed())
                .as("signed in as herself, Anna is Elin's teacher").isTrue();
    }

    @Test
    void throughTheGuardianLoginTheChildIsReached() {
        assertThat(anna.asksThroughGuardianLogin().toRead(STUDENT_PROFILE).of(ola).decide().allowed()).isTrue();
        assertThat(anna.asks().toRead(STUDENT_PROFILE).of(ola).decide().allowed())
                .as("signed in as herself too: she is his guardian").isTrue();
    }
}
