package se.klassrum.roster.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.boundary.NewGroup;
import se.klassrum.roster.boundary.NewPerson;
import se.klassrum.roster.boundary.RosterAdministration;
import se.klassrum.roster.boundary.RosterAdministrationForTests;
import se.klassrum.roster.control.BreakImpacts.AccessKind;
import se.klassrum.roster.control.BreakImpacts.Difference;
import se.klassrum.roster.control.BreakImpacts.Impact;
import se.klassrum.roster.control.BreakImpacts.Warning;
import se.klassrum.roster.control.BreakImpacts.WarningKind;
import se.klassrum.roster.control.BreakPlans.ChangeKind;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.Validity;
import se.klassrum.roster.testing.TestDatabase;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.klassrum.roster.demo.DemoIds.GROUP_EN5_B;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_BERTIL;
import static se.klassrum.roster.demo.DemoIds.PERSON_CECILIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_DAVID;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_FILIP;
import static se.klassrum.roster.demo.DemoIds.PERSON_GRETA;
import static se.klassrum.roster.demo.DemoIds.PERSON_HUGO;
import static se.klassrum.roster.demo.DemoIds.PERSON_IVAR;
import static se.klassrum.roster.demo.DemoIds.PERSON_JULIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_KLARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_OLLE;
import static se.klassrum.roster.demo.DemoIds.PERSON_PETRA;
import static se.klassrum.roster.demo.DemoIds.PERSON_RUT;
import static se.klassrum.roster.demo.DemoIds.PERSON_SARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_TOVE;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKA_GYMNASIUM;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_ENGENG05;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_MATMAT01C;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * The school-year break (TRANSITIONS.md, R1–R3) on the demo roster in a real PostgreSQL, with next year's groups added:
 * Ma2c-A (Matematik 1c; Elsa, Filip, Greta with a protected identity, Hugo) without an owner yet, En6-A (English 6;
 * Greta and Ivar) owned by a new teacher, Ulrika, who has no subject link, and a mentor group NA25a (Filip) without a
 * mentor, none of them connected.
 * <p>
 * The plan archives Ma1c-A, connects the three new groups, makes Anna owner of Ma2c-A (and Petra, who teaches at
 * another school), and ends Anna's ownership of En5-B. Its preview must be exactly what the rules decide on the
 * roster once the plan is applied: every question over all staff and students is asked with the facts the roster's
 * own adapter reads, before and after the real apply.
 */
class SchoolYearBreakTest {

    private static final UUID ULRIKA = UUID.randomUUID();
    private static final UUID MA2C_A = UUID.randomUUID();
    private static final UUID EN6_A = UUID.randomUUID();
    private static final UUID NA25A = UUID.randomUUID();

    private static final List<UUID> STAFF = List.of(PERSON_ANNA, PERSON_BERTIL, PERSON_CECILIA, PERSON_DAVID,
            PERSON_SARA, PERSON_PETRA, PERSON_OLLE, ULRIKA);
    private static final List<UUID> STUDENTS = List.of(PERSON_ELSA, PERSON_FILIP, PERSON_GRETA, PERSON_HUGO, PERSON_IVAR,
            PERSON_JULIA, PERSON_KLARA, PERSON_RUT, PERSON_TOVE);

    private final Clock clock = Clock.systemUTC();
    private TestDatabase db;

    @BeforeEach
    void nextYearsGroups() {
        db = TestDatabase.withDemoRoster("school_year_break");
        LocalDate today = AccessRules.today(clock);
        admin(admin -> {
            admin.createPerson(ULRIKA, TENANT_SOLBACKA, NewPerson.named("p-ulrika", "Ulrika", "Ulf"));
            admin.grantLicence(null, ULRIKA, LicenceKind.TEACHER, Validity.from(today.minusYears(1)));
            admin.assignRole(null, ULRIKA, SCHOOL_SOLBACKA_GYMNASIUM, RoleKind.TEACHER, Validity.from(today.minusYears(1)));
            admin.createGroup(MA2C_A, SCHOOL_SOLBACKA_GYMNASIUM, NewGroup.teaching("Ma2c-A", "2026/27"));
            admin.linkSyllabus(MA2C_A, SYLLABUS_MATMAT01C);
            for (UUID student : List.of(PERSON_ELSA, PERSON_FILIP, PERSON_GRETA, PERSON_HUGO)) {
                admin.addMembership(null, MA2C_A, student, MembershipRole.MEMBER, Validity.from(today));
            }
            admin.createGroup(EN6_A, SCHOOL_SOLBACKA_GYMNASIUM, NewGroup.teaching("En6-A", "2026/27"));
            admin.linkSyllabus(EN6_A, SYLLABUS_ENGENG05);
            admin.addMembership(null, EN6_A, ULRIKA, MembershipRole.OWNER, Validity.from(today));
            for (UUID student : List.of(PERSON_GRETA, PERSON_IVAR)) {
                admin.addMembership(null, EN6_A, student, MembershipRole.MEMBER, Validity.from(today));
            }
            admin.createGroup(NA25A, SCHOOL_SOLBACKA_GYMNASIUM, NewGroup.mentor("NA25a mentorsgrupp", "2026/27"));
            admin.addMembership(null, NA25A, PERSON_FILIP, MembershipRole.MEMBER, Validity.from(today));
        });
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private void stageThePlan() {
        plans(plans -> {
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.ARCHIVE, GROUP_MA1C_A, null);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.CONNECT, MA2C_A, null);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.ADD_OWNER, MA2C_A, PERSON_ANNA);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.ADD_OWNER, MA2C_A, PERSON_PETRA);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.CONNECT, EN6_A, null);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.CONNECT, NA25A, null);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.REMOVE_OWNER, GROUP_EN5_B, PERSON_ANNA);
            // Staged twice, kept once.
            return plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.CONNECT, NA25A, null);
        });
    }

    @Test
    void thePreviewIsWhatTheRulesDecideOnceThePlanIsApplied() {
        stageThePlan();
        BreakPlans.Plan plan = plans(plans -> plans.open(TENANT_SOLBACKA).orElseThrow());
        assertThat(plan.changes()).hasSize(7);
        String rosterBefore = db.groupsAndMemberships();
        List<Boolean> before = askEverything();

        Impact impact = preview(plan);
        plans(plans -> plans.apply(TENANT_SOLBACKA, PERSON_SARA));

        List<Boolean> after = askEverything();
        Set<Difference> decided = new HashSet<>();
        List<Question> questions = questions();
        for (int i = 0; i < questions.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                Question q = questions.get(i);
                decided.add(new Difference(SCHOOL_SOLBACKA_GYMNASIUM, q.person(), q.kind(), q.student(), q.group(), q.syllabus(),
                        after.get(i)));
            }
        }
        assertThat(decided).as("what the rules decide after the real apply").isNotEmpty();
        assertThat(new HashSet<>(impact.differences())).containsExactlyInAnyOrderElementsOf(decided);

        // Undo restores every group and membership as it was.
        plans(plans -> plans.undo(TENANT_SOLBACKA, PERSON_SARA));
        assertThat(db.groupsAndMemberships()).isEqualTo(rosterBefore);
        assertThat(askEverything()).isEqualTo(before);
    }

    @Test
    void thePreviewNamesGainsLossesAndWarningsAsTheRulesHaveThem() {
        stageThePlan();
        Impact impact = preview(plans(plans -> plans.open(TENANT_SOLBACKA).orElseThrow()));

        // Anna loses Ivar, whom she taught only in Ma1c-A; she keeps the students who follow her to Ma2c-A.
        assertThat(lost(impact, PERSON_ANNA, AccessKind.STUDENT_PROFILE)).contains(PERSON_IVAR)
                .doesNotContain(PERSON_ELSA, PERSON_FILIP, PERSON_GRETA, PERSON_HUGO);
        // Ma1c-A's hand-ins stay readable to Anna as its history (H1); En5-B's go with her ownership.
        assertThat(impact.differences()).noneMatch(d -> d.kind() == AccessKind.HAND_INS && GROUP_MA1C_A.equals(d.groupId())
                && !d.gained());
        assertThat(impact.differences()).contains(new Difference(SCHOOL_SOLBACKA_GYMNASIUM, PERSON_ANNA, AccessKind.HAND_INS,
                PERSON_ELSA, GROUP_EN5_B, null, false));
        // Petra teaches at another school: owning Ma2c-A gives her nothing.
        assertThat(impact.differences()).noneMatch(d -> d.personId().equals(PERSON_PETRA));
        // Elsa's posts move from Ma1c-A to Ma2c-A.
        assertThat(impact.differences()).contains(
                new Difference(SCHOOL_SOLBACKA_GYMNASIUM, PERSON_ELSA, AccessKind.GROUP_POSTS, null, GROUP_MA1C_A, null, false),
                new Difference(SCHOOL_SOLBACKA_GYMNASIUM, PERSON_ELSA, AccessKind.GROUP_POSTS, null, MA2C_A, null, true));

        assertThat(impact.warnings()).contains(
                new Warning(WarningKind.MENTOR_GROUP_WITHOUT_MENTOR, SCHOOL_SOLBACKA_GYMNASIUM, NA25A, null, null),
                new Warning(WarningKind.PROTECTED_STUDENT_VISIBLE, SCHOOL_SOLBACKA_GYMNASIUM, EN6_A, PERSON_GRETA, ULRIKA),
                new Warning(WarningKind.STUDENT_WITHOUT_ASSESSOR, SCHOOL_SOLBACKA_GYMNASIUM, EN6_A, PERSON_IVAR, null));
        // Anna, linked to mathematics, may assess Ma2c-A's students.
        assertThat(impact.warnings()).noneMatch(w -> w.kind() == WarningKind.STUDENT_WITHOUT_ASSESSOR
                && MA2C_A.equals(w.groupId()));
        assertThat(BreakImpacts.counts(impact.differences()).get(SCHOOL_SOLBACKA_GYMNASIUM).get(AccessKind.STUDENT_PROFILE)[0])
                .as("people gaining a student's profile").isPositive();
    }

    @Test
    void applyIsRefusedBeforeAPreviewAndWhenTheGroupsChangedSince() {
        stageThePlan();
        String rosterBefore = db.groupsAndMemberships();
        assertRefused(() -> plans(plans -> plans.apply(TENANT_SOLBACKA, PERSON_SARA)), RosterError.BREAK_NOT_PREVIEWED);

        preview(plans(plans -> plans.open(TENANT_SOLBACKA).orElseThrow()));
        admin(admin -> admin.addMembership(null, MA2C_A, PERSON_IVAR, MembershipRole.MEMBER,
                Validity.from(AccessRules.today(clock))));
        String changedBase = db.groupsAndMemberships();
        assertRefused(() -> plans(plans -> plans.apply(TENANT_SOLBACKA, PERSON_SARA)), RosterError.BREAK_BASE_CHANGED);
        assertThat(db.groupsAndMemberships()).as("nothing of the plan was written").isEqualTo(changedBase).isNotEqualTo(rosterBefore);
        assertThat(plans(plans -> plans.open(TENANT_SOLBACKA)).isPresent()).isTrue();

        // Previewed again, it applies.
        preview(plans(plans -> plans.open(TENANT_SOLBACKA).orElseThrow()));
        BreakPlans.Outcome outcome = plans(plans -> plans.apply(TENANT_SOLBACKA, PERSON_SARA));
        assertThat(outcome.groupsArchived()).isEqualTo(1);
        assertThat(outcome.groupsConnected()).isEqualTo(3);
        assertThat(outcome.ownersAdded()).isEqualTo(2);
        assertThat(outcome.ownersRemoved()).isEqualTo(1);
        assertThat(plans(plans -> plans.open(TENANT_SOLBACKA)).isPresent()).isFalse();
    }

    @Test
    void whatApplyMustFindUnchangedIsEveryFactOfThePlansGroupsAndItsChanges() throws Exception {
        stageThePlan();
        String seen = fingerprint();
        assertThat(fingerprint()).as("nothing changed").isEqualTo(seen);
        String member = "group_id = '" + MA2C_A + "' and person_id = '" + PERSON_ELSA + "'";
        for (String[] change : List.of(
                new String[] {"update membership set valid_to = valid_from + 30 where " + member,
                        "update membership set valid_to = null where " + member},
                new String[] {"update membership set valid_from = valid_from - 1 where " + member,
                        "update membership set valid_from = valid_from + 1 where " + member},
                new String[] {"update membership set role = 'OWNER' where " + member,
                        "update membership set role = 'MEMBER' where " + member},
                new String[] {"update membership set person_id = '" + PERSON_IVAR + "' where " + member,
                        "update membership set person_id = '" + PERSON_ELSA + "' where group_id = '" + MA2C_A
                                + "' and person_id = '" + PERSON_IVAR + "'"},
                new String[] {"update study_group set connected = true where id = '" + EN6_A + "'",
                        "update study_group set connected = false where id = '" + EN6_A + "'"},
                new String[] {"update study_group set archived = true where id = '" + NA25A + "'",
                        "update study_group set archived = false where id = '" + NA25A + "'"},
                new String[] {"update study_group set syllabus_id = null where id = '" + MA2C_A + "'",
                        "update study_group set syllabus_id = '" + SYLLABUS_MATMAT01C + "' where id = '" + MA2C_A + "'"})) {
            db.executeSql(change[0]);
            assertThat(fingerprint()).as(change[0]).isNotEqualTo(seen);
            db.executeSql(change[1]);
            assertThat(fingerprint()).as("undone: " + change[0]).isEqualTo(seen);
        }
        admin(admin -> admin.addMembership(null, se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A_PREVIOUS, PERSON_IVAR,
                MembershipRole.MEMBER, Validity.from(AccessRules.today(clock))));
        assertThat(fingerprint()).as("a group outside the plan").isEqualTo(seen);
        int last = plans(plans -> plans.open(TENANT_SOLBACKA).orElseThrow().changes().getLast().seq());
        plans(plans -> plans.unstage(TENANT_SOLBACKA, last));
        assertThat(fingerprint()).as("a change taken out of the plan").isNotEqualTo(seen);
    }

    private String fingerprint() {
        return plans(plans -> plans.fingerprint(plans.open(TENANT_SOLBACKA).orElseThrow()));
    }

    @Test
    void undoIsOnlyForTheDayOfTheBreak() {
        stageThePlan();
        preview(plans(plans -> plans.open(TENANT_SOLBACKA).orElseThrow()));
        plans(plans -> plans.apply(TENANT_SOLBACKA, PERSON_SARA));
        String applied = db.groupsAndMemberships();
        Clock tomorrow = Clock.offset(clock, Duration.ofDays(1));
        assertRefused(() -> db.inTransaction(em -> new BreakPlans(em, tomorrow).undo(TENANT_SOLBACKA, PERSON_SARA)),
                RosterError.BREAK_UNDO_EXPIRED);
        assertThat(db.groupsAndMemberships()).isEqualTo(applied);
        plans(plans -> plans.undo(TENANT_SOLBACKA, PERSON_SARA));
        assertRefused(() -> plans(plans -> plans.undo(TENANT_SOLBACKA, PERSON_SARA)), RosterError.BREAK_NOTHING_TO_UNDO);
    }

    @Test
    void aGroupIsNotBothArchivedAndConnectedAndAnArchivedGroupIsNotConnected() {
        plans(plans -> plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.CONNECT, MA2C_A, null));
        assertRefused(() -> plans(plans -> plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.ARCHIVE, MA2C_A, null)),
                RosterError.BREAK_CHANGE_CONFLICT);
        assertRefused(() -> plans(plans -> plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.CONNECT,
                se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A_PREVIOUS, null)), RosterError.GROUP_ARCHIVED);
        assertRefused(() -> plans(plans -> plans.stage(se.klassrum.roster.demo.DemoIds.TENANT_NORRA, null,
                ChangeKind.ARCHIVE, MA2C_A, null)), RosterError.UNKNOWN_GROUP);
    }

    @Test
    void anOwnerChangeNamesStaffOnlyAndAnyoneElseIsAnUnknownPerson() {
        for (UUID notStaff : List.of(PERSON_GRETA, PERSON_ELSA, se.klassrum.roster.demo.DemoIds.PERSON_KARIN,
                se.klassrum.roster.demo.DemoIds.PERSON_TOVE, UUID.randomUUID())) {
            assertRefused(() -> plans(plans -> plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.ADD_OWNER, MA2C_A,
                    notStaff)), RosterError.UNKNOWN_PERSON);
        }
        // David's teacher role ended yesterday; Anna owns En5-B but not Ma2c-A.
        assertRefused(() -> plans(plans -> plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.ADD_OWNER, MA2C_A,
                se.klassrum.roster.demo.DemoIds.PERSON_DAVID)), RosterError.UNKNOWN_PERSON);
        assertRefused(() -> plans(plans -> plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.REMOVE_OWNER, MA2C_A,
                PERSON_ANNA)), RosterError.UNKNOWN_PERSON);
        Optional<BreakPlans.Plan> open = plans(plans -> plans.open(TENANT_SOLBACKA));
        assertThat(open).as("nothing staged, no plan begun").isEmpty();

        BreakPlans.Plan plan = plans(plans -> plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.ADD_OWNER, MA2C_A,
                PERSON_PETRA));
        assertThat(plan.changes()).extracting(BreakPlans.Change::personId).containsExactly(PERSON_PETRA);
    }

    /** One question the test asks of the rules, with the roster's own adapter. */
    private record Question(UUID person, UUID student, AccessKind kind, UUID group, UUID syllabus) {
    }

    /** Every staff member about every student, and every student about every changed group's posts. */
    private static List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        for (UUID person : STAFF) {
            for (UUID student : STUDENTS) {
                questions.add(new Question(person, student, AccessKind.STUDENT_PROFILE, null, null));
                for (UUID group : List.of(GROUP_MA1C_A, MA2C_A, EN6_A, GROUP_EN5_B)) {
                    questions.add(new Question(person, student, AccessKind.HAND_INS, group, null));
                }
                for (UUID syllabus : List.of(SYLLABUS_MATMAT01C, SYLLABUS_ENGENG05)) {
                    questions.add(new Question(person, student, AccessKind.ASSESSMENTS, null, syllabus));
                }
                questions.add(new Question(person, student, AccessKind.DEVELOPMENT_TALKS, NA25A, null));
            }
        }
        for (UUID student : STUDENTS) {
            for (UUID group : List.of(GROUP_MA1C_A, MA2C_A, EN6_A, NA25A, GROUP_EN5_B)) {
                questions.add(new Question(student, null, AccessKind.GROUP_POSTS, group, null));
            }
        }
        return questions;
    }

    private List<Boolean> askEverything() {
        LocalDate today = AccessRules.today(clock);
        return db.read(em -> {
            List<Boolean> answers = new ArrayList<>();
            for (Question q : questions()) {
                answers.add(GuardFacts.allowed(em, TENANT_SOLBACKA, q.person(), q.kind(), q.student(), q.group(),
                        q.syllabus(), today));
            }
            return answers;
        });
    }

    private Impact preview(BreakPlans.Plan plan) {
        return db.inTransaction(em -> {
            BreakPlans plans = new BreakPlans(em, clock);
            Impact impact = new BreakImpacts(em).of(TENANT_SOLBACKA, plan.changes(), AccessRules.today(clock));
            plans.previewed(plan, plans.fingerprint(plan));
            return impact;
        });
    }

    private static Set<UUID> lost(Impact impact, UUID person, AccessKind kind) {
        Set<UUID> students = new HashSet<>();
        impact.differences().stream().filter(d -> d.personId().equals(person) && d.kind() == kind && !d.gained())
                .forEach(d -> students.add(d.studentId()));
        return students;
    }

    private <T> T plans(Function<BreakPlans, T> work) {
        return db.inTransaction(em -> work.apply(new BreakPlans(em, clock)));
    }

    private void admin(Consumer<RosterAdministration> work) {
        db.runInTransaction(em -> work.accept(RosterAdministrationForTests.on(em)));
    }

    private static void assertRefused(Runnable work, RosterError expected) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(RosterException.class,
                refused -> assertThat(refused.code()).isEqualTo(expected));
    }
}
