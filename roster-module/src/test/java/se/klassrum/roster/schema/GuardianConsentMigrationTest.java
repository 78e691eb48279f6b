package se.klassrum.roster.schema;

import org.junit.jupiter.api.Test;
import se.klassrum.roster.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V38 carries each link that an administrator let continue after majority over as a recorded consent (A2),
 * dated and attributed from the child's latest REACTIVATE_AFTER_MAJORITY audit entry where there is one, and drops the
 * old flag; a link that did not continue gets no consent.
 */
class GuardianConsentMigrationTest {

    private static final String TENANT = "00000000-0000-0000-0000-00000000000a";
    private static final String SARA = "00000000-0000-0000-0000-000000000001";
    private static final String LARS = "00000000-0000-0000-0000-000000000002";
    private static final String IVAR = "00000000-0000-0000-0000-000000000003";
    private static final String OLOF = "00000000-0000-0000-0000-000000000004";
    private static final String HUGO = "00000000-0000-0000-0000-000000000005";
    private static final String LARS_IVAR = "00000000-0000-0000-0000-0000000000a1";
    private static final String OLOF_HUGO = "00000000-0000-0000-0000-0000000000a2";
    private static final String LARS_HUGO = "00000000-0000-0000-0000-0000000000a3";

    @Test
    void links_that_continued_after_majority_become_carried_over_consents() throws SQLException {
        DataSource database = TestDatabase.migratedBefore("consent_migration", 38);
        execute(database,
                "insert into tenant (id, entra_tenant_id, name) values ('" + TENANT + "', '00000000-0000-0000-0000-0000000000ee', 'Solbacka')",
                person(SARA, "Sara"), person(LARS, "Lars"), person(IVAR, "Ivar"), person(OLOF, "Olof"), person(HUGO, "Hugo"),
                link(LARS_IVAR, LARS, IVAR, true), link(OLOF_HUGO, OLOF, HUGO, true), link(LARS_HUGO, LARS, HUGO, false),
                audit(1, "2026-01-10T08:00:00Z", SARA),
                audit(2, "2026-02-11T09:30:00Z", SARA));

        TestDatabase.migrate(database);

        assertThat(rows(database, "select link_id::text, recorded_by_id::text, "
                + "(recorded_at = timestamptz '2026-02-11T09:30:00Z')::text, (consent_date is null)::text, carried_over::text, "
                + "(withdrawn_at is null)::text from guardian_consent order by link_id"))
                .containsExactly(
                        LARS_IVAR + " " + SARA + " true true true true",
                        OLOF_HUGO + " null false true true true");
        assertThat(rows(database, "select count(*) from information_schema.columns where table_name = 'guardian_link' "
                + "and column_name = 'continues_after_majority'")).containsExactly("0");
    }

    private static String person(String id, String name) {
        return "insert into person (id, tenant_id, external_id, given_name, family_name) values ('" + id + "', '" + TENANT
                + "', 'ext-" + name + "', '" + name + "', 'Testsson')";
    }

    private static String link(String id, String guardian, String child, boolean continues) {
        return "insert into guardian_link (id, tenant_id, guardian_id, child_id, relation, valid_from, continues_after_majority) "
                + "values ('" + id + "', '" + TENANT + "', '" + guardian + "', '" + child + "', 'VARDNADSHAVARE', date '2008-03-10', "
                + continues + ")";
    }

    /** An administrator's REACTIVATE_AFTER_MAJORITY entry about Ivar. */
    private static String audit(int seq, String at, String actor) {
        return "insert into audit_entry (id, tenant_id, seq, occurred_at, purpose, actor_kind, actor_id, student_id, data_kind, "
                + "operation, decision, failing_codes, request_id, prev_hash, hash, hash_alg) values ('e" + seq + "', '" + TENANT
                + "', " + seq + ", timestamptz '" + at + "', 'ADMINISTRATION', 'PERSON', '" + actor + "', '" + IVAR
                + "', 'GUARDIAN_LINK', 'REACTIVATE_AFTER_MAJORITY', 'ALLOW', '', 'r" + seq + "', 'p', 'h', 'SHA-256')";
    }

    private static void execute(DataSource database, String... statements) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> rows(DataSource database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getString(i)));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
