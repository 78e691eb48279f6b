package se.klassrum.roster.control;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PathEvaluation;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.PrerequisiteCheck;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.boundary.InvitationFacts;
import se.klassrum.roster.demo.DemoRoster;
import se.klassrum.roster.testing.TestDatabase;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.access.api.Prerequisite.APPLICATION_PERMISSION;
import static se.klassrum.access.api.Prerequisite.CHILD_HAS_ROLE_AT_SCHOOL;
import static se.klassrum.access.api.Prerequisite.EARLIER_PUBLISHED;
import static se.klassrum.access.api.Prerequisite.CHILD_MEMBER_OF_GROUP;
import static se.klassrum.access.api.Prerequisite.GUARDIAN_INVITED;
import static se.klassrum.access.api.Prerequisite.GUARDIAN_LINK;
import static se.klassrum.access.api.Prerequisite.GUARDIAN_LOGIN;
import static se.klassrum.access.api.Prerequisite.LICENCE;
import static se.klassrum.access.api.Prerequisite.MEMBER_OF_LINKED_GROUP;
import static se.klassrum.access.api.Prerequisite.OPERATION_ALLOWED;
import static se.klassrum.access.api.Prerequisite.OWNS_MENTOR_GROUP;
import static se.klassrum.access.api.Prerequisite.OWNS_TEACHING_GROUP;
import static se.klassrum.access.api.Prerequisite.PUBLISHED;
import static se.klassrum.access.api.Prerequisite.ROLE_TEACHER;
import static se.klassrum.access.api.Prerequisite.SAME_TENANT;
import static se.klassrum.access.api.Prerequisite.STUDENT_AT_SCHOOL;
import static se.klassrum.access.api.Prerequisite.SYLLABUS_LINKED;
import static se.klassrum.access.api.Prerequisite.TEACHER_SUBJECT;
import static se.klassrum.roster.demo.DemoIds.GROUP_EN5_B;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_D;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A_PREVIOUS;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA8_A;
import static se.klassrum.roster.demo.DemoIds.GROUP_NA24A_MENTOR;
import static se.klassrum.roster.demo.DemoIds.GROUP_NORRA_MA1C;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.SUBJECT_MAT;
import static se.klassrum.roster.demo.DemoIds.PERSON_BERTIL;
import static se.klassrum.roster.demo.DemoIds.PERSON_CECILIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_DAVID;
import static se.klassrum.roster.demo.DemoIds.PERSON_EBBA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_FILIP;
import static se.klassrum.roster.demo.DemoIds.PERSON_GRETA;
import static se.klassrum.roster.demo.DemoIds.PERSON_HUGO;
import static se.klassrum.roster.demo.DemoIds.PERSON_IVAR;
import static se.klassrum.roster.demo.DemoIds.PERSON_JULIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_KARIN;
import static se.klassrum.roster.demo.DemoIds.PERSON_KLARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_LARS;
import static se.klassrum.roster.demo.DemoIds.PERSON_MARIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_NILS;
import static se.klassrum.roster.demo.DemoIds.PERSON_OLLE;
import static se.klassrum.roster.demo.DemoIds.PERSON_OLOF;
import static se.klassrum.roster.demo.DemoIds.PERSON_OLOF;
import static se.klassrum.roster.demo.DemoIds.PERSON_PETRA;
import static se.klassrum.roster.demo.DemoIds.PERSON_RUT;
import static se.klassrum.roster.demo.DemoIds.PERSON_SARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_TOVE;
import static se.klassrum.roster.demo.DemoIds.PERSON_ULLA;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_ENGENG05;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_FYSFYS01A;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_KEMKEM01;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_MATMAT01C;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_NORRA_MATMAT01C;
import static se.klassrum.roster.demo.DemoIds.TENANT_NORRA;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * The decisive check of the roster side: the demo roster saved in a real PostgreSQL, read by the adapter,
 * judged by the access rules, gives for each persona the decision and the failing prerequisite codes that
 * DEMO-DATA.md promises. Each question is asked on days around the school-year boundaries and today, since
 * the demo's dates are relative; and across all questions every prerequisite code is both met and missing.
 */
class AccessRulesOnDemoRosterTest {

    private static final AccessRules RULES = new AccessRules();
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 8, 15), LocalDate.now(AccessRules.SCHOOL_ZONE));

    private static final Map<LocalDate, TestDatabase> DATABASES = new LinkedHashMap<>();

    @BeforeAll
    static void loadTheDemoRosterAsOfEachDay() {
        for (LocalDate day : DAYS) {
            if (!DATABASES.containsKey(day)) {
                TestDatabase db = TestDatabase.create("access_rules_on_demo");
                db.runInTransaction(em -> DemoRoster.asOf(day).loadIfEmpty(em));
                DATABASES.put(day, db);
            }
        }
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.values().forEach(TestDatabase::close);
    }

    /** One question and what the rules must answer; an empty list of codes means allowed. */
    record Case(String name, Actor actor, UUID student, DataKind kind, Operation operation, UUID group,
                ItemFacts item, List<Prerequisite> failing) {

        AccessQuestion question() {
            return new AccessQuestion(actor, student, kind, operation, group, item);
        }

        UUID actorPersonId() {
            return actor instanceof Actor.Person person ? person.personId() : null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                // Teachers
                allowed("Anna writes Elsa's MATMAT01c assessment through Ma1c-A",
                        solbacka(PERSON_ANNA), PERSON_ELSA, DataKind.ASSESSMENT, Operation.WRITE, null,
                        ItemFacts.assessment(SYLLABUS_MATMAT01C, false)),
                allowed("Anna reads Hugo's published MATMAT01c assessment from last year's archived Ma1c-A (S1, S2)",
                        solbacka(PERSON_ANNA), PERSON_HUGO, DataKind.ASSESSMENT, Operation.READ, null,
                        ItemFacts.assessment(SYLLABUS_MATMAT01C, SUBJECT_MAT, GROUP_MA1C_A_PREVIOUS, true)),
                denied("Anna, an earlier draft of Hugo's from last year's Ma1c-A: earlier assessments only when published",
                        solbacka(PERSON_ANNA), PERSON_HUGO, DataKind.ASSESSMENT, Operation.READ, null,
                        ItemFacts.assessment(SYLLABUS_MATMAT01C, SUBJECT_MAT, GROUP_MA1C_A_PREVIOUS, false), EARLIER_PUBLISHED),
                denied("Anna, En5-B: not linked to ENG", solbacka(PERSON_ANNA), PERSON_ELSA, DataKind.ASSESSMENT,
                        Operation.WRITE, null, ItemFacts.assessment(SYLLABUS_ENGENG05, false), TEACHER_SUBJECT),
                denied("Anna, Fy1a-C: no syllabus linked", solbacka(PERSON_ANNA), PERSON_ELSA, DataKind.ASSESSMENT,
                        Operation.WRITE, null, ItemFacts.assessment(SYLLABUS_FYSFYS01A, false), SYLLABUS_LINKED),
                denied("Anna, Ke1-D: not connected", solbacka(PERSON_ANNA), PERSON_ELSA, DataKind.POST,
                        Operation.READ, GROUP_KE1_D, null, OWNS_TEACHING_GROUP),
                allowed("Anna reads Hugo's hand-ins in last year's archived Ma1c-A: its history",
                        solbacka(PERSON_ANNA), PERSON_HUGO, DataKind.SUBMISSION, Operation.READ, GROUP_MA1C_A_PREVIOUS,
                        null),
                denied("Anna, last year's Ma1c-A: nobody writes in an archived group", solbacka(PERSON_ANNA),
                        PERSON_HUGO, DataKind.POST, Operation.WRITE, GROUP_MA1C_A_PREVIOUS, null, OWNS_TEACHING_GROUP),
                allowed("Hugo reads his assessed hand-in of last year's archived Ma1c-A: his development overview",
                        solbacka(PERSON_HUGO), PERSON_HUGO, DataKind.SUBMISSION, Operation.READ, GROUP_MA1C_A_PREVIOUS,
                        ItemFacts.assessedWork(PERSON_HUGO)),
                allowed("Olof reads Hugo's assessed assignment of last year's Ma1c-A: the overview, as a guardian",
                        solbacka(PERSON_OLOF), PERSON_HUGO, DataKind.ASSIGNMENT, Operation.READ, GROUP_MA1C_A_PREVIOUS,
                        ItemFacts.assessedWork(PERSON_HUGO)),
                denied("Hugo, last year's Ma1c-A: a hand-in that is not assessed work stays in the archived group",
                        solbacka(PERSON_HUGO), PERSON_HUGO, DataKind.SUBMISSION, Operation.READ, GROUP_MA1C_A_PREVIOUS,
                        new ItemFacts(null, true, PERSON_HUGO), MEMBER_OF_LINKED_GROUP),
                denied("Anna, 'her own assessed work' in last year's Ma1c-A: she studies nowhere, so has no overview",
                        solbacka(PERSON_ANNA), PERSON_ANNA, DataKind.SUBMISSION, Operation.READ, GROUP_MA1C_A_PREVIOUS,
                        ItemFacts.assessedWork(PERSON_ANNA), STUDENT_AT_SCHOOL, OWNS_TEACHING_GROUP),
                denied("Bertil, Elsa's assessed hand-in in Ma1c-A: she is still in it, so it is no earlier work for her mentor",
                        solbacka(PERSON_BERTIL), PERSON_ELSA, DataKind.SUBMISSION, Operation.READ, GROUP_MA1C_A,
                        ItemFacts.assessedWork(PERSON_ELSA), OWNS_TEACHING_GROUP),
                denied("Anna, last year's Ma1c-A: Elsa was never in it", solbacka(PERSON_ANNA), PERSON_ELSA,
                        DataKind.SUBMISSION, Operation.READ, GROUP_MA1C_A_PREVIOUS, null, OWNS_TEACHING_GROUP),
                denied("Bertil, last year's Ma1c-A: not its owner", solbacka(PERSON_BERTIL), PERSON_HUGO,
                        DataKind.POST, Operation.READ, GROUP_MA1C_A_PREVIOUS, null, OWNS_TEACHING_GROUP),
                allowed("Anna reads Hugo's profile through this year's Ma1c-A", solbacka(PERSON_ANNA), PERSON_HUGO,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null),
                denied("Anna, Julia: membership ended last week", solbacka(PERSON_ANNA), PERSON_JULIA,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null, OWNS_TEACHING_GROUP),
                allowed("Anna reads Klara's profile although Klara has no licence", solbacka(PERSON_ANNA),
                        PERSON_KLARA, DataKind.STUDENT_PROFILE, Operation.READ, null, null),
                denied("Anna signed in through Norrå's tenant", Actor.person(PERSON_ANNA, TENANT_NORRA), PERSON_ELSA,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null, SAME_TENANT),
                denied("Cecilia: no licence", solbacka(PERSON_CECILIA), PERSON_ELSA, DataKind.ASSESSMENT,
                        Operation.WRITE, null, ItemFacts.assessment(SYLLABUS_KEMKEM01, false), LICENCE),
                denied("David: teacher role ended yesterday", solbacka(PERSON_DAVID), PERSON_ELSA,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null, ROLE_TEACHER),
                denied("Sara, school admin: no person path", solbacka(PERSON_SARA), PERSON_ELSA,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null, ROLE_TEACHER, OWNS_TEACHING_GROUP),
                allowed("Petra reads Rut's profile at Solbackaskolan", solbacka(PERSON_PETRA), PERSON_RUT,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null),
                denied("Petra, Hugo: no longer a student at Solbackaskolan", solbacka(PERSON_PETRA), PERSON_HUGO,
                        DataKind.POST, Operation.READ, GROUP_MA8_A, null, STUDENT_AT_SCHOOL, OWNS_TEACHING_GROUP),
                allowed("Olle writes Tove's assessment in Norrå", Actor.person(PERSON_OLLE, TENANT_NORRA), PERSON_TOVE,
                        DataKind.ASSESSMENT, Operation.WRITE, null, ItemFacts.assessment(SYLLABUS_NORRA_MATMAT01C, false)),
                denied("Olle, Elsa: another organisation", Actor.person(PERSON_OLLE, TENANT_NORRA), PERSON_ELSA,
                        DataKind.POST, Operation.READ, GROUP_MA1C_A, null, SAME_TENANT, ROLE_TEACHER, OWNS_TEACHING_GROUP),
                // Mentors
                allowed("Bertil writes Elsa's development talk in his mentor group", solbacka(PERSON_BERTIL),
                        PERSON_ELSA, DataKind.DEVELOPMENT_TALK, Operation.WRITE, GROUP_NA24A_MENTOR, null),
                allowed("Bertil reads Elsa's draft assessment as her mentor", solbacka(PERSON_BERTIL), PERSON_ELSA,
                        DataKind.ASSESSMENT, Operation.READ, null, ItemFacts.assessment(SYLLABUS_MATMAT01C, false)),
                denied("Bertil, Hugo: not in his mentor group", solbacka(PERSON_BERTIL), PERSON_HUGO,
                        DataKind.DEVELOPMENT_TALK, Operation.READ, GROUP_NA24A_MENTOR, null, OWNS_MENTOR_GROUP),
                denied("Bertil: a mentor never writes assessments", solbacka(PERSON_BERTIL), PERSON_ELSA,
                        DataKind.ASSESSMENT, Operation.WRITE, null, ItemFacts.assessment(SYLLABUS_MATMAT01C, false),
                        OPERATION_ALLOWED),
                denied("Anna: teachers never see development talks", solbacka(PERSON_ANNA), PERSON_ELSA,
                        DataKind.DEVELOPMENT_TALK, Operation.READ, GROUP_NA24A_MENTOR, null,
                        OPERATION_ALLOWED, OWNS_TEACHING_GROUP),
                // Students
                allowed("Elsa reads her own profile", solbacka(PERSON_ELSA), PERSON_ELSA, DataKind.STUDENT_PROFILE,
                        Operation.READ, null, null),
                allowed("Elsa writes her submission in Ma1c-A", solbacka(PERSON_ELSA), PERSON_ELSA,
                        DataKind.SUBMISSION, Operation.WRITE, GROUP_MA1C_A, null),
                denied("Elsa: her assessment is a draft", solbacka(PERSON_ELSA), PERSON_ELSA, DataKind.ASSESSMENT,
                        Operation.READ, null, ItemFacts.assessment(SYLLABUS_MATMAT01C, false), PUBLISHED),
                denied("Elsa: a student does not change her profile", solbacka(PERSON_ELSA), PERSON_ELSA,
                        DataKind.STUDENT_PROFILE, Operation.WRITE, null, null, OPERATION_ALLOWED),
                allowed("Hugo reads his published assessment after changing school", solbacka(PERSON_HUGO),
                        PERSON_HUGO, DataKind.ASSESSMENT, Operation.READ, null,
                        ItemFacts.assessment(SYLLABUS_MATMAT01C, true)),
                denied("Klara: no student licence", solbacka(PERSON_KLARA), PERSON_KLARA, DataKind.STUDENT_PROFILE,
                        Operation.READ, null, null, LICENCE),
                allowed("Filip reads a post about Elsa in Ma1c-A", solbacka(PERSON_FILIP), PERSON_ELSA, DataKind.POST,
                        Operation.READ, GROUP_MA1C_A, null),
                denied("Filip, Greta: protected identity", solbacka(PERSON_FILIP), PERSON_GRETA, DataKind.POST,
                        Operation.READ, GROUP_MA1C_A, null, MEMBER_OF_LINKED_GROUP),
                denied("Filip, En5-B: not a member", solbacka(PERSON_FILIP), PERSON_ELSA, DataKind.POST,
                        Operation.READ, GROUP_EN5_B, null, MEMBER_OF_LINKED_GROUP),
                denied("Julia, Ma1c-A: membership ended last week", solbacka(PERSON_JULIA), PERSON_ELSA,
                        DataKind.POST, Operation.READ, GROUP_MA1C_A, null, MEMBER_OF_LINKED_GROUP),
                // Guardians
                allowed("Karin reads Elsa's profile", solbacka(PERSON_KARIN), PERSON_ELSA, DataKind.STUDENT_PROFILE,
                        Operation.READ, null, null),
                allowed("Karin reads a post about Elsa in Ma1c-A", solbacka(PERSON_KARIN), PERSON_ELSA, DataKind.POST,
                        Operation.READ, GROUP_MA1C_A, null),
                denied("Karin: the assessment is a draft", solbacka(PERSON_KARIN), PERSON_ELSA, DataKind.ASSESSMENT,
                        Operation.READ, null, ItemFacts.assessment(SYLLABUS_MATMAT01C, false), PUBLISHED),
                allowed("Karin reads Elsa's talk in NA24a that invites her", solbacka(PERSON_KARIN), PERSON_ELSA,
                        DataKind.DEVELOPMENT_TALK, Operation.READ, GROUP_NA24A_MENTOR, ItemFacts.talk(TALK_INVITING_KARIN)),
                denied("Karin: Elsa's talk in NA24a invites only Ebba", solbacka(PERSON_KARIN), PERSON_ELSA,
                        DataKind.DEVELOPMENT_TALK, Operation.READ, GROUP_NA24A_MENTOR, ItemFacts.talk(TALK_INVITING_EBBA),
                        GUARDIAN_INVITED),
                denied("Karin, Ke1-D: not connected", solbacka(PERSON_KARIN), PERSON_ELSA, DataKind.POST,
                        Operation.READ, GROUP_KE1_D, null, CHILD_MEMBER_OF_GROUP),
                denied("Karin: guardians only read", solbacka(PERSON_KARIN), PERSON_ELSA, DataKind.STUDENT_PROFILE,
                        Operation.WRITE, null, null, OPERATION_ALLOWED),
                denied("Karin, Filip: not her child", solbacka(PERSON_KARIN), PERSON_FILIP, DataKind.STUDENT_PROFILE,
                        Operation.READ, null, null, GUARDIAN_LINK),
                denied("Ebba: her only login is disabled", solbacka(PERSON_EBBA), PERSON_ELSA,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null, GUARDIAN_LOGIN),
                denied("Maria: link deactivated, and no login", solbacka(PERSON_MARIA), PERSON_FILIP,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null, GUARDIAN_LINK, GUARDIAN_LOGIN),
                denied("Lars: Ivar has turned 18", solbacka(PERSON_LARS), PERSON_IVAR, DataKind.STUDENT_PROFILE,
                        Operation.READ, null, null, GUARDIAN_LINK),
                allowed("Nils reads his protected child's profile", solbacka(PERSON_NILS), PERSON_GRETA,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null),
                allowed("Olof, god man, reads Hugo's profile", solbacka(PERSON_OLOF), PERSON_HUGO,
                        DataKind.STUDENT_PROFILE, Operation.READ, null, null),
                denied("Olof, Ma8-A: Hugo has no role at Solbackaskolan any more", solbacka(PERSON_OLOF), PERSON_HUGO,
                        DataKind.POST, Operation.READ, GROUP_MA8_A, null, CHILD_HAS_ROLE_AT_SCHOOL, CHILD_MEMBER_OF_GROUP),
                allowed("Ulla reads Rut's profile", solbacka(PERSON_ULLA), PERSON_RUT, DataKind.STUDENT_PROFILE,
                        Operation.READ, null, null),
                // Applications
                allowed("an integration reads Elsa's profile", application(TENANT_SOLBACKA, "Students.Read.All"),
                        PERSON_ELSA, DataKind.STUDENT_PROFILE, Operation.READ, null, null),
                denied("an integration of Solbacka, Tove of Norrå", application(TENANT_SOLBACKA, "Students.Read.All"),
                        PERSON_TOVE, DataKind.STUDENT_PROFILE, Operation.READ, null, null, SAME_TENANT),
                denied("an integration without the permission", application(TENANT_SOLBACKA, "Posts.Read.All"),
                        PERSON_ELSA, DataKind.STUDENT_PROFILE, Operation.READ, null, null, APPLICATION_PERMISSION),
                denied("an integration in Norrå's group on Solbacka's student",
                        application(TENANT_SOLBACKA, "Posts.Read.All"), PERSON_ELSA, DataKind.POST, Operation.READ,
                        GROUP_NORRA_MA1C, null, SAME_TENANT),
                // Group-level questions: the posts and assignments of a group as a whole, no student
                allowed("Anna reads the posts of Ma1c-A at group level", solbacka(PERSON_ANNA), null, DataKind.POST,
                        Operation.READ, GROUP_MA1C_A, null),
                allowed("Anna writes an assignment in Ma1c-A at group level", solbacka(PERSON_ANNA), null,
                        DataKind.ASSIGNMENT, Operation.WRITE, GROUP_MA1C_A, ItemFacts.publication(false)),
                denied("Anna, Ke1-D at group level: not connected", solbacka(PERSON_ANNA), null, DataKind.POST,
                        Operation.READ, GROUP_KE1_D, null, OWNS_TEACHING_GROUP),
                allowed("Anna reads the posts of last year's archived Ma1c-A at group level: Hugo still studies there",
                        solbacka(PERSON_ANNA), null, DataKind.POST, Operation.READ, GROUP_MA1C_A_PREVIOUS, null),
                denied("Anna, last year's Ma1c-A at group level: nobody writes in an archived group",
                        solbacka(PERSON_ANNA), null, DataKind.POST, Operation.WRITE, GROUP_MA1C_A_PREVIOUS, null,
                        OWNS_TEACHING_GROUP),
                denied("Olle, Ma1c-A at group level: another organisation", Actor.person(PERSON_OLLE, TENANT_NORRA),
                        null, DataKind.POST, Operation.READ, GROUP_MA1C_A, null,
                        SAME_TENANT, ROLE_TEACHER, OWNS_TEACHING_GROUP),
                allowed("Bertil writes a post in his mentor group at group level", solbacka(PERSON_BERTIL), null,
                        DataKind.POST, Operation.WRITE, GROUP_NA24A_MENTOR, null),
                denied("Bertil, Ma1c-A at group level: not his group", solbacka(PERSON_BERTIL), null, DataKind.POST,
                        Operation.READ, GROUP_MA1C_A, null, OWNS_TEACHING_GROUP),
                allowed("Filip reads the posts of Ma1c-A at group level", solbacka(PERSON_FILIP), null, DataKind.POST,
                        Operation.READ, GROUP_MA1C_A, null),
                allowed("Greta, protected, reads the posts of her own group at group level", solbacka(PERSON_GRETA),
                        null, DataKind.POST, Operation.READ, GROUP_MA1C_A, null),
                denied("Filip, En5-B at group level: not a member", solbacka(PERSON_FILIP), null, DataKind.POST,
                        Operation.READ, GROUP_EN5_B, null, MEMBER_OF_LINKED_GROUP),
                denied("Filip at group level: the assignment is a draft", solbacka(PERSON_FILIP), null,
                        DataKind.ASSIGNMENT, Operation.READ, GROUP_MA1C_A, ItemFacts.publication(false), PUBLISHED),
                denied("Julia, Ma1c-A at group level: membership ended last week", solbacka(PERSON_JULIA), null,
                        DataKind.POST, Operation.READ, GROUP_MA1C_A, null, MEMBER_OF_LINKED_GROUP),
                denied("Klara at group level: no student licence", solbacka(PERSON_KLARA), null, DataKind.POST,
                        Operation.READ, GROUP_MA1C_A, null, LICENCE),
                denied("Karin at group level: a guardian names her child", solbacka(PERSON_KARIN), null,
                        DataKind.POST, Operation.READ, GROUP_MA1C_A, null, GUARDIAN_LINK),
                allowed("an integration reads the posts of Ma1c-A at group level",
                        application(TENANT_SOLBACKA, "Posts.Read.All"), null, DataKind.POST, Operation.READ,
                        GROUP_MA1C_A, null),
                denied("an integration of Solbacka, Norrå's group at group level",
                        application(TENANT_SOLBACKA, "Posts.Read.All"), null, DataKind.POST, Operation.READ,
                        GROUP_NORRA_MA1C, null, SAME_TENANT));
    }

    static Stream<Arguments> casesOnEachDay() {
        return DAYS.stream().distinct().flatMap(day -> cases().stream().map(c -> Arguments.of(day, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("casesOnEachDay")
    void the_demo_roster_gives_each_persona_the_decision_it_is_there_for(LocalDate day, Case c) {
        Decision decision = decide(day, c);

        assertThat(decision.failingCodes()).as("failing codes (empty when allowed); " + decision.closestPath())
                .containsExactlyElementsOf(c.failing());
        assertThat(decision.allowed()).isEqualTo(c.failing().isEmpty());
    }

    @Test
    void across_the_personas_every_prerequisite_is_both_met_and_missing() {
        LocalDate day = DAYS.get(0);
        Set<Prerequisite> met = EnumSet.noneOf(Prerequisite.class);
        Set<Prerequisite> missing = EnumSet.noneOf(Prerequisite.class);
        for (Case c : cases()) {
            for (PathEvaluation path : decide(day, c).paths()) {
                for (PrerequisiteCheck check : path.checks()) {
                    (check.passed() ? met : missing).add(check.code());
                }
            }
        }

        assertThat(met).as("met somewhere").containsExactlyInAnyOrder(Prerequisite.values());
        assertThat(missing).as("missing somewhere").containsExactlyInAnyOrder(Prerequisite.values());
    }

    private static Decision decide(LocalDate day, Case c) {
        AccessFacts facts = DATABASES.get(day)
                .read(em -> new RosterFactsAdapter(em, TALK_INVITATIONS)
                        .load(c.actorPersonId(), RosterFactsPort.Subject.of(c.student(), c.group(), c.item())))
                .orElseThrow(() -> new AssertionError("no facts for " + c));
        return RULES.decide(c.question(), facts, day);
    }

    /** Two talks of Elsa's: the teaching module keeps them; here a stand-in select gives whom they invite. */
    private static final UUID TALK_INVITING_KARIN = UUID.fromString("d0000000-0000-0000-0000-00000000000a");
    private static final UUID TALK_INVITING_EBBA = UUID.fromString("d0000000-0000-0000-0000-00000000000b");
    private static final InvitationFacts TALK_INVITATIONS = () -> "select cast(v.talk as uuid) as talk_id, "
            + "cast(v.guardian as uuid) as guardian_id from (values ('" + TALK_INVITING_KARIN + "', '" + PERSON_KARIN
            + "'), ('" + TALK_INVITING_EBBA + "', '" + PERSON_EBBA + "')) v(talk, guardian), question q "
            + "where cast(v.talk as uuid) = any(q.talks)";

    private static Actor solbacka(UUID person) {
        return Actor.person(person, TENANT_SOLBACKA);
    }

    private static Actor application(UUID tenant, String permission) {
        return Actor.application("demo-integration", tenant, Set.of(permission));
    }

    private static Case allowed(String name, Actor actor, UUID student, DataKind kind, Operation operation, UUID group,
                                ItemFacts item) {
        return new Case(name, actor, student, kind, operation, group, item, List.of());
    }

    private static Case denied(String name, Actor actor, UUID student, DataKind kind, Operation operation, UUID group,
                               ItemFacts item, Prerequisite... failing) {
        return new Case(name, actor, student, kind, operation, group, item, List.of(failing));
    }
}
