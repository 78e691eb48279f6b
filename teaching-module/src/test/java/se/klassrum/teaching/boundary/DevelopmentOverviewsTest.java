package se.klassrum.teaching.boundary;

import org.junit.jupiter.api.Test;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.boundary.DevelopmentOverviews.AssessedWork;
import se.klassrum.teaching.boundary.DevelopmentOverviews.DevelopmentOverview;
import se.klassrum.teaching.boundary.DevelopmentOverviews.OverviewGroup;
import se.klassrum.teaching.entity.SafeHtml;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a student's assessed work is put together as their development overview, and to whom an empty one is shown. */
class DevelopmentOverviewsTest {

    private static final UUID ELSA = UUID.randomUUID();
    private static final UUID LAST_YEARS_MATHS = UUID.randomUUID();
    private static final UUID ENGLISH = UUID.randomUUID();
    private static final OffsetDateTime MAY = OffsetDateTime.of(2026, 5, 20, 10, 0, 0, 0, ZoneOffset.UTC);

    private static AssessedWork work(String title, UUID group, String groupName, String year, OffsetDateTime returned) {
        return new AssessedWork(UUID.randomUUID(), title, group, groupName, year, "MATMAT01c", "Matematik", ELSA,
                SafeHtml.of("<p>Bra <script>x()</script>jobbat</p>"), returned);
    }

    @Test
    void theWorkComesByGroupTheLatestSchoolYearFirstAndTheLatestReturnedFirstWithinAGroup() {
        List<AssessedWork> seen = List.of(
                work("Procent", LAST_YEARS_MATHS, "Ma1c-A 2025/26", "2025/26", MAY.minusMonths(2)),
                work("Uppsats", ENGLISH, "En5-B", "2026/27", MAY.plusMonths(5)),
                work("Ekvationer", LAST_YEARS_MATHS, "Ma1c-A 2025/26", "2025/26", MAY));

        DevelopmentOverview overview = DevelopmentOverview.of(ELSA, seen, List.of(), false);

        assertThat(overview.studentId()).isEqualTo(ELSA);
        assertThat(overview.groups()).extracting(OverviewGroup::groupName).containsExactly("En5-B", "Ma1c-A 2025/26");
        OverviewGroup maths = overview.groups().get(1);
        assertThat(maths.schoolYear()).isEqualTo("2025/26");
        assertThat(maths.subjectName()).isEqualTo("Matematik");
        assertThat(maths.work()).extracting(DevelopmentOverviews.OverviewWork::title).containsExactly("Ekvationer", "Procent");
        assertThat(maths.work().get(0).feedback().value()).contains("jobbat").doesNotContain("script");
    }

    @Test
    void anOverviewWithNothingSeenIsEmptyForTheStudentAndUnknownForAnyoneElse() {
        assertThat(DevelopmentOverview.of(ELSA, List.of(), List.of(), true).groups()).isEmpty();
        assertThatThrownBy(() -> DevelopmentOverview.of(ELSA, List.of(), List.of(), false))
                .isInstanceOf(StudentDataNotFoundException.class);
    }

    private static Views.AssessmentView assessment(String code, String subject, String group) {
        return new Views.AssessmentView(UUID.randomUUID(), ELSA, UUID.randomUUID(), code, "Kurs " + code, UUID.randomUUID(),
                group, se.klassrum.teaching.entity.Grade.C, SafeHtml.of("<p>Stabil</p>"),
                se.klassrum.teaching.entity.PublicationStatus.PUBLISHED, MAY, UUID.randomUUID(), subject);
    }

    @Test
    void publishedAssessmentsAloneMakeAnOverviewAndComeBySubject() {
        DevelopmentOverview overview = DevelopmentOverview.of(ELSA, List.of(), List.of(
                assessment("MATMAT02c", "Matematik", "Ma2c-A"), assessment("ENGENG05", "Engelska", "En5-B"),
                assessment("MATMAT01c", "Matematik", "Ma1c-A 2025/26")), false);

        assertThat(overview.groups()).isEmpty();
        assertThat(overview.subjects()).extracting(DevelopmentOverviews.OverviewSubject::subjectName)
                .containsExactly("Engelska", "Matematik");
        assertThat(overview.subjects().get(1).assessments()).extracting(DevelopmentOverviews.OverviewAssessment::syllabusCode)
                .containsExactly("MATMAT01c", "MATMAT02c");
        assertThat(overview.subjects().get(1).assessments().get(0).groupName()).isEqualTo("Ma1c-A 2025/26");
    }
}
