package se.klassrum.roster.importer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.control.ConstraintViolations;
import se.klassrum.roster.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows sent with COPY arrive exactly as given, whatever characters they hold, and a refused row names its constraint. */
class CopyRowsTest {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() throws SQLException {
        db = TestDatabase.create("copy_rows");
        db.executeSql("create table copied (id uuid primary key, name varchar(100), born date, flag boolean,"
                + " constraint ck_copied_name check (name <> 'forbidden'))");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void values_with_tabs_line_breaks_backslashes_and_the_null_marker_arrive_unchanged() throws SQLException {
        List<String> names = List.of("Åsa Öberg", "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash",
                "\\N", "\\", "ends with backslash\\", "emoji 🙂");
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (CopyRows copy = CopyRows.into(connection, "copied", List.of("id", "name", "born", "flag"))) {
                for (String name : names) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    copy.row(id, name, LocalDate.of(2012, 2, 29), name.length() % 2 == 0);
                }
                UUID none = UUID.randomUUID();
                ids.add(none);
                copy.row(none, null, null, null);
                assertThat(copy.rows()).isEqualTo(names.size() + 1L);
            }
            connection.commit();
        }
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < names.size(); i++) {
                try (ResultSet rs = statement.executeQuery("select name, born, flag from copied where id = '" + ids.get(i) + "'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(names.get(i));
                    assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2012, 2, 29));
                    assertThat(rs.getBoolean(3)).isEqualTo(names.get(i).length() % 2 == 0);
                }
            }
            try (ResultSet rs = statement.executeQuery("select name, born, flag from copied where id = '"
                    + ids.get(names.size()) + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
                assertThat(rs.getObject(2)).isNull();
                assertThat(rs.getObject(3)).isNull();
            }
        }
    }

    @Test
    void a_refused_row_names_the_constraint_and_the_transaction_writes_nothing() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> {
                try (CopyRows copy = CopyRows.into(connection, "copied", List.of("id", "name"))) {
                    copy.row(id, "allowed");
                    copy.row(UUID.randomUUID(), "forbidden");
                }
            }).isInstanceOf(CopyRows.CopyFailedException.class)
                    .satisfies(failure -> assertThat(ConstraintViolations.violatedConstraint(failure)).contains("ck_copied_name"));
            connection.rollback();
        }
        assertThat(db.text("select count(*) from copied where id = '" + id + "'")).isEqualTo("0");
    }

    @Test
    void a_row_must_have_a_value_for_every_column() throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (CopyRows copy = CopyRows.into(connection, "copied", List.of("id", "name"))) {
                assertThatThrownBy(() -> copy.row(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("2 values expected, not 1");
                assertThat(copy.rows()).isZero();
            }
            connection.rollback();
        }
    }
}
