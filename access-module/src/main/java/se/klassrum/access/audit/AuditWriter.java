package se.klassrum.access.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Appends audit records to the tenants' chains from one writer thread per node, in batches (group commit):
 * a request hands its record over and waits until the batch holding it is committed, so a decision is never
 * acted on before it is recorded, and a denial stays recorded when the request's own transaction rolls back.
 * <p>
 * The writer has a connection pool of its own ({@value #DATA_SOURCE}, a non-transactional data source of at
 * most two connections): a request that holds its pooled connection while it waits never needs a second one
 * from the application's pool, so no burst of requests can starve the pool.
 * <p>
 * Each writer appends to a chain of its own in every tenant ({@code klassrum.audit.chain}; '' for a single node): the
 * nodes of a cluster never wait for each other's heads. The tenant's list of chains ({@code audit_chain_set}, with a
 * MAC under the audit key) names every chain, so that one removed whole is found. Two writers given the same chain
 * still append correctly: the chain heads of a batch's tenants are then locked once per batch, in tenant order (they
 * take turns per batch, never deadlock), instead of once per decision.
 */
@ApplicationScoped
public class AuditWriter {

    /** The writer's own data source, defined by the web module next to the application's. */
    public static final String DATA_SOURCE = "java:app/jdbc/klassrum-audit";

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());
    private static final int MAX_BATCH = 500;
    private static final String UNIQUE_VIOLATION = "23505";
    /** The SQL state of {@code audit_require_heads_moved} (migration V45) when a head had moved. */
    private static final String HEADS_MOVED = "40001";

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    AuditKeys keys;

    /** The chain this writer appends to in every tenant: '' (a single node's), or the node's own name. */
    @Inject
    @ConfigProperty(name = "klassrum.audit.chain")
    Optional<String> chainSetting = Optional.empty();

    private String chain = "";

    /** What a chain may be named: letters, digits and {@code . _ : -}, at most 64. */
    public static final Pattern CHAIN_NAME = Pattern.compile("[A-Za-z0-9._:-]{0,64}");

    /** The mark of a list of chains that migration V51 wrote, unsigned, for a tenant's first chain alone. */
    static final String UNSIGNED_BY_MIGRATION = "V51";

    @Inject
    @ConfigProperty(name = "klassrum.audit.queue-capacity", defaultValue = "10000")
    int capacity;

    @Inject
    @ConfigProperty(name = "klassrum.audit.wait-seconds", defaultValue = "30")
    int waitSeconds;

    /**
     * While decisions arrive faster than one at a time (the last batch held more than one), how long the writer waits
     * for more before it appends: each batch is a commit and a flush of the log to disk, whatever its size, so fewer and
     * fuller batches cost the database less per decision. 0 appends at once.
     */
    @Inject
    @ConfigProperty(name = "klassrum.audit.linger-micros", defaultValue = "" + DEFAULT_LINGER_MICROS)
    long lingerMicros = DEFAULT_LINGER_MICROS;

    static final long DEFAULT_LINGER_MICROS = 1000;

    /** The append latency and batch sizes (README.md, "Operations"); absent outside the container. */
    @Inject
    MetricRegistry registry;

    /**
     * The chain heads as this writer last moved them, kept by the writer thread alone; dropped for a tenant when another
     * node moved its head, and for all when a batch fails.
     */
    private final Map<String, Head> knownHeads = new HashMap<>();

    /** The tenants whose list of chains names this writer's chain, as far as this writer has seen; kept by the writer thread. */
    private final Set<String> listed = new HashSet<>();

    /**
     * Moves the heads from where this writer left them (their tenant, new seq, hash and keyed mac, and the seq and hash
     * they must still have) and appends the entries, a list's subjects in its entry's row. A head another node moved in
     * between is not moved, the count falls short of the batch's organisations (the last parameter) and the statement
     * fails as a whole (migration V45).
     */
    static final String APPEND = """
            with moved as (
                update audit_chain_head h set last_seq = v.last_seq, last_hash = v.last_hash, head_mac = v.head_mac
                from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[]),
                            cast(? as bigint[]), cast(? as text[]))
                     as v (tenant_id, last_seq, last_hash, head_mac, was_seq, was_hash)
                where h.tenant_id = v.tenant_id and h.chain = ? and h.last_seq = v.was_seq and h.last_hash = v.was_hash
                returning h.tenant_id
            ), entries as (
                insert into audit_entry (id, tenant_id, seq, occurred_at, purpose, actor_kind, actor_id, student_id,
                                         group_id, data_kind, operation, decision, failing_codes, request_id, prev_hash,
                                         hash, hash_alg, subjects, chain)
                select * from unnest(cast(? as text[]), cast(? as text[]), cast(? as bigint[]), cast(? as timestamptz[]),
                                     cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                     cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                     cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                     cast(? as text[]), cast(? as text[]), cast(? as text[]))
            )
            select audit_require_heads_moved(?, (select count(*) from moved))
            """;

    private Timer appendTime;
    private Histogram batchSizes;
    private Counter lockedBatches;
    /** Batches appended on the heads this writer remembered, and batches that had to lock and read the heads first. */
    final AtomicLong appendedOnKnownHeads = new AtomicLong();
    final AtomicLong appendedLocked = new AtomicLong();
    /** Batches chained onto remembered heads that another node had moved: the statement failed and the batch locked. */
    final AtomicLong missedHeads = new AtomicLong();
    /**
     * After a batch found a head moved by another node, how long this writer locks the heads first rather than try its
     * remembered ones: while two nodes write into one chain, nearly every remembered head is stale, and each try costs
     * a statement that inserts the whole batch only to fail. Once the other node is quiet for this long, one statement
     * a batch again.
     */
    static final long LOCK_FIRST_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Until when (in {@link System#nanoTime()}) this writer locks first; kept by the writer thread alone. */
    private long lockFirstUntil = System.nanoTime();
    private BlockingQueue<Pending> queue;
    private Thread writer;
    private volatile boolean stopping;

    /**
     * Appends the record and returns once it is committed.
     *
     * @throws AuditUnavailableException when it could not be committed within the configured wait
     */
    public void write(AuditRecord record) {
        handOver(record).awaitCommit();
    }

    /**
     * Hands the record to the writer and returns at once; its commit is awaited from the returned record, within the
     * configured wait from now.
     *
     * @throws AuditUnavailableException when the writer does not run or its queue stays full for the configured wait
     */
    public PendingRecord handOver(AuditRecord record) {
        if (stopping || !writer.isAlive()) {
            throw new AuditUnavailableException("the audit writer is not running", null);
        }
        Pending pending = new Pending(record, new CompletableFuture<>(), System.nanoTime());
        try {
            if (!queue.offer(pending, waitSeconds, TimeUnit.SECONDS)) {
                throw new AuditUnavailableException("the audit log is too busy to record the decision", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while recording the decision", e);
        }
        long deadline = pending.enqueuedNanos() + TimeUnit.SECONDS.toNanos(waitSeconds);
        return () -> {
            try {
                pending.committed().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditUnavailableException("interrupted while recording the decision", e);
            } catch (ExecutionException e) {
                throw new AuditUnavailableException("the audit log could not record the decision", e.getCause());
            } catch (TimeoutException e) {
                throw new AuditUnavailableException("the audit log did not record the decision in time", e);
            }
        };
    }

    /** Starts the node's writer thread with the bean, so that no decision waits on a lock to find it. */
    @PostConstruct
    void start() {
        chain = chainSetting.map(String::trim).orElse("");
        if (!CHAIN_NAME.matcher(chain).matches()) {
            throw new IllegalStateException("klassrum.audit.chain may hold letters, digits and . _ : - (at most 64): " + chain);
        }
        if (registry != null) {
            appendTime = registry.timer(Metadata.builder().withName("klassrum.audit.append")
                    .withDescription("From a decision's audit record handed to the writer to the commit of its batch")
                    .withUnit(MetricUnits.SECONDS).build());
            batchSizes = registry.histogram(Metadata.builder().withName("klassrum.audit.batch.size")
                    .withDescription("Audit records appended in one transaction").build());
            lockedBatches = registry.counter(Metadata.builder().withName("klassrum.audit.batch.locked")
                    .withDescription("Batches that locked and read their chain heads first: a new organisation, or a head "
                            + "another node moved since this node's last batch").build());
            registry.gauge(Metadata.builder().withName("klassrum.audit.waiting")
                    .withDescription("Decisions handed to this node's audit writer and not yet committed").build(),
                    this, writer -> writer.backlog().waiting());
            registry.gauge(Metadata.builder().withName("klassrum.audit.oldest.wait")
                    .withDescription("How long the oldest decision not yet committed has waited for its batch")
                    .withUnit(MetricUnits.SECONDS).build(),
                    this, writer -> writer.backlog().oldestWait().toNanos() / 1e9);
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

    /**
     * The writer's loop. Whatever a batch throws fails that batch's requests (they answer 503) and the loop goes on with
     * the next: an error of the virtual machine's too, since without this thread no decision of the node could be
     * recorded and every request asking for one would wait until its own limit.
     */
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
                inHand = new InHand(first.enqueuedNanos(), batch.size());
                if (lastBatchSize > 1) {
                    linger(batch);
                    inHand = new InHand(first.enqueuedNanos(), batch.size());
                }
                lastBatchSize = batch.size();
                append(batch);
                measure(batch);
                appended();
                batch.forEach(pending -> pending.committed().complete(null));
            } catch (InterruptedException e) {
                if (!stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (Exception | Error e) {
                appended();
                LOG.log(Level.SEVERE, "The audit log could not append " + batch.size() + " records", e);
                batch.forEach(pending -> pending.committed().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * The batch the writer holds: when its oldest record was handed over ({@link System#nanoTime()}) and how many it
     * holds; null while the writer waits for records. Written by the writer thread, read by {@link #backlog()}.
     */
    private volatile InHand inHand;

    private record InHand(long since, int records) {
    }

    /** The batch at hand is done with, before its requests hear of it: the backlog no longer counts it. */
    private void appended() {
        inHand = null;
    }

    /**
     * What waits for the writer: whether its thread runs, how many records were handed over and are not yet committed,
     * and how long the oldest of them has waited.
     */
    public record Backlog(boolean running, int waiting, Duration oldestWait) {
    }

    /** The writer's backlog now (README.md, "Operations": the readiness check and the metrics read it). */
    public Backlog backlog() {
        InHand held = inHand;
        Pending queued = queue.peek();
        long now = System.nanoTime();
        long oldest = held != null ? held.since() : queued != null ? queued.enqueuedNanos() : now;
        return new Backlog(writer.isAlive() && !stopping, (held == null ? 0 : held.records()) + queue.size(),
                Duration.ofNanos(Math.max(0, now - oldest)));
    }

    /** The size of the batch appended last; a batch of one means decisions arrive one at a time, and none waits. */
    private int lastBatchSize;

    /**
     * Adds what arrives within the linger to the batch, up to a full batch. Interrupted (the node stops), it stops
     * waiting and leaves the interrupt for the next wait, so that the batch it holds is still appended.
     */
    private void linger(List<Pending> batch) {
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(lingerMicros);
        try {
            while (batch.size() < MAX_BATCH) {
                long left = deadline - System.nanoTime();
                Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    return;
                }
                batch.add(next);
                queue.drainTo(batch, MAX_BATCH - batch.size());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
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

    /**
     * When this writer moved every head of the batch last, one statement, committed on its own, chains the records onto
     * the heads it remembers and moves them, on the condition that nobody else moved them since ({@link #APPEND}): one
     * round trip to the database per batch. Otherwise, or when another node moved a head in between, one transaction
     * locks and reads the heads first ({@link #appendLocked}), and so do the batches of the next second
     * ({@link #LOCK_FIRST_NANOS}).
     */
    private void append(List<Pending> batch) throws SQLException {
        HashChain.Key key = keys.key();
        TreeSet<String> tenants = new TreeSet<>();
        batch.forEach(pending -> tenants.add(pending.record().tenantId()));
        try (Connection connection = dataSource.getConnection()) {
            if (System.nanoTime() - lockFirstUntil >= 0 && knownHeads.keySet().containsAll(tenants)
                    && appendOnKnownHeads(connection, batch, tenants, key)) {
                return;
            }
            tenants.forEach(knownHeads::remove);
            connection.setAutoCommit(false);
            try {
                appendLocked(connection, batch, tenants, key);
            } catch (SQLException | RuntimeException e) {
                knownHeads.clear();
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Chains the records onto the remembered heads and moves the heads in one statement committed on its own; true when
     * it was kept, false when a head had moved (the statement failed as a whole, nothing of it is kept).
     */
    private boolean appendOnKnownHeads(Connection connection, List<Pending> batch, TreeSet<String> tenants,
                                       HashChain.Key key) throws SQLException {
        Map<String, Head> were = new HashMap<>();
        Map<String, Head> heads = new HashMap<>();
        tenants.forEach(tenant -> {
            were.put(tenant, knownHeads.get(tenant));
            heads.put(tenant, knownHeads.get(tenant).copy());
        });
        List<AuditEntry> entries = chain(batch, heads, key);
        connection.setAutoCommit(true);
        try (PreparedStatement append = connection.prepareStatement(APPEND)) {
            int column = 1;
            column = setHeads(connection, append, column, List.copyOf(tenants), heads, were, key);
            column = setEntries(connection, append, column, entries);
            append.setInt(column, tenants.size());
            append.executeQuery().close();
        } catch (SQLException e) {
            if (HEADS_MOVED.equals(e.getSQLState()) || UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // Another node moved a head, or appended the same sequence numbers first.
                missedHeads.incrementAndGet();
                lockFirstUntil = System.nanoTime() + LOCK_FIRST_NANOS;
                return false;
            }
            knownHeads.clear();
            throw e;
        }
        knownHeads.putAll(heads);
        appendedOnKnownHeads.incrementAndGet();
        return true;
    }

    /** Locks the heads of the batch's tenants (creating a new tenant's), chains every record, moves the heads, commits. */
    private void appendLocked(Connection connection, List<Pending> batch, TreeSet<String> tenants, HashChain.Key key)
            throws SQLException {
        Map<String, Head> heads = lockHeads(connection, tenants);
        Set<String> fresh = new HashSet<>();
        heads.forEach((tenant, head) -> {
            if (head.seq == 0) {
                fresh.add(tenant);
            }
        });
        Set<String> nowListed = list(connection, tenants, fresh, key);
        List<AuditEntry> entries = chain(batch, heads, key);
        insert(connection, entries);
        moveHeads(connection, heads, key);
        connection.commit();
        listed.addAll(nowListed);
        heads.forEach((tenant, head) -> knownHeads.put(tenant, head.copy()));
        appendedLocked.incrementAndGet();
        if (lockedBatches != null) {
            lockedBatches.inc();
        }
    }

    /**
     * Makes sure the lists of chains of the batch's tenants name this writer's chain, within the batch's transaction (its
     * heads locked already; {@code fresh} are the tenants whose head of this chain starts at 0, made by this transaction):
     * locks the lists in tenant order, creating a new tenant's, and adds the chain where missing. A list is signed only
     * when it was signed rightly, is migration V51's unsigned list of the first chain alone, or belongs to an organisation
     * that has no chain yet but the one this batch begins. Any other keeps what it had, and a list found missing for an
     * organisation that has chains, or naming this writer's chain although its head had to be made anew (the chain was
     * removed), is marked so that it never matches the key again: someone who shortened or removed a list, or removed a
     * chain, is never signed over. Returns the tenants whose lists now name the chain.
     */
    private Set<String> list(Connection connection, TreeSet<String> tenants, Set<String> fresh, HashChain.Key key)
            throws SQLException {
        List<String> toCheck = tenants.stream().filter(tenant -> !listed.contains(tenant) || fresh.contains(tenant)).toList();
        if (toCheck.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement create = connection.prepareStatement("insert into audit_chain_set (tenant_id, chains, mac) "
                + "values (?, cast('{}' as text[]), null) on conflict (tenant_id) do nothing")) {
            for (String tenant : toCheck) {
                create.setString(1, tenant);
                create.addBatch();
            }
            create.executeBatch();
        }
        Map<String, List<String>> chains = new HashMap<>();
        Map<String, String> macs = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement("select tenant_id, chains, mac from audit_chain_set "
                + "where tenant_id = any (?) order by tenant_id for update")) {
            lock.setArray(1, connection.createArrayOf("text", toCheck.toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    chains.put(rows.getString(1), List.of((String[]) rows.getArray(2).getArray()));
                    macs.put(rows.getString(1), rows.getString(3));
                }
            }
        }
        // The organisations that have no chain but the one this batch begins: their lists are new, not lost.
        Set<String> withOtherChains = new HashSet<>();
        try (PreparedStatement others = connection.prepareStatement("select distinct tenant_id from audit_chain_head "
                + "where tenant_id = any (?) and (chain <> ? or last_seq > 0)")) {
            others.setArray(1, connection.createArrayOf("text", toCheck.toArray()));
            others.setString(2, chain);
            try (ResultSet rows = others.executeQuery()) {
                while (rows.next()) {
                    withOtherChains.add(rows.getString(1));
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update audit_chain_set set chains = ?, mac = ? where tenant_id = ?")) {
            boolean any = false;
            for (String tenant : toCheck) {
                List<String> were = chains.get(tenant);
                String mac = macs.get(tenant);
                boolean blank = were.isEmpty() && mac == null;
                boolean migrated = UNSIGNED_BY_MIGRATION.equals(mac) && were.equals(List.of(""));
                String verdict;
                if (blank && withOtherChains.contains(tenant)) {
                    verdict = REMOVED + "the list of chains was missing";
                } else if (were.contains(chain) && fresh.contains(tenant) && !blank) {
                    verdict = REMOVED + "chain " + chain + " was listed and had no head";
                } else if (were.contains(chain) && !migrated) {
                    continue;
                } else if (blank || migrated || Objects.equals(mac, key.chainsMac(tenant, were))) {
                    verdict = null;
                } else {
                    verdict = mac;
                }
                TreeSet<String> wider = new TreeSet<>(were);
                wider.add(chain);
                List<String> now = List.copyOf(wider);
                update.setArray(1, connection.createArrayOf("text", now.toArray()));
                update.setString(2, verdict == null ? key.chainsMac(tenant, now) : verdict);
                update.setString(3, tenant);
                update.addBatch();
                any = true;
            }
            if (any) {
                update.executeBatch();
            }
        }
        return Set.copyOf(toCheck);
    }

    /** How a list of chains that someone changed is marked: it can never match the key again. */
    static final String REMOVED = "removed: ";

    /** The batch's entries, each chained onto its tenant's head, which moves along. */
    private List<AuditEntry> chain(List<Pending> batch, Map<String, Head> heads, HashChain.Key key) {
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            Head head = heads.get(pending.record().tenantId());
            AuditEntry entry = new AuditEntry(pending.record(), chain, head.seq + 1, head.hash, key);
            head.seq = entry.seq();
            head.hash = entry.hash();
            entries.add(entry);
        }
        return entries;
    }

    private int setHeads(Connection connection, PreparedStatement append, int column, List<String> tenants,
                         Map<String, Head> heads, Map<String, Head> were, HashChain.Key key) throws SQLException {
        append.setArray(column++, texts(connection, tenants.stream()));
        append.setArray(column++, connection.createArrayOf("bigint", tenants.stream().map(t -> heads.get(t).seq).toArray()));
        append.setArray(column++, texts(connection, tenants.stream().map(t -> heads.get(t).hash)));
        append.setArray(column++, texts(connection, tenants.stream().map(t -> key.headMac(t, chain, heads.get(t).seq,
                heads.get(t).hash))));
        append.setArray(column++, connection.createArrayOf("bigint", tenants.stream().map(t -> were.get(t).seq).toArray()));
        append.setArray(column++, texts(connection, tenants.stream().map(t -> were.get(t).hash)));
        append.setString(column++, chain);
        return column;
    }

    private static int setEntries(Connection connection, PreparedStatement append, int column, List<AuditEntry> entries)
            throws SQLException {
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::id)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::tenantId)));
        append.setArray(column++, connection.createArrayOf("bigint", entries.stream().map(AuditEntry::seq).toArray()));
        append.setArray(column++, texts(connection, entries.stream().map(e -> e.occurredAt().toString())));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::purpose)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::actorKind)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::actorId)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::studentId)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::groupId)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::dataKind)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::operation)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::decision)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::failingCodes)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::requestId)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::prevHash)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::hash)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::hashAlg)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::storedSubjects)));
        append.setArray(column++, texts(connection, entries.stream().map(AuditEntry::chain)));
        return column;
    }

    private static Array texts(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private Map<String, Head> lockHeads(Connection connection, TreeSet<String> tenants) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("insert into audit_chain_head (tenant_id, chain, "
                + "last_seq, last_hash) values (?, ?, 0, ?) on conflict (tenant_id, chain) do nothing")) {
            for (String tenant : tenants) {
                create.setString(1, tenant);
                create.setString(2, chain);
                create.setString(3, HashChain.GENESIS);
                create.addBatch();
            }
            create.executeBatch();
        }
        Map<String, Head> heads = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement("select tenant_id, last_seq, last_hash from "
                + "audit_chain_head where tenant_id = any (?) and chain = ? order by tenant_id for update")) {
            lock.setArray(1, connection.createArrayOf("text", tenants.toArray()));
            lock.setString(2, chain);
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
                + "failing_codes, request_id, prev_hash, hash, hash_alg, subjects, chain) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                entry.setString(column++, written.hashAlg());
                entry.setString(column++, written.storedSubjects());
                entry.setString(column, written.chain());
                entry.addBatch();
            }
            entry.executeBatch();
        }
    }

    private void moveHeads(Connection connection, Map<String, Head> heads, HashChain.Key key) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement(
                "update audit_chain_head set last_seq = ?, last_hash = ?, head_mac = ? where tenant_id = ? and chain = ?")) {
            for (Map.Entry<String, Head> head : heads.entrySet()) {
                move.setLong(1, head.getValue().seq);
                move.setString(2, head.getValue().hash);
                move.setString(3, key.headMac(head.getKey(), chain, head.getValue().seq, head.getValue().hash));
                move.setString(4, head.getKey());
                move.setString(5, chain);
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

        Head copy() {
            return new Head(seq, hash);
        }
    }
}
