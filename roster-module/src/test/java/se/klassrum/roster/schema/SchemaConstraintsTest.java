package se.klassrum.roster.schema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.klassrum.roster.testing.TestDatabase;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration's constraints hold on their own, for rows written by any program (an importer, a psql
 * session), not only through the entities. Each bad row is refused by the constraint named in the message;
 * the same row made good is accepted, so the refusal is not an accident of the fixture.
 */
class SchemaConstraintsTest {

    // Solbacka (T1) with a school, two persons, a subject, a syllabus and two groups; Norrå (T2) with one person.
    private static final String T1 = "'00000000-0000-0000-0000-000000000001'";
    private static final String T2 = "'00000000-0000-0000-0000-000000000002'";
    private static final String SCHOOL = "'00000000-0000-0000-0000-000000000011'";
    private static final String ANNA = "'00000000-0000-0000-0000-000000000021'";
    private static final String ELSA = "'00000000-0000-0000-0000-000000000022'";
    private static final String OLLE = "'00000000-0000-0000-0000-000000000023'";
    private static final String SUBJECT = "'00000000-0000-0000-0000-000000000031'";
    private static final String SYLLABUS = "'00000000-0000-0000-0000-000000000032'";
    private static final String TEACHING = "'00000000-0000-0000-0000-000000000041'";
    private static final String MENTOR = "'00000000-0000-0000-0000-000000000042'";

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() throws SQLException {
        db = TestDatabase.create("schema_constraints");
        db.executeSql("""
                insert into tenant (id, entra_tenant_id, name) values
                  (%1$s, gen_random_uuid(), 'Solbacka kommun'), (%2$s, gen_random_uuid(), 'Norrå kommun');
                insert into school (id, tenant_id, name) values (%3$s, %1$s, 'Solbacka gymnasium');
                insert into person (id, tenant_id, external_id, given_name, family_name) values
                  (%4$s, %1$s, 'p-anna', 'Anna', 'Andersson'), (%5$s, %1$s, 'p-elsa', 'Elsa', 'Ek'),
                  (%6$s, %2$s, 'p-olle', 'Olle', 'Utsocknes');
                insert into subject (id, tenant_id, code, name) values (%7$s, %1$s, 'MAT', 'Matematik');
                insert into syllabus (id, tenant_id, subject_id, code, name)
                  values (%8$s, %1$s, %7$s, 'MATMAT01c', 'Matematik 1c');
                insert into study_group (id, tenant_id, school_id, kind, name, school_year, syllabus_id) values
                  (%9$s, %1$s, %3$s, 'TEACHING', 'Ma1c-A', '2025/26', %8$s),
                  (%10$s, %1$s, %3$s, 'MENTOR', 'NA24a', '2025/26', null);
                """.formatted(T1, T2, SCHOOL, ANNA, ELSA, OLLE, SUBJECT, SYLLABUS, TEACHING, MENTOR));
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void an_external_id_is_unique_within_a_tenant_but_may_repeat_in_another() {
        assertRejected("insert into person (id, tenant_id, external_id, given_name, family_name) "
                + "values (gen_random_uuid(), " + T1 + ", 'p-elsa', 'Elsa', 'Kopia')", "uq_person_external_id");
        assertAccepted("insert into person (id, tenant_id, external_id, given_name, family_name) "
                + "values (gen_random_uuid(), " + T2 + ", 'p-elsa', 'Elsa', 'Norrå')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"licence", "school_role", "membership", "guardian_link"})
    void a_period_may_not_end_before_it_starts_except_a_fact_that_held_on_no_day(String table) {
        String row = switch (table) {
            case "licence" -> "insert into licence (id, person_id, kind, valid_from, valid_to) "
                    + "values (gen_random_uuid(), " + ELSA + ", 'STUDENT', %s)";
            case "school_role" -> "insert into school_role (id, tenant_id, person_id, school_id, role, valid_from, valid_to) "
                    + "values (gen_random_uuid(), " + T1 + ", " + ELSA + ", " + SCHOOL + ", 'STUDENT', %s)";
            case "membership" -> "insert into membership (id, tenant_id, group_id, person_id, role, valid_from, valid_to) "
                    + "values (gen_random_uuid(), " + T1 + ", " + TEACHING + ", " + ELSA + ", 'MEMBER', %s)";
            default -> "insert into guardian_link (id, tenant_id, guardian_id, child_id, relation, valid_from, valid_to) "
                    + "values (gen_random_uuid(), " + T1 + ", " + ANNA + ", " + ELSA + ", 'VARDNADSHAVARE', %s)";
        };
        if (table.equals("licence")) {
            assertRejected(row.formatted("'2026-06-30', '2026-06-29'"), "ck_" + table + "_validity");
        } else {
            // A roster fact may end the day before it begins (an empty period: it held on no day) and no earlier.
            assertRejected(row.formatted("'2026-06-30', '2026-06-28'"), "ck_" + table + "_validity");
            assertAccepted(row.formatted("'2026-07-30', '2026-07-29'"));
        }
        assertAccepted(row.formatted("'2026-06-30', '2026-06-30'"));
    }

    @Test
    void only_a_teaching_group_may_have_a_syllabus() {
        assertRejected("update study_group set syllabus_id = " + SYLLABUS + " where id = " + MENTOR,
                "ck_study_group_syllabus_teaching");
        assertRejected("insert into study_group (id, tenant_id, school_id, kind, name, school_year, syllabus_id) "
                + "values (gen_random_uuid(), " + T1 + ", " + SCHOOL + ", 'MENTOR', 'NA25b', '2025/26', " + SYLLABUS + ")",
                "ck_study_group_syllabus_teaching");
        assertAccepted("insert into study_group (id, tenant_id, school_id, kind, name, school_year, syllabus_id) "
                + "values (gen_random_uuid(), " + T1 + ", " + SCHOOL + ", 'TEACHING', 'Ma1c-B', '2025/26', " + SYLLABUS + ")");
    }

    @Test
    void nobody_is_their_own_guardian() {
        assertRejected("insert into guardian_link (id, tenant_id, guardian_id, child_id, relation, valid_from) "
                + "values (gen_random_uuid(), " + T1 + ", " + ELSA + ", " + ELSA + ", 'VARDNADSHAVARE', '2009-01-01')",
                "ck_guardian_link_not_self");
    }

    @Test
    void a_membership_across_tenants_is_refused_whichever_tenant_the_row_claims() {
        String membership = "insert into membership (id, tenant_id, group_id, person_id, role, valid_from) "
                + "values (gen_random_uuid(), %s, " + TEACHING + ", %s, 'OWNER', '2025-08-15')";
        assertRejected(membership.formatted(T1, OLLE), "fk_membership_person");
        assertRejected(membership.formatted(T2, OLLE), "fk_membership_group");
        assertAccepted(membership.formatted(T1, ANNA));
    }

    @Test
    void a_guardian_link_across_tenants_is_refused() {
        assertRejected("insert into guardian_link (id, tenant_id, guardian_id, child_id, relation, valid_from) "
                + "values (gen_random_uuid(), " + T1 + ", " + OLLE + ", " + ELSA + ", 'GOD_MAN', '2020-01-01')",
                "fk_guardian_link_guardian");
    }

    @Test
    void the_same_membership_cannot_start_twice_on_the_same_day() {
        String membership = "insert into membership (id, tenant_id, group_id, person_id, role, valid_from) "
                + "values (gen_random_uuid(), " + T1 + ", " + MENTOR + ", " + ELSA + ", 'MEMBER', '%s')";
        assertAccepted(membership.formatted("2025-08-15"));
        assertRejected(membership.formatted("2025-08-15"), "uq_membership");
        assertAccepted(membership.formatted("2026-01-07"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026/28", "2026-27", "26/27", "abcd/ef", "2026/2"})
    void a_school_year_is_written_like_2026_27(String schoolYear) {
        assertRejected("insert into study_group (id, tenant_id, school_id, kind, name, school_year) "
                + "values (gen_random_uuid(), " + T1 + ", " + SCHOOL + ", 'TEACHING', 'X', '" + schoolYear + "')",
                "ck_study_group_school_year");
    }

    @Test
    void enum_columns_accept_only_their_values() {
        assertRejected("insert into school_role (id, tenant_id, person_id, school_id, role, valid_from) "
                + "values (gen_random_uuid(), " + T1 + ", " + ANNA + ", " + SCHOOL + ", 'JANITOR', '2025-08-15')",
                "ck_school_role_role");
        assertRejected("update person set security_marking = 'SECRET' where id = " + ELSA, "ck_person_security_marking");
        assertRejected("insert into guardian_link (id, tenant_id, guardian_id, child_id, relation, valid_from) "
                + "values (gen_random_uuid(), " + T1 + ", " + ANNA + ", " + ELSA + ", 'vardnadshavare', '2020-01-01')",
                "ck_guardian_link_relation");
    }

    @Test
    void a_login_identity_belongs_to_one_guardian_per_organisation_even_when_disabled() {
        String login = "insert into guardian_login (id, tenant_id, guardian_id, method, subject, enabled) "
                + "values (gen_random_uuid(), %s, %s, '%s', '%s', %s)";
        assertAccepted(login.formatted(T1, ANNA, "EMAIL", "anna@example.com", "false"));
        assertRejected(login.formatted(T1, ELSA, "EMAIL", "anna@example.com", "true"), "uq_guardian_login");
        assertAccepted(login.formatted(T1, ELSA, "IDP", "anna@example.com", "true"));
        assertAccepted(login.formatted(T2, OLLE, "EMAIL", "anna@example.com", "true"));
    }

    @Test
    void a_login_is_for_a_person_of_the_same_organisation() {
        assertRejected("insert into guardian_login (id, tenant_id, guardian_id, method, subject) "
                + "values (gen_random_uuid(), " + T1 + ", " + OLLE + ", 'IDP', 'olle-subject')",
                "fk_guardian_login_guardian");
    }

    @Test
    void a_login_has_a_known_method_and_an_e_mail_login_a_lower_case_address() {
        String login = "insert into guardian_login (id, tenant_id, guardian_id, method, subject) "
                + "values (gen_random_uuid(), " + T1 + ", " + ELSA + ", '%s', '%s')";
        assertRejected(login.formatted("BANKID", "x"), "ck_guardian_login_method");
        assertRejected(login.formatted("EMAIL", "Elsa@Example.com"), "ck_guardian_login_email");
        assertRejected(login.formatted("EMAIL", "Elsa Ek"), "ck_guardian_login_email");
        assertRejected(login.formatted("IDP", "  "), "ck_guardian_login_subject");
        assertAccepted(login.formatted("IDP", "Case-Sensitive-Subject"));
        assertAccepted(login.formatted("EMAIL", "elsa@example.com"));
    }

    @Test
    void every_table_of_the_roster_migrations_is_counted_by_the_tests() {
        Matcher created = Pattern.compile("create table (\\w+)").matcher(TestDatabase.rosterMigrations());
        List<String> tables = new ArrayList<>();
        while (created.find()) {
            tables.add(created.group(1));
        }
        assertThat(TestDatabase.ROSTER_TABLES).as("TestDatabase.ROSTER_TABLES, which rowCounts() counts")
                .containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void a_school_unit_code_has_eight_digits() {
        assertRejected("update school set school_unit_code = '1234567' where id = " + SCHOOL, "ck_school_unit_code");
        assertAccepted("update school set school_unit_code = '87654321' where id = " + SCHOOL);
    }

    @Test
    void rows_still_referred_to_cannot_be_deleted() {
        assertRejected("delete from tenant where id = " + T1, "fk_");
        assertRejected("delete from syllabus where id = " + SYLLABUS, "fk_study_group_syllabus");
    }

    @Test
    void a_new_person_gets_no_security_marking_and_version_zero_by_default() throws SQLException {
        db.executeSql("insert into person (id, tenant_id, external_id, given_name, family_name) "
                + "values ('00000000-0000-0000-0000-000000000099', " + T1 + ", 'p-default', 'Dag', 'Default')");
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement();
             var row = statement.executeQuery("select security_marking, version from person where external_id = 'p-default'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("NONE");
            assertThat(row.getLong(2)).isZero();
        }
    }

    private static void assertRejected(String sql, String constraint) {
        assertThatThrownBy(() -> db.executeSql(sql))
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(constraint);
    }

    private static void assertAccepted(String sql) {
        assertThatCode(() -> db.executeSql(sql)).as(sql).doesNotThrowAnyException();
    }
}
