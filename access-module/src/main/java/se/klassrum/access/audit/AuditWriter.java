package se.klassrum.access.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends audit records to the tenants' chains from one writer thread per node, in batches (group commit):
 * a request hands its record over and waits until the batch holding it is committed, so a decision is never
 * acted on before it is recorded, and a denial stays recorded when the request's own transaction rolls back.
 * <p>
 * The writer has a connection pool of its own ({@value #DATA_SOURCE}, a non-transactional data source of at
 * most two connections): a request that holds its pooled connection while it waits never needs a second one
 * from the application's pool, so no burst of requests can starve the pool. The chain heads of a batch's
 * tenants are locked once per batch, in tenant order (two nodes writing into the same chain take turns per
 * batch, never deadlock), instead of once per decision: an organisation's decisions no longer queue on one
 * row lock each.
 */
@ApplicationScoped
public class AuditWriter {

    /** The writer's own data source, defined by the web module next to the application's. */
    public static final String DATA_SOURCE = "java:app/jdbc/klassrum-audit";

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());
    private static final int MAX_BATCH = 500;

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    AuditKeys keys;

    @Inject
    @ConfigProperty(name = "klassrum.audit.queue-capacity", defaultValue = "10000")
    int capacity;

    @Inject
    @ConfigProperty(name = "klassrum.audit.wait-seconds", defaultValue = "30")
    int waitSeconds;

    /** The append latency and batch sizes (README.md, "Operations"); absent outside the container. */
    @Inject
    MetricRegistry registry;

    private Timer appendTime;
    private Histogram batchSizes;
    private BlockingQueue<Pending> queue;
    private Thread writer;
    private volatile boolean stopping;

    /**
     * Appends the record and returns once it is committed.
     *
     * @throws AuditUnavailableException when it could not be committed within the configured wait
     */
    public void write(AuditRecord record) {
        Pending pending = new Pending(record, new CompletableFuture<>(), System.nanoTime());
        try {
            if (!queue.offer(pending, waitSeconds, TimeUnit.SECONDS)) {
                throw new AuditUnavailableException("the audit log is too busy to record the decision", null);
            }
            pending.committed().get(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while recording the decision", e);
        } catch (ExecutionException e) {
            throw new AuditUnavailableException("the audit log could not record the decision", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("the audit log did not record the decision in time", e);
        }
    }

    /** Starts the node's writer thread with the bean, so that no decision waits on a lock to find it. */
    @PostConstruct
    void start() {
        if (registry != null) {
            appendTime = registry.timer(Metadata.builder().withName("klassrum.audit.append")
                    .withDescription("From a decision's audit record handed to the writer to the commit of its batch")
                    .withUnit(MetricUnits.SECONDS).build());
            batchSizes = registry.histogram(Metadata.builder().withName("klassrum.audit.batch.size")
                    .withDescription("Audit records appended in one transaction").build());
        }
        queue = new ArrayBlockingQueue<>(Math.max(capacity, MAX_BATCH));
        writer = threads.newThread(this::run);
        writer.setName("klassrum-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        writer.interrupt();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                append(batch);
                measure(batch);
                batch.forEach(pending -> pending.committed().complete(null));
            } catch (InterruptedException e) {
                if (!stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.SEVERE, "The audit log could not append " + batch.size() + " records", e);
                batch.forEach(pending -> pending.committed().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Measured on the writer thread alone, so that the requests waiting for their batch never take the metrics' locks. */
    private void measure(List<Pending> batch) {
        if (appendTime == null) {
            return;
        }
        long committed = System.nanoTime();
        batchSizes.update(batch.size());
        batch.forEach(pending -> appendTime.update(Duration.ofNanos(committed - pending.enqueuedNanos())));
    }

    /** One transaction: lock the heads of the batch's tenants, chain every record, move the heads. */
    private void append(List<Pending> batch) throws SQLException {
        HashChain.Key key = keys.key();
        TreeSet<String> tenants = new TreeSet<>();
        batch.forEach(pending -> tenants.add(pending.record().tenantId()));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, Head> heads = lockHeads(connection, tenants);
                List<AuditEntry> entries = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    Head head = heads.get(pending.record().tenantId());
                    AuditEntry entry = new AuditEntry(pending.record(), head.seq + 1, head.hash, key);
                    head.seq = entry.seq();
                    head.hash = entry.hash();
                    entries.add(entry);
                }
                insert(connection, entries);
                moveHeads(connection, heads, key);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Map<String, Head> lockHeads(Connection connection, TreeSet<String> tenants) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("insert into audit_chain_head (tenant_id, last_seq, "
                + "last_hash) values (?, 0, ?) on conflict (tenant_id) do nothing")) {
            for (String tenant : tenants) {
                create.setString(1, tenant);
                create.setString(2, HashChain.GENESIS);
                create.addBatch();
            }
            create.executeBatch();
        }
        Map<String, Head> heads = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement("select tenant_id, last_seq, last_hash from "
                + "audit_chain_head where tenant_id = any (?) order by tenant_id for update")) {
            lock.setArray(1, connection.createArrayOf("text", tenants.toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    heads.put(rows.getString(1), new Head(rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return heads;
    }

    private static void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement entry = connection.prepareStatement("insert into audit_entry (id, tenant_id, seq, "
                + "occurred_at, purpose, actor_kind, actor_id, student_id, group_id, data_kind, operation, decision, "
                + "failing_codes, request_id, prev_hash, hash, hash_alg) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement subject = connection.prepareStatement("insert into audit_subject (entry_id, position, "
                     + "student_id, group_id, decision, failing_codes) values (?, ?, ?, ?, ?, ?)")) {
            boolean subjects = false;
            for (AuditEntry written : entries) {
                int column = 1;
                entry.setString(column++, written.id());
                entry.setString(column++, written.tenantId());
                entry.setLong(column++, written.seq());
                entry.setObject(column++, written.occurredAt());
                entry.setString(column++, written.purpose());
                entry.setString(column++, written.actorKind());
                entry.setString(column++, written.actorId());
                entry.setString(column++, written.studentId());
                entry.setString(column++, written.groupId());
                entry.setString(column++, written.dataKind());
                entry.setString(column++, written.operation());
                entry.setString(column++, written.decision());
                entry.setString(column++, written.failingCodes());
                entry.setString(column++, written.requestId());
                entry.setString(column++, written.prevHash());
                entry.setString(column++, written.hash());
                entry.setString(column, written.hashAlg());
                entry.addBatch();
                List<AuditSubject> named = written.subjects();
                for (int position = 0; position < named.size(); position++) {
                    AuditSubject one = named.get(position);
                    subject.setString(1, written.id());
                    subject.setInt(2, position);
                    subject.setString(3, one.studentId());
                    subject.setString(4, one.groupId());
                    subject.setString(5, one.decision());
                    subject.setString(6, one.failingCodes());
                    subject.addBatch();
                    subjects = true;
                }
            }
            entry.executeBatch();
            if (subjects) {
                subject.executeBatch();
            }
        }
    }

    private static void moveHeads(Connection connection, Map<String, Head> heads, HashChain.Key key) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement(
                "update audit_chain_head set last_seq = ?, last_hash = ?, head_mac = ? where tenant_id = ?")) {
            for (Map.Entry<String, Head> head : heads.entrySet()) {
                move.setLong(1, head.getValue().seq);
                move.setString(2, head.getValue().hash);
                move.setString(3, key.headMac(head.getKey(), head.getValue().seq, head.getValue().hash));
                move.setString(4, head.getKey());
                move.addBatch();
            }
            move.executeBatch();
        }
    }

    private record Pending(AuditRecord record, CompletableFuture<Void> committed, long enqueuedNanos) {
    }

    private static final class Head {
        long seq;
        String hash;

        Head(long seq, String hash) {
            this.seq = seq;
            this.hash = hash;
        }
    }
}
