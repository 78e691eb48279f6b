package se.klassrum.roster.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.boundary.NewGroup;
import se.klassrum.roster.boundary.RosterAdministration;
import se.klassrum.roster.boundary.RosterAdministrationForTests;
import se.klassrum.roster.control.BreakPlans.ChangeFilter;
import se.klassrum.roster.control.BreakPlans.ChangeKind;
import se.klassrum.roster.control.BreakPlans.ChangesPage;
import se.klassrum.roster.control.BreakPlans.NamedChange;
import se.klassrum.roster.testing.TestDatabase;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_EN5_B;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_SARA;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKASKOLAN;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKA_GYMNASIUM;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * A plan's changes read a page at a time in the database, as the Läsårsbryt page and the API read them (a plan for a
 * municipality holds tens of thousands): in the order staged, filtered by kind, school and part of the group's name
 * (taken literally, % and _ included), with the whole plan's counts per kind and per school; and the last applied
 * plan the same way.
 */
class BreakPlanPagesTest {

    private static final UUID MA_1 = UUID.randomUUID();
    private static final UUID MA21 = UUID.randomUUID();
    private static final UUID MA9_B = UUID.randomUUID();

    private final Clock clock = Clock.systemUTC();
    private TestDatabase db;

    @BeforeEach
    void aPlanAtTwoSchools() {
        db = TestDatabase.withDemoRoster("break_plan_pages");
        admin(admin -> {
            admin.createGroup(MA_1, SCHOOL_SOLBACKA_GYMNASIUM, NewGroup.teaching("Ma_1 100%", "2026/27"));
            admin.createGroup(MA21, SCHOOL_SOLBACKA_GYMNASIUM, NewGroup.teaching("Ma21 1000", "2026/27"));
            admin.createGroup(MA9_B, SCHOOL_SOLBACKASKOLAN, NewGroup.teaching("Ma9-B", "2026/27"));
        });
        assertThat(openPage()).as("no plan yet").isEmpty();
        plans(plans -> {
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.ARCHIVE, GROUP_MA1C_A, null);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.CONNECT, MA_1, null);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.CONNECT, MA21, null);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.ADD_OWNER, MA_1, PERSON_ANNA);
            plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.CONNECT, MA9_B, null);
            return plans.stage(TENANT_SOLBACKA, PERSON_SARA, ChangeKind.REMOVE_OWNER, GROUP_EN5_B, PERSON_ANNA);
        });
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void thePlanIsReadAPageAtATimeInTheOrderStaged() {
        ChangesPage first = page(ChangeFilter.NONE, 0, 4);
        ChangesPage second = page(ChangeFilter.NONE, 4, 4);
        ChangesPage beyond = page(ChangeFilter.NONE, 8, 4);

        assertThat(first.changes().stream().map(NamedChange::seq)).containsExactly(1, 2, 3, 4);
        assertThat(second.changes().stream().map(NamedChange::seq)).containsExactly(5, 6);
        assertThat(beyond.changes()).isEmpty();
        for (ChangesPage page : List.of(first, second, beyond)) {
            assertThat(page.total()).isEqualTo(6);
            assertThat(page.matching()).isEqualTo(6);
            assertThat(page.state()).isEqualTo("OPEN");
        }
        NamedChange owner = first.changes().get(3);
        assertThat(List.of(owner.kind(), owner.groupName(), owner.schoolName(), owner.personName()))
                .containsExactly(ChangeKind.ADD_OWNER, "Ma_1 100%", "Solbacka gymnasium", "Anna Andersson");
        assertThat(first.changes().getFirst().personName()).isNull();
        assertThat(first.kinds()).isEqualTo(Map.of(ChangeKind.ARCHIVE, 1, ChangeKind.CONNECT, 3, ChangeKind.ADD_OWNER, 1,
                ChangeKind.REMOVE_OWNER, 1));
        assertThat(first.schools().stream().map(s -> s.schoolName() + " " + s.changes()))
                .containsExactly("Solbacka gymnasium 5", "Solbackaskolan 1");
    }

    @Test
    void theChangesAreFilteredByKindSchoolAndPartOfTheGroupsNameTakenLiterally() {
        ChangesPage connects = page(new ChangeFilter(ChangeKind.CONNECT, null, null), 1, 10);
        assertThat(connects.matching()).isEqualTo(3);
        assertThat(connects.total()).isEqualTo(6);
        assertThat(connects.changes().stream().map(NamedChange::groupName)).as("from the second")
                .containsExactly("Ma21 1000", "Ma9-B");

        assertThat(page(new ChangeFilter(null, SCHOOL_SOLBACKASKOLAN, null), 0, 10).changes().stream()
                .map(NamedChange::groupName)).containsExactly("Ma9-B");

        // "_" and "%" are the name's own characters, not patterns: "Ma21 1000" does not match "_1 100%".
        ChangesPage literal = page(new ChangeFilter(null, null, " _1 100% "), 0, 10);
        assertThat(literal.changes().stream().map(c -> c.kind() + " " + c.groupName()))
                .containsExactly("CONNECT Ma_1 100%", "ADD_OWNER Ma_1 100%");
        assertThat(page(new ChangeFilter(ChangeKind.ADD_OWNER, SCHOOL_SOLBACKA_GYMNASIUM, "MA_1"), 0, 10).matching())
                .isOne();
        assertThat(page(new ChangeFilter(ChangeKind.ARCHIVE, null, "ma_1"), 0, 10).matching()).isZero();
    }

    @Test
    void theLastAppliedPlanIsReadTheSameWay() {
        assertThat(lastAppliedPage()).isEmpty();
        plans(plans -> {
            BreakPlans.Plan plan = plans.open(TENANT_SOLBACKA).orElseThrow();
            plans.previewed(plan, plans.fingerprint(plan));
            return plans.apply(TENANT_SOLBACKA, PERSON_SARA);
        });

        ChangesPage applied = lastAppliedPage().orElseThrow();
        assertThat(applied.state()).isEqualTo("APPLIED");
        assertThat(applied.appliedOn()).isEqualTo(AccessRules.today(clock));
        assertThat(applied.total()).isEqualTo(6);
        assertThat(applied.changes()).hasSize(1);
        assertThat(openPage()).isEmpty();
    }

    private Optional<ChangesPage> openPage() {
        return plans(plans -> plans.openPage(TENANT_SOLBACKA, ChangeFilter.NONE, 0, 10));
    }

    private Optional<ChangesPage> lastAppliedPage() {
        return plans(plans -> plans.lastAppliedPage(TENANT_SOLBACKA, ChangeFilter.NONE, 0, 1));
    }

    private ChangesPage page(ChangeFilter filter, int offset, int limit) {
        return plans(plans -> plans.openPage(TENANT_SOLBACKA, filter, offset, limit)).orElseThrow();
    }

    private <T> T plans(Function<BreakPlans, T> work) {
        return db.inTransaction(em -> work.apply(new BreakPlans(em, clock)));
    }

    private void admin(Consumer<RosterAdministration> work) {
        db.runInTransaction(em -> work.accept(RosterAdministrationForTests.on(em)));
    }
}
