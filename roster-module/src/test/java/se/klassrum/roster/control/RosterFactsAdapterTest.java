package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.ArchivedGroupStudentFact;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.TeacherSubjectFact;
import se.klassrum.access.api.Validity;
import se.klassrum.roster.boundary.InvitationFacts;
import se.klassrum.roster.demo.DemoRoster;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.Licence;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.TeacherSubject;
import se.klassrum.roster.testing.CountingDataSource;
import se.klassrum.roster.testing.TestDatabase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static se.klassrum.roster.demo.DemoIds.GROUP_EN5_B;
import static se.klassrum.roster.demo.DemoIds.GROUP_FY1A_C;
import static se.klassrum.roster.demo.DemoIds.GROUP_FY1A_F;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_D;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_E;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A_PREVIOUS;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA8_A;
import static se.klassrum.roster.demo.DemoIds.GROUP_NA24A_MENTOR;
import static se.klassrum.roster.demo.DemoIds.GROUP_NORRA_MA1C;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_BERTIL;
import static se.klassrum.roster.demo.DemoIds.PERSON_EBBA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_FILIP;
import static se.klassrum.roster.demo.DemoIds.PERSON_GRETA;
import static se.klassrum.roster.demo.DemoIds.PERSON_HUGO;
import static se.klassrum.roster.demo.DemoIds.PERSON_IVAR;
import static se.klassrum.roster.demo.DemoIds.PERSON_JULIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_KARIN;
import static se.klassrum.roster.demo.DemoIds.PERSON_LARS;
import static se.klassrum.roster.demo.DemoIds.PERSON_MARIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_NILS;
import static se.klassrum.roster.demo.DemoIds.PERSON_OLLE;
import static se.klassrum.roster.demo.DemoIds.PERSON_PETRA;
import static se.klassrum.roster.demo.DemoIds.PERSON_RUT;
import static se.klassrum.roster.demo.DemoIds.PERSON_TOVE;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_NORRASKOLAN;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKASKOLAN;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKA_GYMNASIUM;
import static se.klassrum.roster.demo.DemoIds.SUBJECT_MAT;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_MATMAT01C;
import static se.klassrum.roster.demo.DemoIds.TENANT_NORRA;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * The facts the adapter reads from a real, migrated PostgreSQL holding the demo roster: checked by hand for
 * the personas that matter, and for many questions against the same facts worked out from the demo roster's
 * objects in memory, which share no code with the adapter's SQL.
 */
class RosterFactsAdapterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate THIS_YEAR = LocalDate.of(2025, 8, 15);
    private static final LocalDate LAST_YEAR = LocalDate.of(2024, 8, 15);
    private static final LocalDate LAST_YEAR_END = LocalDate.of(2025, 6, 30);
    private static final UUID UNKNOWN = UUID.fromString("99999999-9999-9999-9999-999999999999");

    /** The demo roster as saved; its objects are the independent account of what the facts must be. */
    private static final DemoRoster DEMO = DemoRoster.asOf(TODAY);

    private static TestDatabase db;

    @BeforeAll
    static void loadTheDemoRoster() {
        db = TestDatabase.create("roster_facts");
        db.runInTransaction(em -> assertThat(DemoRoster.asOf(TODAY).loadIfEmpty(em)).isTrue());
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void anna_asking_about_elsa_gets_both_persons_all_their_memberships_and_annas_subject() {
        AccessFacts facts = load(PERSON_ANNA, PERSON_ELSA, null).orElseThrow();

        assertThat(facts.actor()).isEqualTo(new PersonFacts(PERSON_ANNA, TENANT_SOLBACKA,
                List.of(new LicenceFact(LicenceKind.TEACHER, Validity.from(LAST_YEAR))),
                List.of(new RoleFact(SCHOOL_SOLBACKA_GYMNASIUM, SchoolRoleKind.TEACHER, Validity.from(LAST_YEAR))),
                false, false, LocalDate.of(1982, 4, 11)));
        assertThat(facts.student()).isEqualTo(new PersonFacts(PERSON_ELSA, TENANT_SOLBACKA,
                List.of(new LicenceFact(LicenceKind.STUDENT, Validity.from(LAST_YEAR))),
                List.of(new RoleFact(SCHOOL_SOLBACKA_GYMNASIUM, SchoolRoleKind.STUDENT, Validity.from(THIS_YEAR))),
                false, false, TODAY.minusYears(17).minusDays(40)));

        Validity thisYear = Validity.from(THIS_YEAR);
        assertThat(facts.memberships()).containsExactlyInAnyOrder(
                new MembershipFact(GROUP_MA1C_A, PERSON_ANNA, MembershipRole.OWNER, thisYear),
                new MembershipFact(GROUP_EN5_B, PERSON_ANNA, MembershipRole.OWNER, thisYear),
                new MembershipFact(GROUP_FY1A_C, PERSON_ANNA, MembershipRole.OWNER, thisYear),
                new MembershipFact(GROUP_KE1_D, PERSON_ANNA, MembershipRole.OWNER, thisYear),
                new MembershipFact(GROUP_MA1C_A_PREVIOUS, PERSON_ANNA, MembershipRole.OWNER,
                        Validity.from(LAST_YEAR)),
                new MembershipFact(GROUP_MA1C_A, PERSON_ELSA, MembershipRole.MEMBER, thisYear),
                new MembershipFact(GROUP_EN5_B, PERSON_ELSA, MembershipRole.MEMBER, thisYear),
                new MembershipFact(GROUP_FY1A_C, PERSON_ELSA, MembershipRole.MEMBER, thisYear),
                new MembershipFact(GROUP_KE1_D, PERSON_ELSA, MembershipRole.MEMBER, thisYear),
                new MembershipFact(GROUP_KE1_E, PERSON_ELSA, MembershipRole.MEMBER, thisYear),
                new MembershipFact(GROUP_FY1A_F, PERSON_ELSA, MembershipRole.MEMBER, thisYear),
                new MembershipFact(GROUP_NA24A_MENTOR, PERSON_ELSA, MembershipRole.MEMBER, thisYear));

        assertThat(facts.groups().keySet()).as("every group of either, ordered by name").containsExactly(
                GROUP_EN5_B, GROUP_FY1A_C, GROUP_FY1A_F, GROUP_KE1_D, GROUP_KE1_E, GROUP_MA1C_A,
                GROUP_MA1C_A_PREVIOUS, GROUP_NA24A_MENTOR);
        assertThat(facts.groups().get(GROUP_MA1C_A)).isEqualTo(new GroupFact(GROUP_MA1C_A, TENANT_SOLBACKA,
                SCHOOL_SOLBACKA_GYMNASIUM, "Ma1c-A", GroupKind.TEACHING, true, false,
                SYLLABUS_MATMAT01C, "MATMAT01c", SUBJECT_MAT));
        assertThat(facts.groups().get(GROUP_KE1_D)).isEqualTo(new GroupFact(GROUP_KE1_D, TENANT_SOLBACKA,
                SCHOOL_SOLBACKA_GYMNASIUM, "Ke1-D (ej ansluten)", GroupKind.TEACHING, false, false, null, null, null));
        assertThat(facts.groups().get(GROUP_MA1C_A_PREVIOUS)).isEqualTo(new GroupFact(GROUP_MA1C_A_PREVIOUS,
                TENANT_SOLBACKA, SCHOOL_SOLBACKA_GYMNASIUM, "Ma1c-A 2024/25", GroupKind.TEACHING, true, true,
                SYLLABUS_MATMAT01C, "MATMAT01c", SUBJECT_MAT));
        assertThat(facts.groups().get(GROUP_NA24A_MENTOR).kind()).isEqualTo(GroupKind.MENTOR);

        assertThat(facts.teacherSubjects()).containsExactly(
                new TeacherSubjectFact(PERSON_ANNA, SCHOOL_SOLBACKA_GYMNASIUM, SUBJECT_MAT));
        assertThat(facts.guardianLinks()).isEmpty();
        assertThat(facts.schoolNames()).containsExactly(entry(SCHOOL_SOLBACKA_GYMNASIUM, "Solbacka gymnasium"));
    }

    @Test
    void ended_memberships_and_archived_groups_are_facts_too() {
        AccessFacts hugo = load(PERSON_ANNA, PERSON_HUGO, null).orElseThrow();
        AccessFacts julia = load(PERSON_ANNA, PERSON_JULIA, null).orElseThrow();

        assertThat(hugo.memberships()).contains(new MembershipFact(GROUP_MA1C_A_PREVIOUS, PERSON_HUGO,
                MembershipRole.MEMBER, Validity.between(LAST_YEAR, LAST_YEAR_END)));
        assertThat(hugo.groups().get(GROUP_MA1C_A_PREVIOUS).archived()).isTrue();
        assertThat(hugo.student().roles()).containsExactlyInAnyOrder(
                new RoleFact(SCHOOL_SOLBACKASKOLAN, SchoolRoleKind.STUDENT, Validity.between(LAST_YEAR, LAST_YEAR_END)),
                new RoleFact(SCHOOL_SOLBACKA_GYMNASIUM, SchoolRoleKind.STUDENT, Validity.from(THIS_YEAR)));
        assertThat(hugo.schoolNames()).containsOnlyKeys(SCHOOL_SOLBACKA_GYMNASIUM, SCHOOL_SOLBACKASKOLAN);

        assertThat(julia.memberships()).filteredOn(m -> m.personId().equals(PERSON_JULIA)).containsExactly(
                new MembershipFact(GROUP_MA1C_A, PERSON_JULIA, MembershipRole.MEMBER,
                        Validity.between(THIS_YEAR, TODAY.minusWeeks(1))));
    }

    @Test
    void a_guardian_gets_the_link_to_the_child_and_whether_a_login_is_enabled() {
        AccessFacts karin = load(PERSON_KARIN, PERSON_ELSA, null).orElseThrow();
        AccessFacts ebba = load(PERSON_EBBA, PERSON_ELSA, null).orElseThrow();
        AccessFacts maria = load(PERSON_MARIA, PERSON_FILIP, null).orElseThrow();
        AccessFacts karinAboutFilip = load(PERSON_KARIN, PERSON_FILIP, null).orElseThrow();
        LocalDate elsasBirth = TODAY.minusYears(17).minusDays(40);

        assertThat(karin.guardianLinks()).containsExactly(
                new GuardianLinkFact(PERSON_KARIN, PERSON_ELSA, true, GuardianLinkFact.Consent.NONE, Validity.from(elsasBirth)));
        assertThat(karin.actor().guardianLoginActive()).isTrue();
        assertThat(karin.actor().licences()).isEmpty();
        assertThat(karin.actor().roles()).isEmpty();
        assertThat(karin.memberships()).allMatch(m -> m.personId().equals(PERSON_ELSA));
        assertThat(karin.teacherSubjects()).isEmpty();

        assertThat(ebba.actor().guardianLoginActive()).as("her only login is disabled").isFalse();
        assertThat(ebba.guardianLinks()).containsExactly(
                new GuardianLinkFact(PERSON_EBBA, PERSON_ELSA, true, GuardianLinkFact.Consent.NONE, Validity.from(elsasBirth)));

        assertThat(maria.actor().guardianLoginActive()).as("she has no login").isFalse();
        assertThat(maria.guardianLinks()).singleElement().satisfies(link -> assertThat(link.active()).isFalse());

        assertThat(karinAboutFilip.guardianLinks()).as("only links from the actor to this student").isEmpty();
    }

    @Test
    void a_student_of_another_tenant_is_returned_with_its_own_tenant() {
        AccessFacts facts = load(PERSON_ANNA, PERSON_TOVE, null).orElseThrow();

        assertThat(facts.actor().tenantId()).isEqualTo(TENANT_SOLBACKA);
        assertThat(facts.student().tenantId()).isEqualTo(TENANT_NORRA);
        assertThat(facts.groups().get(GROUP_NORRA_MA1C).tenantId()).isEqualTo(TENANT_NORRA);
        assertThat(facts.schoolNames()).containsEntry(SCHOOL_NORRASKOLAN, "Norråskolan");
    }

    @Test
    void an_application_has_no_person_and_the_question_group_is_included_even_without_a_membership() {
        AccessFacts application = load(null, PERSON_ELSA, GROUP_MA8_A).orElseThrow();

        assertThat(application.actor()).isNull();
        assertThat(application.teacherSubjects()).isEmpty();
        assertThat(application.guardianLinks()).isEmpty();
        assertThat(application.groups()).containsKey(GROUP_MA8_A).containsKey(GROUP_MA1C_A);
        assertThat(application.schoolNames()).containsEntry(SCHOOL_SOLBACKASKOLAN, "Solbackaskolan");
    }

    @Test
    void a_student_asking_about_themself_is_actor_and_student_alike_and_a_protected_identity_is_flagged() {
        AccessFacts greta = load(PERSON_GRETA, PERSON_GRETA, GROUP_MA1C_A).orElseThrow();

        assertThat(greta.actor()).isEqualTo(greta.student());
        assertThat(greta.student().protectedIdentity()).isTrue();
        assertThat(greta.memberships()).as("each membership once").doesNotHaveDuplicates();
        assertThat(load(PERSON_FILIP, PERSON_ELSA, null).orElseThrow().student().protectedIdentity()).isFalse();
    }

    @Test
    void an_unknown_student_group_or_actor_gives_no_facts() {
        assertThat(load(PERSON_ANNA, UNKNOWN, null)).as("unknown student").isEmpty();
        assertThat(load(PERSON_ANNA, PERSON_ELSA, UNKNOWN)).as("unknown group").isEmpty();
        assertThat(load(UNKNOWN, PERSON_ELSA, null)).as("unknown acting person").isEmpty();
        assertThat(load(null, UNKNOWN, GROUP_MA1C_A)).isEmpty();
        assertThat(load(PERSON_ANNA, GROUP_MA1C_A, null)).as("a group's id is no person").isEmpty();
    }

    @Test
    void a_group_level_question_has_no_student_and_only_the_actors_facts_and_the_group() {
        AccessFacts facts = load(PERSON_ANNA, null, GROUP_MA1C_A).orElseThrow();
        Validity thisYear = Validity.from(THIS_YEAR);

        assertThat(facts.student()).isNull();
        assertThat(facts.actor()).isEqualTo(load(PERSON_ANNA, PERSON_ELSA, null).orElseThrow().actor());
        assertThat(facts.memberships()).containsExactlyInAnyOrder(
                new MembershipFact(GROUP_MA1C_A, PERSON_ANNA, MembershipRole.OWNER, thisYear),
                new MembershipFact(GROUP_EN5_B, PERSON_ANNA, MembershipRole.OWNER, thisYear),
                new MembershipFact(GROUP_FY1A_C, PERSON_ANNA, MembershipRole.OWNER, thisYear),
                new MembershipFact(GROUP_KE1_D, PERSON_ANNA, MembershipRole.OWNER, thisYear),
                new MembershipFact(GROUP_MA1C_A_PREVIOUS, PERSON_ANNA, MembershipRole.OWNER,
                        Validity.from(LAST_YEAR)));
        assertThat(facts.groups().keySet()).as("Anna's groups, ordered by name; no student's").containsExactly(
                GROUP_EN5_B, GROUP_FY1A_C, GROUP_KE1_D, GROUP_MA1C_A, GROUP_MA1C_A_PREVIOUS);
        assertThat(facts.teacherSubjects()).containsExactly(
                new TeacherSubjectFact(PERSON_ANNA, SCHOOL_SOLBACKA_GYMNASIUM, SUBJECT_MAT));
        assertThat(facts.guardianLinks()).isEmpty();
        assertThat(facts.schoolNames()).containsExactly(entry(SCHOOL_SOLBACKA_GYMNASIUM, "Solbacka gymnasium"));
    }

    @Test
    void a_guardian_or_an_application_asking_at_group_level_gets_the_group_and_no_child() {
        AccessFacts karin = load(PERSON_KARIN, null, GROUP_MA1C_A).orElseThrow();
        AccessFacts application = load(null, null, GROUP_NORRA_MA1C).orElseThrow();

        assertThat(karin.student()).isNull();
        assertThat(karin.actor().guardianLoginActive()).isTrue();
        assertThat(karin.guardianLinks()).as("no child, so no link to one").isEmpty();
        assertThat(karin.memberships()).isEmpty();
        assertThat(karin.groups()).containsOnlyKeys(GROUP_MA1C_A);
        assertThat(application.actor()).isNull();
        assertThat(application.student()).isNull();
        assertThat(application.memberships()).isEmpty();
        assertThat(application.groups()).containsOnlyKeys(GROUP_NORRA_MA1C);
        assertThat(application.groups().get(GROUP_NORRA_MA1C).tenantId()).isEqualTo(TENANT_NORRA);
        assertThat(application.schoolNames()).containsExactly(entry(SCHOOL_NORRASKOLAN, "Norråskolan"));
    }

    @Test
    void a_group_level_question_about_an_unknown_group_or_by_an_unknown_person_gives_no_facts() {
        assertThat(load(PERSON_ANNA, null, UNKNOWN)).as("unknown group").isEmpty();
        assertThat(load(null, null, UNKNOWN)).as("unknown group, application").isEmpty();
        assertThat(load(UNKNOWN, null, GROUP_MA1C_A)).as("unknown acting person").isEmpty();
        assertThat(load(PERSON_ANNA, null, PERSON_ELSA)).as("a person's id is no group").isEmpty();
        assertThatThrownBy(() -> load(PERSON_ANNA, null, null)).as("neither student nor group")
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of(PERSON_ANNA, PERSON_ELSA, null),
                Arguments.of(PERSON_ANNA, PERSON_HUGO, GROUP_MA1C_A_PREVIOUS),
                Arguments.of(PERSON_ANNA, PERSON_JULIA, null),
                Arguments.of(PERSON_ANNA, PERSON_ELSA, GROUP_MA8_A),
                Arguments.of(PERSON_ANNA, PERSON_TOVE, null),
                Arguments.of(PERSON_BERTIL, PERSON_ELSA, GROUP_NA24A_MENTOR),
                Arguments.of(PERSON_PETRA, PERSON_RUT, null),
                Arguments.of(PERSON_OLLE, PERSON_TOVE, GROUP_NORRA_MA1C),
                Arguments.of(PERSON_OLLE, PERSON_ELSA, null),
                Arguments.of(PERSON_FILIP, PERSON_GRETA, GROUP_MA1C_A),
                Arguments.of(PERSON_ELSA, PERSON_ELSA, null),
                Arguments.of(PERSON_KARIN, PERSON_ELSA, GROUP_KE1_D),
                Arguments.of(PERSON_EBBA, PERSON_ELSA, null),
                Arguments.of(PERSON_MARIA, PERSON_FILIP, null),
                Arguments.of(PERSON_LARS, PERSON_IVAR, null),
                Arguments.of(PERSON_NILS, PERSON_GRETA, null),
                Arguments.of(null, PERSON_ELSA, GROUP_MA1C_A),
                Arguments.of(null, PERSON_TOVE, null),
                // Group-level questions: no student.
                Arguments.of(PERSON_ANNA, null, GROUP_MA1C_A),
                Arguments.of(PERSON_ANNA, null, GROUP_NORRA_MA1C),
                Arguments.of(PERSON_BERTIL, null, GROUP_NA24A_MENTOR),
                Arguments.of(PERSON_FILIP, null, GROUP_EN5_B),
                Arguments.of(PERSON_GRETA, null, GROUP_MA1C_A),
                Arguments.of(PERSON_KARIN, null, GROUP_MA1C_A),
                Arguments.of(PERSON_OLLE, null, GROUP_MA1C_A),
                Arguments.of(PERSON_ANNA, null, GROUP_MA1C_A_PREVIOUS),
                Arguments.of(null, null, GROUP_MA8_A));
    }

    @ParameterizedTest
    @MethodSource("questions")
    void the_facts_are_exactly_those_of_the_demo_roster(UUID actor, UUID student, UUID group) {
        AccessFacts actual = load(actor, student, group).orElseThrow();
        AccessFacts expected = expectedFacts(actor, student, group);

        assertPerson(actual.actor(), expected.actor());
        assertPerson(actual.student(), expected.student());
        assertThat(actual.groups()).as("groups, in name order").containsExactlyEntriesOf(expected.groups());
        assertThat(actual.memberships()).containsExactlyInAnyOrderElementsOf(expected.memberships());
        assertThat(actual.teacherSubjects()).containsExactlyInAnyOrderElementsOf(expected.teacherSubjects());
        assertThat(actual.guardianLinks()).containsExactlyInAnyOrderElementsOf(expected.guardianLinks());
        assertThat(actual.schoolNames()).isEqualTo(expected.schoolNames());
        assertThat(actual.archivedGroupStudents()).containsExactlyInAnyOrderElementsOf(expected.archivedGroupStudents());
    }

    @Test
    void an_archived_group_a_question_names_brings_its_students_with_their_student_roles_at_its_school() {
        AccessFacts groupLevel = load(PERSON_ANNA, null, GROUP_MA1C_A_PREVIOUS).orElseThrow();
        AccessFacts current = load(PERSON_ANNA, null, GROUP_MA1C_A).orElseThrow();
        AccessFacts noGroup = load(PERSON_ANNA, PERSON_HUGO, null).orElseThrow();

        assertThat(groupLevel.archivedGroupStudents()).contains(new ArchivedGroupStudentFact(GROUP_MA1C_A_PREVIOUS,
                PERSON_HUGO, LAST_YEAR, Validity.from(THIS_YEAR)));
        assertThat(groupLevel.archivedGroupStudents()).allMatch(s -> s.groupId().equals(GROUP_MA1C_A_PREVIOUS));
        assertThat(current.archivedGroupStudents()).as("a group that is not archived").isEmpty();
        assertThat(noGroup.archivedGroupStudents()).as("a question that names no group").isEmpty();
    }

    @Test
    void a_list_of_questions_read_at_once_gives_each_question_exactly_its_own_facts() {
        Map<UUID, List<RosterFactsPort.Subject>> byActor = new LinkedHashMap<>();
        questions().forEach(arguments -> {
            Object[] question = arguments.get();
            byActor.computeIfAbsent((UUID) question[0], actor -> new ArrayList<>())
                    .add(new RosterFactsPort.Subject((UUID) question[1], (UUID) question[2]));
        });
        byActor.forEach((actor, subjects) -> {
            List<RosterFactsPort.Subject> asked = new ArrayList<>(subjects);
            asked.add(new RosterFactsPort.Subject(UNKNOWN, null));
            Map<RosterFactsPort.Subject, AccessFacts> all = db.read(em -> new RosterFactsAdapter(em).loadAll(actor, asked));

            assertThat(all).as("an unknown student has no facts").doesNotContainKey(new RosterFactsPort.Subject(UNKNOWN, null));
            for (RosterFactsPort.Subject subject : subjects) {
                AccessFacts actual = all.get(subject);
                AccessFacts expected = expectedFacts(actor, subject.studentId(), subject.groupId());
                assertPerson(actual.actor(), expected.actor());
                assertPerson(actual.student(), expected.student());
                assertThat(actual.groups()).as("groups of " + subject).containsExactlyEntriesOf(expected.groups());
                assertThat(actual.memberships()).as("memberships of " + subject)
                        .containsExactlyInAnyOrderElementsOf(expected.memberships());
                assertThat(actual.guardianLinks()).containsExactlyInAnyOrderElementsOf(expected.guardianLinks());
                assertThat(actual.schoolNames()).isEqualTo(expected.schoolNames());
                assertThat(actual.archivedGroupStudents()).as("students of an archived group of " + subject)
                        .containsExactlyInAnyOrderElementsOf(expected.archivedGroupStudents());
            }
        });
    }

    @Test
    void the_group_an_assessment_was_given_in_comes_in_the_same_one_statement_with_its_school() {
        assertThat(load(PERSON_ANNA, PERSON_ELSA, null).orElseThrow().groups()).as("neither is in it")
                .doesNotContainKey(GROUP_MA8_A);
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        EntityManagerFactory factory = db.entityManagerFactoryOn(counting);
        try {
            EntityManager em = factory.createEntityManager();
            RosterFactsPort.Subject earlier = new RosterFactsPort.Subject(PERSON_ELSA, null, null, GROUP_MA8_A);
            RosterFactsPort.Subject plain = new RosterFactsPort.Subject(PERSON_ELSA, null);
            counting.reset();
            Map<RosterFactsPort.Subject, AccessFacts> facts = new RosterFactsAdapter(em).loadAll(PERSON_ANNA,
                    List.of(earlier, plain));

            assertOneFactsStatement(counting);
            AccessFacts withGroup = facts.get(earlier);
            assertThat(withGroup.groups()).containsKey(GROUP_MA8_A).containsKey(GROUP_MA1C_A);
            assertThat(withGroup.schoolName(withGroup.groups().get(GROUP_MA8_A).schoolId())).isNotBlank()
                    .doesNotContain("-");
            assertThat(facts.get(plain).groups()).as("only the question that names it").doesNotContainKey(GROUP_MA8_A);
            em.close();
        } finally {
            factory.close();
        }
    }

    @Test
    void a_whole_list_of_questions_takes_one_sql_statement() {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        EntityManagerFactory factory = db.entityManagerFactoryOn(counting);
        try {
            EntityManager em = factory.createEntityManager();
            List<RosterFactsPort.Subject> members = List.of(PERSON_ELSA, PERSON_GRETA, PERSON_FILIP, PERSON_HUGO,
                    PERSON_JULIA, PERSON_TOVE, UNKNOWN).stream()
                    .map(student -> new RosterFactsPort.Subject(student, GROUP_MA1C_A)).toList();
            counting.reset();
            Map<RosterFactsPort.Subject, AccessFacts> facts = new RosterFactsAdapter(em).loadAll(PERSON_ANNA, members);

            assertOneFactsStatement(counting);
            assertThat(facts).hasSize(members.size() - 1);
            em.close();
        } finally {
            factory.close();
        }
    }

    @Test
    void the_guardians_each_talk_invites_are_read_in_the_same_one_statement() throws Exception {
        // The talks live in another module, which supplies the select; this stand-in table has the same shape.
        db.executeSql("create table if not exists invitation_for_test (talk_id uuid not null, guardian_id uuid not null)");
        UUID onlyKarin = UUID.fromString("d0000000-0000-0000-0000-000000000001");
        UUID karinAndLars = UUID.fromString("d0000000-0000-0000-0000-000000000002");
        UUID noOne = UUID.fromString("d0000000-0000-0000-0000-000000000003");
        db.executeSql("insert into invitation_for_test values ('" + onlyKarin + "', '" + PERSON_KARIN + "'), ('"
                + karinAndLars + "', '" + PERSON_KARIN + "'), ('" + karinAndLars + "', '" + PERSON_LARS + "')");
        InvitationFacts invitations = () -> "select i.talk_id, i.guardian_id from invitation_for_test i, question q "
                + "where i.talk_id = any(q.talks)";
        List<RosterFactsPort.Subject> talks = List.of(
                new RosterFactsPort.Subject(PERSON_ELSA, GROUP_NA24A_MENTOR, onlyKarin),
                new RosterFactsPort.Subject(PERSON_ELSA, GROUP_NA24A_MENTOR, karinAndLars),
                new RosterFactsPort.Subject(PERSON_ELSA, GROUP_NA24A_MENTOR, noOne),
                new RosterFactsPort.Subject(PERSON_ELSA, GROUP_NA24A_MENTOR, UNKNOWN),
                new RosterFactsPort.Subject(PERSON_ELSA, GROUP_NA24A_MENTOR));
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        EntityManagerFactory factory = db.entityManagerFactoryOn(counting);
        try {
            EntityManager em = factory.createEntityManager();
            counting.reset();
            Map<RosterFactsPort.Subject, AccessFacts> facts = new RosterFactsAdapter(em, invitations)
                    .loadAll(PERSON_KARIN, talks);

            assertOneFactsStatement(counting);
            assertThat(facts.get(talks.get(0)).invitedGuardians()).containsExactly(PERSON_KARIN);
            assertThat(facts.get(talks.get(1)).invitedGuardians()).containsExactlyInAnyOrder(PERSON_KARIN, PERSON_LARS);
            assertThat(facts.get(talks.get(2)).invitedGuardians()).as("a talk that invites no one").isEmpty();
            assertThat(facts.get(talks.get(3)).invitedGuardians()).as("a talk that does not exist").isEmpty();
            assertThat(facts.get(talks.get(4)).invitedGuardians()).as("no talk named").isEmpty();
            AccessFacts withoutTalk = load(PERSON_KARIN, PERSON_ELSA, GROUP_NA24A_MENTOR).orElseThrow();
            for (RosterFactsPort.Subject talk : talks) {
                assertThat(facts.get(talk).guardianLinks()).containsExactlyInAnyOrderElementsOf(withoutTalk.guardianLinks());
                assertThat(facts.get(talk).groups()).isEqualTo(withoutTalk.groups());
            }
            em.close();
        } finally {
            factory.close();
        }
    }

    @Test
    void every_load_takes_the_version_and_one_facts_statement_whatever_the_question() {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        EntityManagerFactory factory = db.entityManagerFactoryOn(counting);
        try {
            EntityManager em = factory.createEntityManager();
            RosterFactsAdapter adapter = new RosterFactsAdapter(em);
            List<Object[]> questions = List.of(
                    new Object[] {PERSON_ANNA, PERSON_ELSA, null},
                    new Object[] {PERSON_BERTIL, PERSON_ELSA, GROUP_NA24A_MENTOR},
                    new Object[] {PERSON_KARIN, PERSON_ELSA, GROUP_MA1C_A},
                    new Object[] {null, PERSON_ELSA, GROUP_MA1C_A},
                    new Object[] {PERSON_ANNA, PERSON_TOVE, null},
                    new Object[] {PERSON_ANNA, UNKNOWN, null},
                    new Object[] {PERSON_ANNA, PERSON_ELSA, UNKNOWN},
                    new Object[] {PERSON_ANNA, null, GROUP_MA1C_A},
                    new Object[] {null, null, GROUP_MA1C_A},
                    new Object[] {PERSON_ANNA, null, UNKNOWN});
            for (Object[] question : questions) {
                counting.reset();
                adapter.load((UUID) question[0], (UUID) question[1], (UUID) question[2]);
                assertThat(counting.executed()).as("statements for " + Arrays.toString(question))
                        .hasSize(2).first().isEqualTo(RosterFactsAdapter.VERSION_SQL);
            }
            em.close();
        } finally {
            factory.close();
        }
    }

    private static Optional<AccessFacts> load(UUID actor, UUID student, UUID group) {
        return db.read(em -> new RosterFactsAdapter(em).load(actor, student, group));
    }

    private static void assertPerson(PersonFacts actual, PersonFacts expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(expected);
    }

    // What the facts must be, worked out from the demo roster's objects with plain Java.

    /** @param studentId null for a group-level question, whose facts have no student */
    private static AccessFacts expectedFacts(UUID actorId, UUID studentId, UUID groupId) {
        Set<UUID> people = new HashSet<>();
        if (studentId != null) {
            people.add(studentId);
        }
        if (actorId != null) {
            people.add(actorId);
        }
        List<MembershipFact> memberships = all(Membership.class, m -> people.contains(m.person().id())).stream()
                .map(m -> new MembershipFact(m.group().id(), m.person().id(),
                        MembershipRole.valueOf(m.role().name()), validity(m.validity())))
                .toList();
        Set<UUID> groupIds = new HashSet<>();
        memberships.forEach(m -> groupIds.add(m.groupId()));
        if (groupId != null) {
            groupIds.add(groupId);
        }
        Map<UUID, GroupFact> groups = new LinkedHashMap<>();
        all(StudyGroup.class, g -> groupIds.contains(g.id())).stream()
                .sorted(Comparator.comparing(StudyGroup::name).thenComparing(StudyGroup::id))
                .forEach(g -> groups.put(g.id(), new GroupFact(g.id(), g.tenant().id(), g.school().id(), g.name(),
                        GroupKind.valueOf(g.kind().name()), g.isConnected(), g.isArchived(),
                        g.syllabus().map(s -> s.id()).orElse(null), g.syllabus().map(s -> s.code()).orElse(null),
                        g.syllabus().map(s -> s.subject().id()).orElse(null))));
        List<TeacherSubjectFact> subjects = all(TeacherSubject.class, t -> t.teacher().id().equals(actorId)).stream()
                .map(t -> new TeacherSubjectFact(t.teacher().id(), t.school().id(), t.subject().id())).toList();
        List<GuardianLinkFact> links = all(GuardianLink.class,
                l -> l.guardian().id().equals(actorId) && l.child().id().equals(studentId)).stream()
                .map(l -> new GuardianLinkFact(l.guardian().id(), l.child().id(), l.isActive(),
                        l.consent().map(c -> c.isWithdrawn() ? GuardianLinkFact.Consent.WITHDRAWN
                                : GuardianLinkFact.Consent.RECORDED).orElse(GuardianLinkFact.Consent.NONE),
                        validity(l.validity())))
                .toList();
        Map<UUID, String> schoolNames = new LinkedHashMap<>();
        groupIds.forEach(id -> {
            StudyGroup group = DEMO.get(StudyGroup.class, id);
            schoolNames.put(group.school().id(), group.school().name());
        });
        all(SchoolRole.class, r -> people.contains(r.person().id()))
                .forEach(r -> schoolNames.put(r.school().id(), r.school().name()));
        all(TeacherSubject.class, t -> t.teacher().id().equals(actorId))
                .forEach(t -> schoolNames.put(t.school().id(), t.school().name()));
        // An archived question group: its MEMBERs with their STUDENT roles at its school (rule H1).
        List<ArchivedGroupStudentFact> archivedGroupStudents = new ArrayList<>();
        StudyGroup questionGroup = groupId == null ? null : DEMO.get(StudyGroup.class, groupId);
        if (questionGroup != null && questionGroup.isArchived()) {
            for (Membership m : all(Membership.class, m -> m.group().id().equals(groupId)
                    && m.role() == se.klassrum.roster.entity.MembershipRole.MEMBER)) {
                all(SchoolRole.class, r -> r.person().equals(m.person()) && r.school().equals(questionGroup.school())
                        && r.role() == se.klassrum.roster.entity.RoleKind.STUDENT)
                        .forEach(r -> archivedGroupStudents.add(new ArchivedGroupStudentFact(groupId, m.person().id(),
                                m.validity().validFrom(), validity(r.validity()))));
            }
        }
        return new AccessFacts(actorId == null ? null : expectedPerson(actorId),
                studentId == null ? null : expectedPerson(studentId), groups, memberships, subjects, links, schoolNames,
                Set.of(), archivedGroupStudents);
    }

    private static PersonFacts expectedPerson(UUID id) {
        Person person = DEMO.get(Person.class, id);
        return new PersonFacts(id, person.tenant().id(),
                all(Licence.class, l -> l.person().equals(person)).stream()
                        .map(l -> new LicenceFact(LicenceKind.valueOf(l.kind().name()), validity(l.validity()))).toList(),
                all(SchoolRole.class, r -> r.person().equals(person)).stream()
                        .map(r -> new RoleFact(r.school().id(), SchoolRoleKind.valueOf(r.role().name()),
                                validity(r.validity()))).toList(),
                person.isProtectedIdentity(),
                !all(GuardianLogin.class, l -> l.guardian().equals(person) && l.isActive()).isEmpty(),
                person.birthDate().orElse(null));
    }

    private static <T> List<T> all(Class<T> type, Predicate<T> filter) {
        return DEMO.entities().stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }

    private static Validity validity(se.klassrum.roster.entity.Validity validity) {
        return new Validity(validity.validFrom(), validity.validTo());
    }

    /** The access facts' version, read first (migration V47), and then the facts in one statement. */
    private static void assertOneFactsStatement(CountingDataSource counting) {
        assertThat(counting.executed()).hasSize(2).first().isEqualTo(RosterFactsAdapter.VERSION_SQL);
        assertThat(counting.executed().get(1)).contains("with question as");
    }
}
