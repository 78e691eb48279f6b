package se.klassrum.access.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Appends decisions to the tenants' chains and reads them back. Appending goes through the {@link AuditWriter}:
 * outside the caller's transaction (a denial stays recorded when the business transaction rolls back) and
 * without a second connection from the application's pool.
 */
@ApplicationScoped
public class AuditLog {

    private static final int VERIFY_PAGE_SIZE = 1_000;

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    AuditWriter writer;

    @Inject
    AuditKeys keys;

    /**
     * Records a decision and returns once it is committed.
     *
     * @throws AuditUnavailableException when it could not be recorded: the decision must then not be acted on
     */
    public void record(AuditRecord record) {
        writer.write(record);
    }

    /**
     * Hands a decision's record over and returns at once: whoever acts on the decision awaits its commit first
     * ({@link PendingRecord#awaitCommit()}).
     *
     * @throws AuditUnavailableException when it cannot even be handed over: the decision must then not be acted on
     */
    public PendingRecord handOver(AuditRecord record) {
        return writer.handOver(record);
    }

    /**
     * The decisions about one student, newest first: who, when, what kind, and the outcome.
     *
     * @param beforePosition only entries older than this one (the previous page's last {@link AuditEntry#position()}),
     *                       or null for the newest
     */
    public List<AuditEntry> forStudent(String tenantId, String studentId, Long beforePosition, int limit) {
        return forStudent(tenantId, studentId, AuditFilter.NONE, beforePosition, limit);
    }

    /**
     * The decisions about one student that the filter keeps, newest first. A list decided in one step counts
     * with the outcome for this student: its entry is kept as it concerns the student.
     *
     * @param beforePosition only entries older than this one (the previous page's last {@link AuditEntry#position()}),
     *                       or null for the newest
     */
    public List<AuditEntry> forStudent(String tenantId, String studentId, AuditFilter filter, Long beforePosition, int limit) {
        return read(tenantId, java.util.Objects.requireNonNull(studentId, "studentId"), filter, beforePosition, limit);
    }

    /**
     * The decisions about any student of the organisation that the filter keeps, newest first, one per student: a list
     * decided in one step gives one entry for each student it names, with the outcome for that student, all with the
     * list's position. Group-level decisions, which concern no student, are not among them. Who may read which of them
     * is for the caller to decide.
     *
     * @param beforePosition only entries older than this one, or null for the newest
     */
    public List<AuditEntry> forStudents(String tenantId, AuditFilter filter, Long beforePosition, int limit) {
        return read(tenantId, null, filter, beforePosition, limit);
    }

    // Newest first across the tenant's chains: by position, which the database gives in the order entries are appended.
    private List<AuditEntry> read(String tenantId, String studentId, AuditFilter filter, Long beforePosition, int limit) {
        long before = beforePosition == null ? Long.MAX_VALUE : beforePosition;
        String student = studentId == null ? "is not null" : "= :student";
        List<AuditEntry> entries = new ArrayList<>(filtered(em.createQuery("select e from AuditEntry e where e.tenantId = :tenant "
                        + "and e.studentId " + student + " and e.position < :before" + conditions(filter)
                        + " order by e.position desc", AuditEntry.class), tenantId, studentId, filter, before)
                .setMaxResults(limit)
                .getResultList());
        // Lists decided in one step name the student among their subjects, with the outcome for them.
        List<ListSubject> listed = listSubjects(tenantId, studentId, filter, before, limit);
        if (!listed.isEmpty()) {
            Map<String, AuditEntry> lists = new HashMap<>();
            em.createQuery("select e from AuditEntry e where e.id in :ids", AuditEntry.class)
                    .setParameter("ids", listed.stream().map(ListSubject::entryId).distinct().toList())
                    .getResultList()
                    .forEach(list -> lists.put(list.id(), list));
            for (ListSubject subject : listed) {
                AuditEntry list = lists.get(subject.entryId());
                entries.add(list.concerning(list.subjects().get(subject.position())));
            }
        }
        entries.sort(Comparator.comparingLong(AuditEntry::position).reversed());
        return entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : entries;
    }

    /** One student of a list's entry: the entry and the student's place among its subjects (from 0). */
    private record ListSubject(String entryId, int position) {
    }

    /**
     * The subjects of lists that concern the student (or, without one, any student) and that the filter keeps, newest
     * first, at most {@code limit}: the subjects are read from the entries' own rows ({@code audit_entry.subjects},
     * migration V49), the one student's lists found through their index.
     */
    private List<ListSubject> listSubjects(String tenantId, String studentId, AuditFilter filter, long before, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select e.id, cast(s.position as integer) - 1 from audit_entry e "
                + "cross join lateral unnest(string_to_array(e.subjects, chr(29))) with ordinality as s (subject, position) "
                + "where e.subjects is not null and e.tenant_id = ?").append(parameter(parameters, tenantId))
                .append(" and e.position < ?").append(parameter(parameters, before));
        if (studentId != null) {
            sql.append(" and audit_subject_students(e.subjects) @> array[cast(?").append(parameter(parameters, studentId))
                    .append(" as text)] and split_part(s.subject, chr(30), 1) = ?").append(parameter(parameters, studentId));
        }
        if (filter.actorId() != null) {
            sql.append(" and e.actor_id = ?").append(parameter(parameters, filter.actorId()));
        }
        if (filter.dataKind() != null) {
            sql.append(" and e.data_kind = ?").append(parameter(parameters, filter.dataKind()));
        }
        if (filter.from() != null) {
            sql.append(" and e.occurred_at >= ?").append(parameter(parameters, filter.from().atOffset(ZoneOffset.UTC)));
        }
        if (filter.until() != null) {
            sql.append(" and e.occurred_at < ?").append(parameter(parameters, filter.until().atOffset(ZoneOffset.UTC)));
        }
        if (filter.allowed() != null) {
            sql.append(" and split_part(s.subject, chr(30), 3) = ?").append(parameter(parameters, filter.allowed() ? "ALLOW" : "DENY"));
        }
        sql.append(" order by e.position desc, split_part(s.subject, chr(30), 1), s.position limit ?").append(parameter(parameters, limit));
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new ListSubject((String) row[0], ((Number) row[1]).intValue())).toList();
    }

    /** Adds a parameter and gives its number, for a native statement's {@code ?n}. */
    private static int parameter(List<Object> parameters, Object value) {
        parameters.add(value);
        return parameters.size();
    }

    /** Who has asked about the student (person ids or client ids), each once; for choosing whom to filter by. */
    public List<String> actorsFor(String tenantId, String studentId) {
        Set<String> actors = new TreeSet<>(em.createQuery("select distinct e.actorId from AuditEntry e where e.tenantId = :tenant "
                        + "and e.studentId = :student and e.actorId is not null", String.class)
                .setParameter("tenant", tenantId)
                .setParameter("student", studentId)
                .getResultList());
        @SuppressWarnings("unchecked")
        List<String> inLists = em.createNativeQuery("select distinct e.actor_id from audit_entry e where e.subjects is not null "
                        + "and e.tenant_id = ?1 and audit_subject_students(e.subjects) @> array[cast(?2 as text)] "
                        + "and e.actor_id is not null")
                .setParameter(1, tenantId)
                .setParameter(2, studentId)
                .getResultList();
        actors.addAll(inLists);
        return List.copyOf(actors);
    }

    private static String conditions(AuditFilter filter) {
        StringBuilder where = new StringBuilder();
        if (filter.actorId() != null) {
            where.append(" and e.actorId = :actor");
        }
        if (filter.dataKind() != null) {
            where.append(" and e.dataKind = :kind");
        }
        if (filter.from() != null) {
            where.append(" and e.occurredAt >= :from");
        }
        if (filter.until() != null) {
            where.append(" and e.occurredAt < :until");
        }
        if (filter.allowed() != null) {
            where.append(" and e.decision = :decision");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> query, String tenantId, String studentId, AuditFilter filter,
                                              long before) {
        query.setParameter("tenant", tenantId).setParameter("before", before);
        if (studentId != null) {
            query.setParameter("student", studentId);
        }
        if (filter.actorId() != null) {
            query.setParameter("actor", filter.actorId());
        }
        if (filter.dataKind() != null) {
            query.setParameter("kind", filter.dataKind());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            query.setParameter("until", filter.until().atOffset(ZoneOffset.UTC));
        }
        if (filter.allowed() != null) {
            query.setParameter("decision", filter.allowed() ? "ALLOW" : "DENY");
        }
        return query;
    }

    /**
     * Walks each of a tenant's chains whole, in pages, after checking the tenant's list of chains against the chains
     * found (heads and entries) and against its key; reports the first broken link, if any.
     */
    @Transactional
    public ChainVerification verify(String tenantId) {
        HashChain.Key key = keys.key();
        Map<String, Object[]> heads = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> headRows = em.createNativeQuery("select chain, last_seq, last_hash, head_mac from audit_chain_head "
                        + "where tenant_id = ?1")
                .setParameter(1, tenantId)
                .getResultList();
        headRows.forEach(row -> heads.put((String) row[0], row));
        @SuppressWarnings("unchecked")
        List<String> entryChains = em.createNativeQuery("select distinct chain from audit_entry where tenant_id = ?1")
                .setParameter(1, tenantId)
                .getResultList();
        TreeSet<String> found = new TreeSet<>(heads.keySet());
        found.addAll(entryChains);
        ChainVerification listing = checkList(tenantId, found, heads.keySet(), key);
        if (listing != null) {
            return listing;
        }
        long checked = 0;
        for (String chain : found) {
            ChainVerification one = verify(tenantId, chain, heads.get(chain), key);
            if (!one.intact()) {
                return one.plus(checked);
            }
            checked += one.entriesChecked();
        }
        return ChainVerification.intact(tenantId, checked);
    }

    /**
     * The list of the tenant's chains: it must name every chain found, each of them with a head, and match its key
     * (migration V51's unsigned list of the first chain alone stands until a writer signs it). Null when it holds.
     */
    private ChainVerification checkList(String tenantId, Set<String> found, Set<String> withHead, HashChain.Key key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select array_to_string(chains, chr(31)), cardinality(chains), mac "
                        + "from audit_chain_set where tenant_id = ?1")
                .setParameter(1, tenantId)
                .getResultList();
        if (rows.isEmpty()) {
            return found.isEmpty() ? null
                    : ChainVerification.broken(tenantId, null, 0, 0, "the list of the organisation's audit chains is missing");
        }
        List<String> listed = ((Number) rows.get(0)[1]).intValue() == 0 ? List.of()
                : List.of(((String) rows.get(0)[0]).split("\u001F", -1));
        return checkList(tenantId, found, withHead, listed, (String) rows.get(0)[2], key);
    }

    /**
     * Checks a tenant's list of chains: it must name every chain found (by head or entries), each of them must have a
     * head, and with a key its MAC must match (or be migration V51's mark on a list of the first chain alone). Null when
     * it holds.
     */
    static ChainVerification checkList(String tenantId, Set<String> found, Set<String> withHead, List<String> listed,
                                       String mac, HashChain.Key key) {
        for (String chain : new TreeSet<>(found)) {
            if (!listed.contains(chain)) {
                return ChainVerification.broken(tenantId, chain, 0, 0,
                        "chain " + describe(chain) + " is not on the organisation's list of audit chains");
            }
        }
        for (String chain : listed) {
            if (!withHead.contains(chain)) {
                return ChainVerification.broken(tenantId, chain, 0, 0,
                        "chain " + describe(chain) + " is on the organisation's list of audit chains and has no head: "
                                + "it may have been removed");
            }
        }
        if (mac != null && mac.startsWith(AuditWriter.REMOVED)) {
            return ChainVerification.broken(tenantId, null, 0, 0, "the list of the organisation's audit chains was "
                    + "found changed by the audit writer (" + mac.substring(AuditWriter.REMOVED.length()) + ")");
        }
        List<String> sorted = listed.stream().sorted().toList();
        boolean unsignedFirst = AuditWriter.UNSIGNED_BY_MIGRATION.equals(mac) && listed.equals(List.of(""));
        if (key.keyed() && !unsignedFirst && !java.util.Objects.equals(key.chainsMac(tenantId, sorted), mac)) {
            return ChainVerification.broken(tenantId, null, 0, 0,
                    "the list of the organisation's audit chains does not match its key: a chain may have been removed");
        }
        return null;
    }

    private static String describe(String chain) {
        return chain.isEmpty() ? "'' (the first)" : chain;
    }

    private ChainVerification verify(String tenantId, String chainName, Object[] head, HashChain.Key key) {
        HashChain chain = new HashChain(tenantId, chainName, key);
        long after = 0;
        while (true) {
            List<AuditEntry> page = em.createQuery("select e from AuditEntry e where e.tenantId = :tenant and e.chain = :chain "
                            + "and e.seq > :after order by e.seq", AuditEntry.class)
                    .setParameter("tenant", tenantId)
                    .setParameter("chain", chainName)
                    .setParameter("after", after)
                    .setMaxResults(VERIFY_PAGE_SIZE)
                    .getResultList();
            page.forEach(chain::accept);
            if (page.size() < VERIFY_PAGE_SIZE) {
                break;
            }
            after = page.get(page.size() - 1).seq();
            em.clear();
        }
        if (head == null) {
            return chain.resultWithoutHead();
        }
        return chain.result(((Number) head[1]).longValue(), (String) head[2], (String) head[3]);
    }
}
