package se.klassrum.access.audit;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit writer on a real PostgreSQL: batches chained onto the heads it remembers, and two writers (two nodes)
 * appending to one organisation's chain at once, each finding the head moved by the other. Whatever the interleaving,
 * every record is committed exactly once, each chain is gapless, each entry names its predecessor's hash, and the head
 * is the last entry.
 */
class AuditWriterChainTest {

    private static TestDatabase db;
    private static final HashChain.Key KEY = HashChain.Key.of("audit-writer-chain-test-key-0123456789abcdef".getBytes());

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("audit_writer_chain");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void batches_on_remembered_heads_keep_every_chain_whole() throws Exception {
        AuditWriter writer = writer();
        try {
            String stockholm = UUID.randomUUID().toString();
            String solna = UUID.randomUUID().toString();
            List<String> requests = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String request = "single-" + i;
                requests.add(request);
                writer.write(record(i % 3 == 0 ? solna : stockholm, request, i % 5 == 0 ? 30 : 0));
            }
            assertThat(requestsIn(stockholm).size() + requestsIn(solna).size()).isEqualTo(40);
            assertWhole(stockholm);
            assertWhole(solna);
            assertThat(db.number("select coalesce(sum(cardinality(audit_subject_students(subjects))), 0) from audit_entry"
                    + " where request_id like 'single-%'")).isEqualTo(8 * 30);
            // Alone on its chains, the writer locked each head once, when it first met the organisation.
            assertThat(writer.appendedLocked.get()).isBetween(1L, 2L);
            assertThat(writer.appendedOnKnownHeads.get()).isGreaterThanOrEqualTo(38L);
        } finally {
            writer.stop();
        }
    }

    @Test
    void two_nodes_appending_to_one_chain_take_turns_without_losing_or_repeating_a_record() throws Exception {
        String city = UUID.randomUUID().toString();
        AuditWriter nodeA = writer();
        AuditWriter nodeB = writer();
        long started = System.nanoTime();
        try {
            burst(city, nodeA, nodeB, "burst-");
            // A head moved behind a writer's back between bursts: the next batch finds out and still chains on.
            nodeA.write(record(city, "after-a", 0));
            nodeB.write(record(city, "after-b", 0));
            nodeA.write(record(city, "after-a-again", 1));
        } finally {
            nodeA.stop();
            nodeB.stop();
        }
        // While both write, a node that found its remembered head moved locks first for a second rather than try a
        // head the other is about to move again: at most one wasted try per node and second.
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + 1;
        assertThat(nodeA.missedHeads.get()).as("node A's tries on a moved head in %d s", seconds).isLessThanOrEqualTo(seconds + 1);
        assertThat(nodeB.missedHeads.get()).as("node B's tries on a moved head in %d s", seconds).isLessThanOrEqualTo(seconds + 1);
        // Each node locked the head when it first met the chain, and the last two batches found it moved by the other.
        assertThat(nodeA.appendedLocked.get() + nodeB.appendedLocked.get()).isGreaterThanOrEqualTo(4);
        List<String> requests = requestsIn(city);
        assertThat(requests).hasSize(803).doesNotHaveDuplicates()
                .contains("burst-0", "burst-799", "after-a", "after-b", "after-a-again");
        assertWhole(city);
    }

    @Test
    void two_nodes_with_chains_of_their_own_never_wait_for_each_others_heads() throws Exception {
        String city = UUID.randomUUID().toString();
        AuditWriter nodeA = writer("node-a");
        AuditWriter nodeB = writer("node-b");
        try {
            burst(city, nodeA, nodeB, "own-");
        } finally {
            nodeA.stop();
            nodeB.stop();
        }
        // Each locked its own head once, when it first met the organisation, and never found it moved.
        assertThat(nodeA.appendedLocked.get()).isEqualTo(1);
        assertThat(nodeB.appendedLocked.get()).isEqualTo(1);
        assertThat(nodeA.missedHeads.get() + nodeB.missedHeads.get()).isZero();
        assertThat(requestsIn(city)).hasSize(800).doesNotHaveDuplicates();
        assertWhole(city, "node-a");
        assertWhole(city, "node-b");
        assertThat(db.number("select count(*) from audit_entry where tenant_id = '" + city + "' and chain = 'node-a'"))
                .isEqualTo(400);
        // The organisation's list names both chains, signed.
        assertThat(chainsOf(city)).containsExactly("node-a", "node-b");
        assertThat(listMac(city)).isEqualTo(KEY.chainsMac(city, List.of("node-a", "node-b")));
    }

    @Test
    void a_writer_adds_its_chain_to_the_list_and_signs_only_a_list_that_was_signed_or_the_migrations() throws Exception {
        String migrated = UUID.randomUUID().toString();
        String shortened = UUID.randomUUID().toString();
        // As migration V51 left an organisation of one chain: its list unsigned, marked.
        update("insert into audit_chain_set (tenant_id, chains, mac) values ('" + migrated + "', '{\"\"}', 'V51')");
        // A list someone took a chain off: its MAC is that of the longer list.
        update("insert into audit_chain_set (tenant_id, chains, mac) values ('" + shortened + "', '{node-x}', '"
                + KEY.chainsMac(shortened, List.of("node-b", "node-x")) + "')");
        AuditWriter nodeA = writer("node-a");
        try {
            nodeA.write(record(migrated, "first-of-node-a", 0));
            nodeA.write(record(shortened, "after-the-removal", 0));
        } finally {
            nodeA.stop();
        }
        assertThat(chainsOf(migrated)).containsExactly("", "node-a");
        assertThat(listMac(migrated)).isEqualTo(KEY.chainsMac(migrated, List.of("", "node-a")));
        assertThat(chainsOf(shortened)).containsExactly("node-a", "node-x");
        assertThat(listMac(shortened)).as("never signed over").isEqualTo(KEY.chainsMac(shortened, List.of("node-b", "node-x")));
    }

    @Test
    void a_list_or_a_chain_someone_removed_is_marked_by_the_next_writer_and_never_signed_over() throws Exception {
        String lostList = UUID.randomUUID().toString();
        String lostChain = UUID.randomUUID().toString();
        AuditWriter before = writer("node-b");
        try {
            before.write(record(lostList, "first", 0));
            before.write(record(lostChain, "first", 0));
        } finally {
            before.stop();
        }
        // The list of one organisation removed; the other's chain of node-b removed whole, head and entries.
        update("delete from audit_chain_set where tenant_id = '" + lostList + "'");
        update("alter table audit_entry disable trigger audit_entry_append_only");
        try {
            update("delete from audit_entry where tenant_id = '" + lostChain + "' and chain = 'node-b'");
        } finally {
            update("alter table audit_entry enable trigger audit_entry_append_only");
        }
        update("delete from audit_chain_head where tenant_id = '" + lostChain + "' and chain = 'node-b'");

        // node-b starts again, remembering nothing.
        AuditWriter after = writer("node-b");
        try {
            after.write(record(lostList, "second", 0));
            after.write(record(lostChain, "second", 0));
        } finally {
            after.stop();
        }

        assertThat(listMac(lostList)).as("a missing list is not made anew for an organisation that has chains")
                .startsWith(AuditWriter.REMOVED).isNotEqualTo(KEY.chainsMac(lostList, List.of("node-b")));
        assertThat(listMac(lostChain)).as("a chain that had to begin anew although listed was removed")
                .startsWith(AuditWriter.REMOVED).isNotEqualTo(KEY.chainsMac(lostChain, List.of("node-b")));
        assertThat(AuditLog.checkList(lostChain, java.util.Set.of("node-b"), java.util.Set.of("node-b"),
                chainsOf(lostChain), listMac(lostChain), KEY).reason()).contains("node-b was listed and had no head");
    }

    @Test
    void the_first_decisions_of_new_organisations_in_one_batch_each_sign_their_list() throws Exception {
        AuditWriter writer = writer("node-a");
        String held = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (Connection holder = db.dataSource().getConnection()) {
            writer.write(record(held, "before", 0));
            // The writer held up on a locked head while the new organisations' decisions queue behind it.
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select * from audit_chain_head where tenant_id = '" + held + "' for update");
            }
            PendingRecord blocked = writer.handOver(record(held, "held", 0));
            while (writer.backlog().waiting() == 0) {
                Thread.sleep(10);
            }
            PendingRecord one = writer.handOver(record(first, "new-1", 0));
            PendingRecord two = writer.handOver(record(second, "new-2", 0));
            holder.rollback();
            blocked.awaitCommit();
            one.awaitCommit();
            two.awaitCommit();
        } finally {
            writer.stop();
        }
        assertThat(listMac(first)).isEqualTo(KEY.chainsMac(first, List.of("node-a")));
        assertThat(listMac(second)).isEqualTo(KEY.chainsMac(second, List.of("node-a")));
    }

    private static List<String> chainsOf(String tenant) throws SQLException {
        List<String> chains = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select unnest(chains) from audit_chain_set where tenant_id = '"
                     + tenant + "'")) {
            while (rows.next()) {
                chains.add(rows.getString(1));
            }
        }
        return chains;
    }

    private static String listMac(String tenant) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select mac from audit_chain_set where tenant_id = '" + tenant + "'")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void update(String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    @Test
    void a_writer_held_up_by_a_locked_head_shows_what_waits_and_appends_it_once_the_lock_goes() throws Exception {
        AuditWriter writer = writer();
        ExecutorService callers = Executors.newSingleThreadExecutor();
        String tenant = UUID.randomUUID().toString();
        try (Connection holder = db.dataSource().getConnection()) {
            writer.write(record(tenant, "before", 0));
            assertThat(writer.backlog()).isEqualTo(new AuditWriter.Backlog(true, 0, java.time.Duration.ZERO));

            // A transaction of another node's that locked the head and does not end.
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select * from audit_chain_head where tenant_id = '" + tenant + "' for update");
            }
            long heldSince = System.nanoTime();
            Future<?> held = callers.submit(() -> writer.write(record(tenant, "held", 0)));
            while (writer.backlog().waiting() == 0) {
                Thread.sleep(10);
            }
            Thread.sleep(300);
            AuditWriter.Backlog backlog = writer.backlog();
            assertThat(backlog.running()).isTrue();
            assertThat(backlog.waiting()).isEqualTo(1);
            assertThat(backlog.oldestWait()).isBetween(java.time.Duration.ofMillis(300),
                    java.time.Duration.ofNanos(System.nanoTime() - heldSince));
            assertThat(held).isNotDone();

            holder.rollback();
            held.get(60, TimeUnit.SECONDS);
            assertThat(writer.backlog().waiting()).isZero();
            assertThat(requestsIn(tenant)).containsExactly("before", "held");
            assertWhole(tenant);
        } finally {
            callers.shutdownNow();
            writer.stop();
        }
    }

    @Test
    void an_error_in_one_batch_fails_its_requests_and_the_writer_goes_on() throws Exception {
        AuditWriter writer = writer();
        HashChain.Key real = writer.keys.key();
        java.util.concurrent.atomic.AtomicBoolean failOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
        writer.keys = new AuditKeys() {
            @Override
            public HashChain.Key key() {
                if (failOnce.getAndSet(false)) {
                    throw new OutOfMemoryError("no room for the batch");
                }
                return real;
            }
        };
        String tenant = UUID.randomUUID().toString();
        try {
            assertThatThrownBy(() -> writer.write(record(tenant, "lost", 0))).isInstanceOf(AuditUnavailableException.class)
                    .hasRootCauseInstanceOf(OutOfMemoryError.class);
            writer.write(record(tenant, "recorded", 0));
            assertThat(writer.backlog().running()).isTrue();
            assertThat(requestsIn(tenant)).containsExactly("recorded");
            assertWhole(tenant);
        } finally {
            writer.stop();
        }
        // Stopped, the writer refuses at once rather than let a request wait for a thread that is gone.
        assertThat(writer.backlog().running()).isFalse();
        assertThatThrownBy(() -> writer.write(record(tenant, "too-late", 0))).isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("not running");
    }

    private static AuditWriter writer() {
        return writer("");
    }

    private static AuditWriter writer(String chain) {
        return writerOn(asTheNodeConnects(), chain, "audit-writer-chain-test-key-0123456789abcdef");
    }

    /**
     * Connections as the node's audit data source makes them (web-module's {@code AuditDataSource}): batches of inserts
     * rewritten into multi-row ones, after which the driver no longer tells how many rows each insert made.
     */
    private static javax.sql.DataSource asTheNodeConnects() {
        org.postgresql.ds.PGSimpleDataSource connects = new org.postgresql.ds.PGSimpleDataSource();
        connects.setURL(db.jdbcUrl());
        connects.setUser("postgres");
        connects.setPassword("postgres");
        connects.setReWriteBatchedInserts(true);
        return connects;
    }

    /** A started writer appending to {@code chain} in the database, with the audit key {@code key}. */
    static AuditWriter writerOn(javax.sql.DataSource database, String chain, String key) {
        AuditWriter writer = new AuditWriter();
        writer.chainSetting = Optional.of(chain);
        writer.dataSource = database;
        writer.threads = new Threads();
        writer.keys = new AuditKeys();
        writer.keys.key = Optional.of(key);
        writer.keys.keyFile = Optional.empty();
        writer.capacity = 10_000;
        writer.waitSeconds = 60;
        writer.start();
        return writer;
    }

    /** 800 records for the city from 16 callers at once, every other one through each node. */
    private static void burst(String city, AuditWriter nodeA, AuditWriter nodeB, String prefix) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                AuditWriter node = i % 2 == 0 ? nodeA : nodeB;
                String request = prefix + i;
                done.add(callers.submit(() -> node.write(record(city, request, request.hashCode() % 7 == 0 ? 3 : 0))));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static AuditRecord record(String tenant, String request, int subjects) {
        List<AuditRecord.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < subjects; i++) {
            outcomes.add(new AuditRecord.Outcome(UUID.randomUUID().toString(), null, i % 4 != 0,
                    i % 4 != 0 ? List.of() : List.of("GROUP_OWNER")));
        }
        return new AuditRecord(tenant, Instant.now(), AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON,
                UUID.randomUUID().toString(), subjects == 0 ? UUID.randomUUID().toString() : null, null,
                "STUDENT_PROFILE", "READ", true, List.of(), request, outcomes);
    }

    private static List<String> requestsIn(String tenant) throws SQLException {
        List<String> requests = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select request_id from audit_entry where tenant_id = '" + tenant
                     + "' order by position")) {
            while (rows.next()) {
                requests.add(rows.getString(1));
            }
        }
        return requests;
    }

    /** The tenant's first chain whole. */
    private static void assertWhole(String tenant) throws SQLException {
        assertWhole(tenant, "");
    }

    /**
     * One of the tenant's chains gapless from 1, each entry naming its predecessor's hash and placed after it among the
     * tenant's entries, and the head at the last entry.
     */
    private static void assertWhole(String tenant, String chain) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            long expected = 1;
            String previous = HashChain.GENESIS;
            try (ResultSet rows = statement.executeQuery("select seq, prev_hash, hash from audit_entry where tenant_id = '"
                    + tenant + "' and chain = '" + chain + "' order by position")) {
                while (rows.next()) {
                    assertThat(rows.getLong(1)).as("sequence number").isEqualTo(expected++);
                    assertThat(rows.getString(2)).as("previous hash of entry " + rows.getLong(1)).isEqualTo(previous);
                    previous = rows.getString(3);
                }
            }
            try (ResultSet head = statement.executeQuery("select last_seq, last_hash, head_mac from audit_chain_head"
                    + " where tenant_id = '" + tenant + "' and chain = '" + chain + "'")) {
                assertThat(head.next()).isTrue();
                assertThat(head.getLong(1)).isEqualTo(expected - 1);
                assertThat(head.getString(2)).isEqualTo(previous);
                assertThat(head.getString(3)).isEqualTo(KEY.headMac(tenant, chain, expected - 1, previous));
            }
        }
    }

    /** The container's managed threads, as plain ones. */
    static final class Threads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task);
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException("the audit writer uses one plain thread");
        }
    }
}
