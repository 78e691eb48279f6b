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

/**
 * Migration V51 gives each organisation's log room for a chain per audit writer: the entries written before it form the
 * first chain (''), keep their order (their position is their sequence number) and their hashes, and the organisation's
 * list of chains names that one chain, unsigned and marked, until a writer adds its own chain and signs the list.
 */
class AuditChainsMigrationTest {

    private static final HashChain.Key KEY = HashChain.Key.of("audit-chains-migration-test-key-0123456789ab".getBytes());

    @Test
    void the_entries_before_form_the_first_chain_and_a_node_of_a_cluster_starts_its_own_beside_it() throws SQLException {
        DataSource database = TestDatabase.migratedBefore("audit_chains_v51", 51);
        String tenant = UUID.randomUUID().toString();
        List<AuditEntry> before = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            AuditEntry entry = new AuditEntry(new AuditRecord(tenant, Instant.parse("2026-12-01T08:00:00Z").plusSeconds(seq),
                    AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON, "teacher-1", UUID.randomUUID().toString(), null,
                    "STUDENT_PROFILE", "READ", true, List.of(), "before-" + seq), seq, previous, KEY);
            before.add(entry);
            previous = entry.hash();
        }
        try (Connection connection = database.getConnection()) {
            for (AuditEntry entry : before) {
                insertAsBefore(connection, entry);
            }
            try (PreparedStatement head = connection.prepareStatement("insert into audit_chain_head (tenant_id, last_seq, "
                    + "last_hash, head_mac) values (?, 3, ?, ?)")) {
                head.setString(1, tenant);
                head.setString(2, previous);
                head.setString(3, KEY.headMac(tenant, 3, previous));
                head.executeUpdate();
            }
        }

        TestDatabase.migrate(database);

        assertThat(texts(database, "select chain || ':' || seq || ':' || position from audit_entry where tenant_id = '"
                + tenant + "' order by position")).containsExactly(":1:1", ":2:2", ":3:3");
        assertThat(texts(database, "select array_to_string(chains, ',') || '|' || mac from audit_chain_set where tenant_id = '"
                + tenant + "'")).containsExactly("|V51");

        AuditWriter nodeA = AuditWriterChainTest.writerOn(database, "node-a", "audit-chains-migration-test-key-0123456789ab");
        try {
            nodeA.write(new AuditRecord(tenant, Instant.now(), AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON,
                    "teacher-1", UUID.randomUUID().toString(), null, "STUDENT_PROFILE", "READ", true, List.of(), "after"));
        } finally {
            nodeA.stop();
        }

        assertThat(texts(database, "select chain || ':' || seq || ':' || request_id from audit_entry where tenant_id = '"
                + tenant + "' order by position")).containsExactly(":1:before-1", ":2:before-2", ":3:before-3", "node-a:1:after");
        assertThat(texts(database, "select chain || ':' || last_seq from audit_chain_head where tenant_id = '" + tenant
                + "' order by chain")).as("the first chain's head stays where it was").containsExactly(":3", "node-a:1");
        assertThat(texts(database, "select mac from audit_chain_set where tenant_id = '" + tenant + "'"))
                .containsExactly(KEY.chainsMac(tenant, List.of("", "node-a")));

        // A single node goes on in the first chain and signs the migration's list as it is.
        AuditWriter single = AuditWriterChainTest.writerOn(database, "", "audit-chains-migration-test-key-0123456789ab");
        String alone = UUID.randomUUID().toString();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into audit_chain_set (tenant_id, chains, mac) values ('" + alone
                    + "', '{\"\"}', 'V51')");
            AuditEntry earlier = new AuditEntry(new AuditRecord(alone, Instant.parse("2026-12-01T08:00:00Z"),
                    AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON, "teacher-1", UUID.randomUUID().toString(),
                    null, "STUDENT_PROFILE", "READ", true, List.of(), "earlier"), 1, HashChain.GENESIS, KEY);
            AuditSubjectsMigrationTest.insertRow(connection, earlier, true);
            statement.executeUpdate("insert into audit_chain_head (tenant_id, chain, last_seq, last_hash, head_mac) values ('"
                    + alone + "', '', 1, '" + earlier.hash() + "', '" + KEY.headMac(alone, 1, earlier.hash()) + "')");
        }
        try {
            single.write(new AuditRecord(alone, Instant.now(), AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON,
                    "teacher-1", UUID.randomUUID().toString(), null, "STUDENT_PROFILE", "READ", true, List.of(), "later"));
        } finally {
            single.stop();
        }
        assertThat(texts(database, "select mac from audit_chain_set where tenant_id = '" + alone + "'"))
                .containsExactly(KEY.chainsMac(alone, List.of("")));
        assertThat(texts(database, "select chain || ':' || seq || ':' || request_id from audit_entry where tenant_id = '"
                + alone + "' order by position")).containsExactly(":1:earlier", ":2:later");
    }

    /** The entry as the writer wrote it before V51: no chain, no position; its subjects in its row (V49). */
    private static void insertAsBefore(Connection connection, AuditEntry entry) throws SQLException {
        AuditSubjectsMigrationTest.insertRow(connection, entry, true);
    }

    private static List<String> texts(DataSource database, String sql) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }
}
