package se.klassrum.access.boundary;

import org.junit.jupiter.api.Test;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PathEvaluation;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.PrerequisiteCheck;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.Validity;
import se.klassrum.access.control.AccessRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names in explanations: a teacher at Solskolan (Petra, group Ma8-A), a student at Månskolan (Hugo, group Ma1c-A
 * with the syllabus MATMAT01c), the administrator of Månskolan (Sara) and Hugo's guardian (Nora). Each reads the
 * explanation with only the names they may already see, and the decision is the one on the full facts.
 */
class ExplanationNamesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 5);
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SOLSKOLAN = UUID.randomUUID();
    private static final UUID MANSKOLAN = UUID.randomUUID();
    private static final UUID PETRA = UUID.randomUUID();
    private static final UUID HUGO = UUID.randomUUID();
    private static final UUID SARA = UUID.randomUUID();
    private static final UUID NORA = UUID.randomUUID();
    private static final UUID MA8A = UUID.randomUUID();
    private static final UUID MA1CA = UUID.randomUUID();
    private static final Validity SINCE = Validity.from(TODAY.minusYears(1));

    private final AccessRules rules = new AccessRules();

    @Test
    void anAdministratorIsNotToldTheSchoolAndGroupOfATeacherAtAnotherSchool() {
        AccessQuestion question = question(PETRA, DataKind.STUDENT_PROFILE, null, null);
        AccessFacts petrasFacts = facts(PETRA);

        Decision full = rules.decide(question, petrasFacts, TODAY);
        Decision read = rules.decide(question, ExplanationNames.forReader(petrasFacts, facts(SARA), SARA, TODAY), TODAY);

        assertSameDecision(read, full);
        assertThat(text(full)).contains("Solskolan", "Ma8-A");
        assertThat(text(read)).doesNotContain("Solskolan").doesNotContain("Ma8-A").doesNotContain(MA8A.toString())
                .doesNotContain(SOLSKOLAN.toString()).contains("Månskolan", "på en annan skola");
        assertThat(english(read)).contains("another school").doesNotContain("Solskolan");
    }

    @Test
    void theHistoryOfAnArchivedGroupIsExplainedWithTheSameDecisionWhateverNamesAreWithheld() {
        // Petra still owns last year's archived group Ma8-A at Solskolan; Hugo was in it and studies there still.
        PersonFacts petra = person(PETRA, List.of(new LicenceFact(LicenceKind.TEACHER, SINCE)),
                List.of(new RoleFact(SOLSKOLAN, SchoolRoleKind.TEACHER, SINCE)));
        Map<UUID, GroupFact> groups = Map.of(MA8A, new GroupFact(MA8A, TENANT, SOLSKOLAN, "Ma8-A", GroupKind.TEACHING,
                true, true, null, null, null));
        AccessFacts petrasFacts = new AccessFacts(petra, null, groups,
                List.of(new MembershipFact(MA8A, PETRA, MembershipRole.OWNER, SINCE)), List.of(), List.of(),
                Map.of(SOLSKOLAN, "Solskolan"), java.util.Set.of(),
                List.of(new se.klassrum.access.api.ArchivedGroupStudentFact(MA8A, HUGO, SINCE.from(), SINCE)));
        AccessQuestion question = AccessQuestion.aboutGroup(Actor.person(PETRA, TENANT), DataKind.POST, Operation.READ,
                MA8A, null);

        Decision full = rules.decide(question, petrasFacts, TODAY);
        Decision read = rules.decide(question, ExplanationNames.forReader(petrasFacts, facts(SARA), SARA, TODAY), TODAY);

        assertThat(full.allowed()).isTrue();
        assertSameDecision(read, full);
        assertThat(text(read)).doesNotContain("Ma8-A").doesNotContain("Solskolan");
    }

    @Test
    void aTeacherExplainingThemselvesIsNotToldTheStudentsGroupsAtASchoolWhereTheyHaveNoRole() {
        AccessQuestion question = question(PETRA, DataKind.ASSESSMENT, null, ItemFacts.assessment(UUID.randomUUID(), true));
        AccessFacts petrasFacts = facts(PETRA);

        Decision full = rules.decide(question, petrasFacts, TODAY);
        Decision read = rules.decide(question, ExplanationNames.forReader(petrasFacts, petrasFacts, PETRA, TODAY), TODAY);

        assertSameDecision(read, full);
        assertThat(text(full)).contains("Månskolan");
        assertThat(text(read)).doesNotContain("Månskolan").doesNotContain("Ma1c-A").doesNotContain("MATMAT01c")
                .contains("Solskolan");
    }

    @Test
    void aGuardianWithAnActiveLinkIsToldTheirChildsSchoolAndGroup() {
        AccessQuestion question = question(NORA, DataKind.POST, MA1CA, null);
        AccessFacts norasFacts = facts(NORA);

        Decision read = rules.decide(question, ExplanationNames.forReader(norasFacts, norasFacts, NORA, TODAY), TODAY);

        assertSameDecision(read, rules.decide(question, norasFacts, TODAY));
        assertThat(text(read)).contains("Ma1c-A", "Månskolan").doesNotContain("en annan skola");
    }

    @Test
    void anApplicationIsToldNoName() {
        AccessFacts petrasFacts = facts(PETRA);
        AccessFacts read = ExplanationNames.forReader(petrasFacts, petrasFacts, null, TODAY);

        assertThat(read.groups().values()).extracting(GroupFact::name).containsOnly(Messages.WITHHELD);
        assertThat(read.schoolName(SOLSKOLAN)).isEqualTo(Messages.WITHHELD);
        assertThat(read.schoolName(MANSKOLAN)).isEqualTo(Messages.WITHHELD);
    }

    private static AccessQuestion question(UUID person, DataKind kind, UUID group, ItemFacts item) {
        return new AccessQuestion(Actor.person(person, TENANT), HUGO, kind, Operation.READ, group, item);
    }

    private static void assertSameDecision(Decision read, Decision full) {
        assertThat(read.allowed()).isEqualTo(full.allowed());
        assertThat(read.failingCodes()).isEqualTo(full.failingCodes());
        assertThat(read.paths()).hasSameSizeAs(full.paths());
        for (int p = 0; p < full.paths().size(); p++) {
            PathEvaluation expected = full.paths().get(p);
            PathEvaluation actual = read.paths().get(p);
            assertThat(actual.path()).isEqualTo(expected.path());
            assertThat(actual.checks()).extracting(PrerequisiteCheck::code)
                    .isEqualTo(expected.checks().stream().map(PrerequisiteCheck::code).toList());
            assertThat(actual.checks()).extracting(PrerequisiteCheck::passed)
                    .isEqualTo(expected.checks().stream().map(PrerequisiteCheck::passed).toList());
            assertThat(actual.checks()).extracting(PrerequisiteCheck::detail)
                    .isEqualTo(expected.checks().stream().map(PrerequisiteCheck::detail).toList());
        }
    }

    private static String text(Decision decision) {
        return describe(decision, Messages.SWEDISH);
    }

    private static String english(Decision decision) {
        return describe(decision, Locale.ENGLISH);
    }

    private static String describe(Decision decision, Locale locale) {
        StringBuilder text = new StringBuilder();
        decision.paths().forEach(path -> path.checks().forEach(check -> text.append(Messages.describe(check, locale))
                .append('\n')));
        return text.toString();
    }

    /** The snapshot an adapter gives for the person as actor and Hugo as student. */
    private static AccessFacts facts(UUID actor) {
        Map<UUID, PersonFacts> people = Map.of(
                PETRA, person(PETRA, List.of(new LicenceFact(LicenceKind.TEACHER, SINCE)),
                        List.of(new RoleFact(SOLSKOLAN, SchoolRoleKind.TEACHER, SINCE))),
                HUGO, person(HUGO, List.of(new LicenceFact(LicenceKind.STUDENT, SINCE)),
                        List.of(new RoleFact(MANSKOLAN, SchoolRoleKind.STUDENT, SINCE))),
                SARA, person(SARA, List.of(), List.of(new RoleFact(MANSKOLAN, SchoolRoleKind.SCHOOL_ADMIN, SINCE))),
                NORA, person(NORA, List.of(), List.of()));
        List<MembershipFact> memberships = new ArrayList<>(List.of(
                new MembershipFact(MA1CA, HUGO, MembershipRole.MEMBER, SINCE)));
        Map<UUID, GroupFact> groups = new LinkedHashMap<>();
        groups.put(MA1CA, new GroupFact(MA1CA, TENANT, MANSKOLAN, "Ma1c-A", GroupKind.TEACHING, true, false,
                UUID.randomUUID(), "MATMAT01c", UUID.randomUUID()));
        if (actor.equals(PETRA)) {
            memberships.add(new MembershipFact(MA8A, PETRA, MembershipRole.OWNER, SINCE));
            groups.put(MA8A, new GroupFact(MA8A, TENANT, SOLSKOLAN, "Ma8-A", GroupKind.TEACHING, true, false,
                    null, null, null));
        }
        List<GuardianLinkFact> links = actor.equals(NORA)
                ? List.of(new GuardianLinkFact(NORA, HUGO, true, GuardianLinkFact.Consent.NONE, SINCE)) : List.of();
        return new AccessFacts(people.get(actor), people.get(HUGO), groups, memberships, List.of(), links,
                Map.of(SOLSKOLAN, "Solskolan", MANSKOLAN, "Månskolan"));
    }

    private static PersonFacts person(UUID id, List<LicenceFact> licences, List<RoleFact> roles) {
        return new PersonFacts(id, TENANT, licences, roles, false, id.equals(NORA), TODAY.minusYears(id.equals(HUGO) ? 15 : 40));
    }
}
