package se.klassrum.access.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FactsTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 12);

    @Test
    void validityIncludesBothEnds() {
        assertThat(new Validity(TODAY, TODAY).isActiveOn(TODAY)).isTrue();
        assertThat(new Validity(null, TODAY.minusDays(1)).isActiveOn(TODAY)).isFalse();
        assertThat(new Validity(TODAY.plusDays(1), null).isActiveOn(TODAY)).isFalse();
        assertThat(Validity.ALWAYS.isActiveOn(TODAY)).isTrue();
        assertThat(new Validity(TODAY.plusDays(1), TODAY.minusDays(1)).isActiveOn(TODAY)).isFalse();
    }

    @Test
    void guardianLinkEndsAtEighteenUnlessTheStudentConsented() {
        LocalDate eighteenToday = TODAY.minusYears(18);
        GuardianLinkFact link = link(true, GuardianLinkFact.Consent.NONE);
        GuardianLinkFact consented = link(true, GuardianLinkFact.Consent.RECORDED);
        GuardianLinkFact withdrawn = link(true, GuardianLinkFact.Consent.WITHDRAWN);
        GuardianLinkFact deactivated = link(false, GuardianLinkFact.Consent.RECORDED);

        assertThat(link.isActiveOn(TODAY, eighteenToday.plusDays(1))).as("the day before the 18th birthday").isTrue();
        assertThat(link.isActiveOn(TODAY, eighteenToday)).as("on the 18th birthday, by itself (A1)").isFalse();
        assertThat(link.isActiveOn(TODAY, null)).as("no birth date: nothing happens (A3)").isTrue();
        assertThat(consented.isActiveOn(TODAY, eighteenToday)).isTrue();
        assertThat(consented.continuesByConsentOn(TODAY, eighteenToday)).isTrue();
        assertThat(consented.continuesByConsentOn(TODAY, eighteenToday.plusDays(1))).as("a minor's link holds anyway").isFalse();
        assertThat(withdrawn.isActiveOn(TODAY, eighteenToday)).isFalse();
        assertThat(withdrawn.isActiveOn(TODAY, eighteenToday.plusDays(1))).as("for good, whatever the birth date says").isFalse();
        assertThat(deactivated.isActiveOn(TODAY, eighteenToday.plusYears(5))).isFalse();
    }

    private static GuardianLinkFact link(boolean active, GuardianLinkFact.Consent consent) {
        return new GuardianLinkFact(UUID.randomUUID(), UUID.randomUUID(), active, consent, Validity.ALWAYS);
    }

    @Test
    void leapDayChildComesOfAgeOnTheLastDayOfFebruary() {
        LocalDate born = LocalDate.of(2008, 2, 29);

        assertThat(GuardianLinkFact.isAdultOn(LocalDate.of(2026, 2, 27), born)).isFalse();
        assertThat(GuardianLinkFact.isAdultOn(LocalDate.of(2026, 2, 28), born)).isTrue();
    }

    @Test
    void snapshotKeepsTheOrderOfItsGroups() {
        UUID tenant = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        Map<UUID, GroupFact> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            groups.put(id, new GroupFact(id, tenant, school, "G" + i, GroupKind.TEACHING, true, false, null, null, null));
        }
        PersonFacts student = new PersonFacts(UUID.randomUUID(), tenant, List.of(), List.of(), false, false, null);

        AccessFacts facts = new AccessFacts(null, student, groups, List.of(), List.of(), List.of());

        assertThat(facts.groups().keySet()).containsExactlyElementsOf(groups.keySet());
        assertThat(facts.schoolName(school)).isEqualTo(school.toString());
    }

    @Test
    void groupLevelSnapshotHasNoStudent() {
        UUID tenant = UUID.randomUUID();
        PersonFacts teacher = new PersonFacts(UUID.randomUUID(), tenant, List.of(), List.of(), false, false, null);

        AccessFacts facts = new AccessFacts(teacher, null, Map.of(), List.of(), List.of(), List.of());

        assertThat(facts.student()).isNull();
        assertThat(facts.actor()).isEqualTo(teacher);
    }

    @Test
    void decisionAllowsExactlyWhenAPathAllows() {
        AccessQuestion question = AccessQuestion.about(Actor.person(UUID.randomUUID(), UUID.randomUUID()),
                UUID.randomUUID(), DataKind.STUDENT_PROFILE, Operation.READ);
        PathEvaluation denied = new PathEvaluation(AccessPath.TEACHER, false,
                List.of(new PrerequisiteCheck(Prerequisite.LICENCE, false, Map.of())));

        assertThatThrownBy(() -> new Decision(true, question, List.of(denied))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(true, question, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathEvaluation(AccessPath.TEACHER, true, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathEvaluation(AccessPath.TEACHER, true,
                List.of(new PrerequisiteCheck(Prerequisite.LICENCE, false, Map.of()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Decision(false, question, List.of(denied)).failingCodes()).containsExactly(Prerequisite.LICENCE);
    }
}
