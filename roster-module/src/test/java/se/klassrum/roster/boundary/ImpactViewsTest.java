package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPerson;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakWarning;
import se.klassrum.roster.control.BreakImpacts;
import se.klassrum.roster.control.BreakImpacts.Warning;
import se.klassrum.roster.control.BreakImpacts.WarningKind;
import se.klassrum.roster.testing.TestDatabase;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA8_A;
import static se.klassrum.roster.demo.DemoIds.PERSON_GRETA;
import static se.klassrum.roster.demo.DemoIds.PERSON_PETRA;
import static se.klassrum.roster.demo.DemoIds.PERSON_RUT;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKASKOLAN;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKA_GYMNASIUM;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * The warnings of an access impact as a reader is shown them (R2): that a protected student becomes visible to someone
 * new is said, with the group, only at the reader's own schools, and to an integration everywhere; the other warnings
 * are shown at every school.
 */
class ImpactViewsTest {

    private static TestDatabase db;

    /** At the gymnasium and at Solbackaskolan: a protected student becoming visible, and a group without an assessor. */
    private static final BreakImpacts.Impact IMPACT = new BreakImpacts.Impact(List.of(), List.of(
            new Warning(WarningKind.PROTECTED_STUDENT_VISIBLE, SCHOOL_SOLBACKA_GYMNASIUM, GROUP_MA1C_A, PERSON_GRETA, null),
            new Warning(WarningKind.PROTECTED_STUDENT_VISIBLE, SCHOOL_SOLBACKASKOLAN, GROUP_MA8_A, PERSON_RUT, PERSON_PETRA),
            new Warning(WarningKind.STUDENT_WITHOUT_ASSESSOR, SCHOOL_SOLBACKASKOLAN, GROUP_MA8_A, PERSON_RUT, null)),
            3, 3);

    @BeforeAll
    static void demo() {
        db = TestDatabase.withDemoRoster("impact_views");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void aProtectedStudentsWarningIsShownAtTheReadersOwnSchoolsOnly() {
        List<BreakWarning> shown = warnings(Set.of(SCHOOL_SOLBACKA_GYMNASIUM), false);

        assertThat(shown).extracting(BreakWarning::kind, BreakWarning::groupId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(WarningKind.PROTECTED_STUDENT_VISIBLE, GROUP_MA1C_A),
                org.assertj.core.groups.Tuple.tuple(WarningKind.STUDENT_WITHOUT_ASSESSOR, GROUP_MA8_A));
        assertThat(shown.get(0).textEn()).isEqualTo("A student with a protected identity in Ma1c-A becomes visible to someone new.");
        assertThat(shown).noneMatch(warning -> warning.textSv().contains("skyddad") && warning.textSv().contains("Ma8-A"));
    }

    @Test
    void anIntegrationIsShownEveryWarningAndNoOneIsNamedToIt() {
        List<BreakWarning> shown = warnings(Set.of(), true);

        assertThat(shown).extracting(BreakWarning::groupId).containsExactly(GROUP_MA1C_A, GROUP_MA8_A, GROUP_MA8_A);
        assertThat(shown).allMatch(warning -> warning.student() == null && warning.person() == null);
    }

    @Test
    void theRuleIsTheSameForARunsStoredWarnings() {
        assertThat(ImpactViews.visibleTo("PROTECTED_STUDENT_VISIBLE", SCHOOL_SOLBACKASKOLAN,
                Set.of(SCHOOL_SOLBACKA_GYMNASIUM))).isFalse();
        assertThat(ImpactViews.visibleTo("PROTECTED_STUDENT_VISIBLE", SCHOOL_SOLBACKASKOLAN, null)).isTrue();
        assertThat(ImpactViews.visibleTo("MENTOR_GROUP_WITHOUT_MENTOR", SCHOOL_SOLBACKASKOLAN, Set.of())).isTrue();
    }

    private static List<BreakWarning> warnings(Set<UUID> administered, boolean integration) {
        return db.read(em -> {
            ImpactViews views = new ImpactViews(em);
            return views.show(TENANT_SOLBACKA, IMPACT, List.of(GROUP_MA1C_A, GROUP_MA8_A), administered, null,
                    ids -> Map.<UUID, BreakPerson>of(), integration).warnings();
        });
    }
}
