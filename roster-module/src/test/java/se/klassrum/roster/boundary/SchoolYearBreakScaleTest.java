package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.control.BreakImpacts;
import se.klassrum.roster.control.BreakPlans;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.entity.SchoolYear;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.SyntheticMunicipality;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school-year break of a whole synthetic municipality ({@link SyntheticMunicipality}), generated and imported once
 * for both measurements. Not timed assertions: the times are printed with the machine's load average before each, and
 * the tests check what a user would notice: the preview found gains and losses, undo gave every group and membership
 * back.
 * <ol>
 * <li>The largest break there is, planned by hand: the plan archives every group in use and connects every other one,
 *     and moves 1 % of the groups to another teacher, so that the preview decides every owner and student of every
 *     group.</li>
 * <li>The break as an administrator meets it: next year's groups arrive from the register, unconnected, and the plan is
 *     proposed from the register ({@link BreakPlans#propose}): this year's groups archived, next year's connected.</li>
 * </ol>
 * At 1 % of Stockholm by default; {@code -Dbreak-scale=1} measures Stockholm's size (45 000 groups, 363 500 people,
 * 1.2 million memberships).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchoolYearBreakScaleTest {

    private static final double SCALE = Double.parseDouble(System.getProperty("break-scale", "0.01"));

    private static final Clock CLOCK = Clock.systemUTC();
    private static TestDatabase db;
    private static TestTransactions transactions;
    private static LocalDate today;
    /** The school year the imported register describes: the one that holds today. */
    private static SchoolYear thisYear;
    private static UUID tenant;

    @TempDir
    static Path temp;

    @BeforeAll
    static void importTheMunicipality() throws Exception {
        db = TestDatabase.create("school_year_break_scale");
        transactions = new TestTransactions(db);
        today = AccessRules.today(CLOCK);
        // The school year that holds today, so that the register's facts hold today.
        thisYear = SchoolYear.startingIn(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1);
        Path full = temp.resolve("full");
        // The second folder holds the register's next nightly upload of the same school year (about 1 % of its rows
        // differ), not next year's register; neither test imports it.
        SyntheticMunicipality.write(full, temp.resolve("delta"), 12000, thisYear.startYear(),
                SyntheticMunicipality.Size.STOCKHOLM.scaled(SCALE));
        tenant = RosterImportsTest.newTenant(db);
        ImportSummary run = RosterImportsTest.importsOn(transactions, today).importFolder(tenant, full, "integration:test");
        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);

        // What an import never brings: licences.
        db.executeSql("insert into licence (id, person_id, kind, valid_from) select gen_random_uuid(), person_id,"
                + " case role when 'STUDENT' then 'STUDENT' else 'TEACHER' end, date '" + today.minusYears(1) + "'"
                + " from (select distinct person_id, role from school_role where role in ('STUDENT', 'TEACHER')) r");
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    @Test
    @Order(1)
    void a_whole_municipalitys_break_is_previewed_applied_and_undone() throws Exception {
        // The groups in use connected (seven in eight; the rest are next year's, to be connected by the break).
        db.executeSql("update study_group set connected = true where abs(hashtext(cast(id as varchar))) % 8 <> 0");
        db.executeSql("vacuum analyze");
        long groups = db.number("select count(*) from study_group");
        long people = db.number("select count(*) from person");
        long memberships = db.number("select count(*) from membership");

        // The plan: archive every connected group, connect every other one; 1 % of groups get a second teacher of
        // the same school in place of their own.
        db.executeSql("insert into break_plan (id, tenant_id, state, created_at) values (gen_random_uuid(), '" + tenant
                + "', 'OPEN', now())");
        db.executeSql("insert into break_change (plan_id, seq, kind, group_id)"
                + " select p.id, row_number() over (order by g.id), case when g.connected then 'ARCHIVE' else 'CONNECT' end,"
                + " g.id from study_group g, break_plan p where p.tenant_id = g.tenant_id and p.state = 'OPEN'");
        db.executeSql("insert into break_change (plan_id, seq, kind, group_id, person_id)"
                + " select p.id, 1000000 + row_number() over (order by m.group_id), 'REMOVE_OWNER', m.group_id, m.person_id"
                + " from membership m join break_plan p on p.tenant_id = m.tenant_id and p.state = 'OPEN'"
                + " where m.role = 'OWNER' and abs(hashtext(cast(m.group_id as varchar))) % 100 = 0");
        db.executeSql("insert into break_change (plan_id, seq, kind, group_id, person_id)"
                + " select p.id, 2000000 + row_number() over (order by g.id), 'ADD_OWNER', g.id, t.person_id"
                + " from study_group g join break_plan p on p.tenant_id = g.tenant_id and p.state = 'OPEN'"
                + " cross join lateral (select r.person_id from school_role r where r.school_id = g.school_id"
                + " and r.role = 'TEACHER' and not exists (select 1 from membership o where o.group_id = g.id"
                + " and o.person_id = r.person_id) order by r.person_id limit 1) t"
                + " where abs(hashtext(cast(g.id as varchar))) % 100 = 0");
        long changes = db.number("select count(*) from break_change c join break_plan p on p.id = c.plan_id"
                + " where p.state = 'OPEN'");
        String before = rosterDigest();

        Measured measured = previewApplyAndUndo();

        System.out.printf("School-year break at scale %s: %d groups, %d people, %d memberships; %d changes.%n"
                        + "Preview (facts read, %d people decided, %d questions to the rules, %d gains and losses, %d warnings):"
                        + " %.1f s. Load average before %s, after %s.%n"
                        + "Apply (%d archived, %d connected, %d owners added, %d ended): %.1f s (load before %s);"
                        + " undo: %.1f s (load before %s).%n",
                SCALE, groups, people, memberships, changes, measured.impact.peopleDecided(), measured.impact.questions(),
                measured.impact.differences().size(), measured.impact.warnings().size(), measured.preview.seconds(),
                measured.preview.loadBefore(), measured.loadAfterPreview, measured.applied.groupsArchived(),
                measured.applied.groupsConnected(), measured.applied.ownersAdded(), measured.applied.ownersRemoved(),
                measured.apply.seconds(), measured.apply.loadBefore(), measured.undo.seconds(), measured.undo.loadBefore());
        assertThat(measured.impact.differences()).anyMatch(BreakImpacts.Difference::gained)
                .anyMatch(difference -> !difference.gained());
        assertThat(rosterDigest()).isEqualTo(before);
    }

    /**
     * Next year's register brings next year's groups as the import writes a group of a school year: unconnected, with
     * its school year's label, its owners' and students' memberships over its sessions. Here each group of this year
     * comes again one school year on, at the same school, with the same course, teachers and students (a simplification:
     * no class moves up a grade, nobody leaves or joins), its memberships' periods moved by the same years. Every group
     * of this year is in use (connected). The plan is proposed from the register for every school of the
     * organisation, then previewed, applied and undone.
     */
    @Test
    @Order(2)
    void a_whole_municipalitys_break_proposed_from_the_register_is_previewed_applied_and_undone() throws Exception {
        SchoolYear coming = BreakPlans.comingSchoolYear(today);
        int years = coming.startYear() - thisYear.startYear();
        String nextGroup = "cast(md5(cast(g.id as varchar) || '" + coming.label() + "') as uuid)";
        db.executeSql("update study_group set connected = true where school_year = '" + thisYear.label() + "'");
        db.executeSql("insert into study_group (id, tenant_id, school_id, kind, name, syllabus_id, school_year, external_id)"
                + " select " + nextGroup + ", g.tenant_id, g.school_id, g.kind, g.name, g.syllabus_id, '" + coming.label()
                + "', g.external_id || ' " + coming.label() + "' from study_group g where g.tenant_id = '" + tenant
                + "' and g.school_year = '" + thisYear.label() + "'");
        db.executeSql("insert into membership (id, tenant_id, group_id, person_id, role, valid_from, valid_to)"
                + " select gen_random_uuid(), m.tenant_id, " + nextGroup + ", m.person_id, m.role,"
                + " cast(m.valid_from + interval '" + years + " years' as date),"
                + " cast(m.valid_to + interval '" + years + " years' as date)"
                + " from membership m join study_group g on g.id = m.group_id"
                + " where g.tenant_id = '" + tenant + "' and g.school_year = '" + thisYear.label() + "'");
        db.executeSql("vacuum analyze");
        long groups = db.number("select count(*) from study_group");
        long nextYearsGroups = db.number("select count(*) from study_group where school_year = '" + coming.label() + "'");
        long people = db.number("select count(*) from person");
        long memberships = db.number("select count(*) from membership");
        List<UUID> schools = db.read(em -> ((List<?>) em.createNativeQuery("select id from school where tenant_id"
                + " = cast(?1 as uuid)").setParameter(1, tenant.toString()).getResultList()).stream()
                .map(UUID.class::cast).toList());
        String before = rosterDigest();

        Timed<BreakPlans.Proposal> proposed = timed(() -> db.inTransaction(em -> new BreakPlans(em, CLOCK)
                .propose(tenant, null, schools, coming, today)));
        BreakPlans.Proposal proposal = proposed.result();
        assertThat(rosterDigest()).as("proposing changes nothing of the roster").isEqualTo(before);
        Timed<BreakPlans.Proposal> proposedAgain = timed(() -> db.inTransaction(em -> new BreakPlans(em, CLOCK)
                .propose(tenant, null, schools, coming, today)));
        assertThat(proposedAgain.result().added()).as("proposing again").isZero();

        Measured measured = previewApplyAndUndo();

        System.out.printf("School-year break proposed from the register at scale %s: %d groups (%d of %s), %d people,"
                        + " %d memberships; %d changes (%d archive, %d connect).%n"
                        + "Proposal: %.1f s (load before %s); proposed again (nothing added): %.1f s (load before %s).%n"
                        + "Preview (facts read, %d people decided, %d questions to the rules, %d gains and losses (%d gains),"
                        + " %d warnings %s): %.1f s. Load average before %s, after %s.%n"
                        + "Apply (%d archived, %d connected, %d owners added, %d ended): %.1f s (load before %s);"
                        + " undo: %.1f s (load before %s).%n",
                SCALE, groups, nextYearsGroups, coming.label(), people, memberships, proposal.added(),
                proposal.archivesAdded(), proposal.connectsAdded(), proposed.seconds(), proposed.loadBefore(),
                proposedAgain.seconds(), proposedAgain.loadBefore(),
                measured.impact.peopleDecided(), measured.impact.questions(), measured.impact.differences().size(),
                measured.impact.differences().stream().filter(BreakImpacts.Difference::gained).count(),
                measured.impact.warnings().size(), measured.impact.warnings().stream().collect(Collectors.groupingBy(
                        BreakImpacts.Warning::kind, TreeMap::new, Collectors.counting())), measured.preview.seconds(), measured.preview.loadBefore(),
                measured.loadAfterPreview, measured.applied.groupsArchived(), measured.applied.groupsConnected(),
                measured.applied.ownersAdded(), measured.applied.ownersRemoved(), measured.apply.seconds(),
                measured.apply.loadBefore(), measured.undo.seconds(), measured.undo.loadBefore());
        assertThat(proposal.archivesAdded()).as("this year's groups, all in use").isEqualTo(groups - nextYearsGroups);
        assertThat(proposal.connectsAdded()).as("next year's groups, each with members").isEqualTo(nextYearsGroups);
        // Decided for today: this year's groups archived take their access away. Next year's memberships begin on its
        // first day, so connecting their groups gives nobody anything today.
        assertThat(measured.impact.differences()).anyMatch(difference -> !difference.gained());
        assertThat(rosterDigest()).isEqualTo(before);
    }

    private record Timed<T>(T result, double seconds, String loadBefore) {
    }

    private record Measured(BreakImpacts.Impact impact, Timed<?> preview, String loadAfterPreview,
                            BreakPlans.Outcome applied, Timed<?> apply, Timed<?> undo) {
    }

    /** The open plan previewed (what it saw remembered), applied and undone, each in a transaction of its own. */
    private static Measured previewApplyAndUndo() throws Exception {
        Timed<BreakImpacts.Impact> preview = timed(() -> db.inTransaction(em -> {
            BreakPlans plans = new BreakPlans(em, CLOCK);
            BreakPlans.Plan plan = plans.open(tenant).orElseThrow();
            BreakImpacts.Impact decided = new BreakImpacts(em).of(tenant, plan.changes(), today);
            plans.previewed(plan, plans.fingerprint(plan));
            return decided;
        }));
        String loadAfter = loadAverage();
        Timed<BreakPlans.Outcome> apply = timed(() -> db.inTransaction(em -> new BreakPlans(em, CLOCK).apply(tenant, null)));
        Timed<BreakPlans.Outcome> undo = timed(() -> db.inTransaction(em -> new BreakPlans(em, CLOCK).undo(tenant, null)));
        return new Measured(preview.result(), preview, loadAfter, apply.result(), apply, undo);
    }

    private static <T> Timed<T> timed(Supplier<T> work) throws Exception {
        String load = loadAverage();
        long started = System.nanoTime();
        T result = work.get();
        return new Timed<>(result, (System.nanoTime() - started) / 1e9, load);
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static String rosterDigest() {
        return db.text("select md5(string_agg(x, '|' order by x)) from (select 'G' || id || connected || archived as x"
                + " from study_group union all select 'M' || id || role || valid_from || coalesce(cast(valid_to as varchar), '-')"
                + " from membership) rows");
    }
}
