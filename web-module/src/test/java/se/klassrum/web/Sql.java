package se.klassrum.web;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Plain SQL against the server tests' database: to check what the server wrote, or to change a fact behind its back. */
final class Sql {

    private Sql() {
    }

    /** The first column of every row, as text. */
    static List<String> strings(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /**
     * A test's organisation and everything it holds go again, but for its audit chain, which is append-only; in the
     * order the foreign keys ask for.
     */
    static void forgetOrganisation(DataSource database, UUID tenant) {
        for (String statement : List.of(
                "delete from break_plan where tenant_id = ?",
                "delete from submission where student_id in (select id from person where tenant_id = ?)",
                "delete from assignment where group_id in (select id from study_group where tenant_id = ?)",
                "delete from post where group_id in (select id from study_group where tenant_id = ?)",
                "delete from guardian_login where tenant_id = ?",
                "delete from import_run_count where run_id in (select id from import_run where tenant_id = ?)",
                "delete from import_run where tenant_id = ?",
                "delete from licence where person_id in (select id from person where tenant_id = ?)",
                "delete from membership where tenant_id = ?",
                "delete from guardian_link where tenant_id = ?",
                "delete from school_role where tenant_id = ?",
                "delete from teacher_subject where tenant_id = ?",
                "delete from study_group where tenant_id = ?",
                "delete from syllabus where tenant_id = ?",
                "delete from subject where tenant_id = ?",
                "delete from person where tenant_id = ?",
                "delete from school where tenant_id = ?",
                "delete from tenant where id = ?")) {
            try {
                update(database, statement, tenant);
            } catch (SQLException e) {
                throw new IllegalStateException("could not remove the organisation " + tenant + ": " + statement, e);
            }
        }
    }

    /** The first column of the first row, as a number (e.g. a count). */
    static long number(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void update(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
