package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.control.BreakImpacts;
import se.klassrum.roster.control.BreakPlans;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.SyntheticMunicipality;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school-year break of a whole synthetic municipality ({@link SyntheticMunicipality}): its preview decides every
 * owner and student of every group, since the plan archives every group in use and connects every other one, and
 * moves 1 % of the groups to another teacher. Not a timed assertion: the preview's, apply's and undo's times are
 * printed with the machine's load average, and the test checks that the preview found gains and losses and that
 * undo gave every group back.
 * <p>
 * At 1 % of Stockholm by default; {@code -Dbreak-scale=1} measures Stockholm's size (45 000 groups, 363 500 people,
 * 1.2 million memberships).
 */
class SchoolYearBreakScaleTest {

    private static final double SCALE = Double.parseDouble(System.getProperty("break-scale", "0.01"));

    private static TestDatabase db;
    private static TestTransactions transactions;

    @TempDir
    static Path temp;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("school_year_break_scale");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    @Test
    void a_whole_municipalitys_break_is_previewed_applied_and_undone() throws Exception {
        Clock clock = Clock.systemUTC();
        LocalDate today = AccessRules.today(clock);
        Path full = temp.resolve("full");
        // The school year that holds today, so that the register's facts hold today.
        int schoolYear = today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
        SyntheticMunicipality.write(full, temp.resolve("next"), 12000, schoolYear,
                SyntheticMunicipality.Size.STOCKHOLM.scaled(SCALE));
        UUID tenant = RosterImportsTest.newTenant(db);
        ImportSummary run = RosterImportsTest.importsOn(transactions, today).importFolder(tenant, full, "integration:test");
        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);

        // What an import never brings: licences, and the groups in use connected (seven in eight; the rest are next
        // year's, to be connected by the break).
        db.executeSql("insert into licence (id, person_id, kind, valid_from) select gen_random_uuid(), person_id,"
                + " case role when 'STUDENT' then 'STUDENT' else 'TEACHER' end, date '" + today.minusYears(1) + "'"
                + " from (select distinct person_id, role from school_role where role in ('STUDENT', 'TEACHER')) r");
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
                + " g.id from study_group g, break_plan p where p.tenant_id = g.tenant_id");
        db.executeSql("insert into break_change (plan_id, seq, kind, group_id, person_id)"
                + " select p.id, 1000000 + row_number() over (order by m.group_id), 'REMOVE_OWNER', m.group_id, m.person_id"
                + " from membership m join break_plan p on p.tenant_id = m.tenant_id"
                + " where m.role = 'OWNER' and abs(hashtext(cast(m.group_id as varchar))) % 100 = 0");
        db.executeSql("insert into break_change (plan_id, seq, kind, group_id, person_id)"
                + " select p.id, 2000000 + row_number() over (order by g.id), 'ADD_OWNER', g.id, t.person_id"
                + " from study_group g join break_plan p on p.tenant_id = g.tenant_id"
                + " cross join lateral (select r.person_id from school_role r where r.school_id = g.school_id"
                + " and r.role = 'TEACHER' and not exists (select 1 from membership o where o.group_id = g.id"
                + " and o.person_id = r.person_id) order by r.person_id limit 1) t"
                + " where abs(hashtext(cast(g.id as varchar))) % 100 = 0");
        long changes = db.number("select count(*) from break_change");
        String before = rosterDigest();

        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        long started = System.nanoTime();
        BreakImpacts.Impact impact = db.inTransaction(em -> {
            BreakPlans plans = new BreakPlans(em, clock);
            BreakPlans.Plan plan = plans.open(tenant).orElseThrow();
            BreakImpacts.Impact decided = new BreakImpacts(em).of(tenant, plan.changes(), today);
            plans.previewed(plan, plans.fingerprint(plan));
            return decided;
        });
        double previewSeconds = (System.nanoTime() - started) / 1e9;
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();

        started = System.nanoTime();
        BreakPlans.Outcome applied = db.inTransaction(em -> new BreakPlans(em, clock).apply(tenant, null));
        double applySeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        db.inTransaction(em -> new BreakPlans(em, clock).undo(tenant, null));
        double undoSeconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("School-year break at scale %s: %d groups, %d people, %d memberships; %d changes.%n"
                        + "Preview (facts read, %d people decided, %d questions to the rules, %d gains and losses, %d warnings):"
                        + " %.1f s. Load average before %s, after %s.%n"
                        + "Apply (%d archived, %d connected, %d owners added, %d ended): %.1f s; undo: %.1f s.%n",
                SCALE, groups, people, memberships, changes, impact.peopleDecided(), impact.questions(),
                impact.differences().size(), impact.warnings().size(), previewSeconds, loadBefore, loadAfter,
                applied.groupsArchived(), applied.groupsConnected(), applied.ownersAdded(), applied.ownersRemoved(),
                applySeconds, undoSeconds);
        assertThat(impact.differences()).anyMatch(BreakImpacts.Difference::gained)
                .anyMatch(difference -> !difference.gained());
        assertThat(rosterDigest()).isEqualTo(before);
    }

    private static String rosterDigest() {
        return db.text("select md5(string_agg(x, '|' order by x)) from (select 'G' || id || connected || archived as x"
                + " from study_group union all select 'M' || id || role || valid_from || coalesce(cast(valid_to as varchar), '-')"
                + " from membership) rows");
    }
}
