package se.klassrum.access.audit;

import org.junit.jupiter.api.Test;
import se.klassrum.roster.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V49 moves the lists' subjects, written until then as rows of {@code audit_subject}, into their entries' own
 * rows: as the very text the entries' hashes were computed over, so that every chain written before it still verifies,
 * and findable per student through the new index's expression. The append-only trigger it sets aside for that one
 * statement is on again afterwards.
 */
class AuditSubjectsMigrationTest {

    private static final HashChain.Key KEY = HashChain.Key.of("audit-subjects-migration-test-key-0123456789".getBytes());

    @Test
    void lists_written_before_keep_their_subjects_as_hashed_and_are_found_per_student() throws SQLException {
        DataSource database = TestDatabase.migratedBefore("audit_subjects_v49", 49);
        String tenant = UUID.randomUUID().toString();
        String greta = UUID.randomUUID().toString();
        String filip = UUID.randomUUID().toString();
        String group = UUID.randomUUID().toString();
        AuditEntry list = new AuditEntry(new AuditRecord(tenant, Instant.parse("2026-11-30T08:15:00Z"),
                AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON, "teacher-1", null, group, "STUDENT_PROFILE", "READ",
                true, List.of(), "list-request", List.of(
                        new AuditRecord.Outcome(filip, null, true, List.of()),
                        new AuditRecord.Outcome(greta, group, false, List.of("PROTECTED_IDENTITY", "GROUP_OWNER")))),
                1, HashChain.GENESIS, KEY);
        AuditEntry single = new AuditEntry(new AuditRecord(tenant, Instant.parse("2026-11-30T08:16:00Z"),
                AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON, "teacher-1", filip, group, "STUDENT_PROFILE", "READ",
                true, List.of(), "single-request"), 2, list.hash(), KEY);
        try (Connection connection = database.getConnection()) {
            insertAsBefore(connection, list);
            insertAsBefore(connection, single);
        }

        TestDatabase.migrate(database);

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(texts(statement, "select coalesce(subjects, '-') from audit_entry order by seq"))
                    .containsExactly(list.storedSubjects(), "-");
            assertThat(list.storedSubjects()).isNotNull();
            assertThat(texts(statement, "select request_id from audit_entry where subjects is not null "
                    + "and audit_subject_students(subjects) @> array['" + greta + "']")).containsExactly("list-request");
            assertThat(texts(statement, "select coalesce(to_regclass('audit_subject')::text, 'gone')")).containsExactly("gone");
            assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set decision = 'DENY'"))
                    .hasMessageContaining("append-only");
        }
    }

    /** The entry and its subjects as the writer wrote them before V49. */
    private static void insertAsBefore(Connection connection, AuditEntry entry) throws SQLException {
        insertRow(connection, entry, false);
        List<AuditSubject> subjects = entry.subjects();
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_subject (entry_id, position, "
                + "student_id, group_id, decision, failing_codes) values (?, ?, ?, ?, ?, ?)")) {
            for (int position = subjects.size() - 1; position >= 0; position--) {
                AuditSubject subject = subjects.get(position);
                insert.setString(1, entry.id());
                insert.setInt(2, position);
                insert.setString(3, subject.studentId());
                insert.setString(4, subject.groupId());
                insert.setString(5, subject.decision());
                insert.setString(6, subject.failingCodes());
                insert.executeUpdate();
            }
        }
    }

    /**
     * The entry's row with the columns the writer filled before V51 (no chain, no position), its subjects in the row only
     * with {@code subjectsColumn} (from V49 on).
     */
    static void insertRow(Connection connection, AuditEntry entry, boolean subjectsColumn) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_entry (id, tenant_id, seq, occurred_at, "
                + "purpose, actor_kind, actor_id, student_id, group_id, data_kind, operation, decision, failing_codes, "
                + "request_id, prev_hash, hash, hash_alg" + (subjectsColumn ? ", subjects" : "") + ") values (?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (subjectsColumn ? ", ?" : "") + ")")) {
            int column = 1;
            insert.setString(column++, entry.id());
            insert.setString(column++, entry.tenantId());
            insert.setLong(column++, entry.seq());
            insert.setObject(column++, entry.occurredAt());
            insert.setString(column++, entry.purpose());
            insert.setString(column++, entry.actorKind());
            insert.setString(column++, entry.actorId());
            insert.setString(column++, entry.studentId());
            insert.setString(column++, entry.groupId());
            insert.setString(column++, entry.dataKind());
            insert.setString(column++, entry.operation());
            insert.setString(column++, entry.decision());
            insert.setString(column++, entry.failingCodes());
            insert.setString(column++, entry.requestId());
            insert.setString(column++, entry.prevHash());
            insert.setString(column++, entry.hash());
            insert.setString(column++, entry.hashAlg());
            if (subjectsColumn) {
                insert.setString(column, entry.storedSubjects());
            }
            insert.executeUpdate();
        }
    }

    private static List<String> texts(Statement statement, String sql) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }
}
