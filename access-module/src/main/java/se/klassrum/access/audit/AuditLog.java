package se.klassrum.access.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
     * The decisions about one student, newest first: who, when, what kind, and the outcome.
     *
     * @param beforeSeq only entries older than this one (the previous page's last), or null for the newest
     */
    public List<AuditEntry> forStudent(String tenantId, String studentId, Long beforeSeq, int limit) {
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        List<AuditEntry> entries = new ArrayList<>(em.createQuery("select e from AuditEntry e where e.tenantId = :tenant "
                        + "and e.studentId = :student and e.seq < :before order by e.seq desc", AuditEntry.class)
                .setParameter("tenant", tenantId)
                .setParameter("student", studentId)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList());
        // Lists decided in one step name the student among their subjects, with the outcome for them.
        List<Object[]> inLists = em.createQuery("select e, s from AuditEntry e join e.subjects s where e.tenantId = :tenant "
                        + "and s.studentId = :student and e.seq < :before order by e.seq desc", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("student", studentId)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
        for (Object[] row : inLists) {
            entries.add(((AuditEntry) row[0]).concerning((AuditSubject) row[1]));
        }
        entries.sort(Comparator.comparingLong(AuditEntry::seq).reversed());
        return entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : entries;
    }

    /** Walks a tenant's whole chain in pages and reports the first broken link, if any. */
    @Transactional
    public ChainVerification verify(String tenantId) {
        HashChain chain = new HashChain(tenantId, keys.key());
        long after = 0;
        while (true) {
            List<AuditEntry> page = em.createQuery("select e from AuditEntry e where e.tenantId = :tenant and e.seq > :after "
                            + "order by e.seq", AuditEntry.class)
                    .setParameter("tenant", tenantId)
                    .setParameter("after", after)
                    .setHint("eclipselink.batch", "e.subjects")
                    .setHint("eclipselink.batch.type", "IN")
                    .setMaxResults(VERIFY_PAGE_SIZE)
                    .getResultList();
            page.forEach(chain::accept);
            if (page.size() < VERIFY_PAGE_SIZE) {
                break;
            }
            after = page.get(page.size() - 1).seq();
            em.clear();
        }
        @SuppressWarnings("unchecked")
        Stream<Object[]> head = em.createNativeQuery("select last_seq, last_hash, head_mac from audit_chain_head "
                        + "where tenant_id = ?1")
                .setParameter(1, tenantId)
                .getResultStream();
        Object[] found = head.findFirst().orElse(null);
        if (found == null) {
            return chain.result(0);
        }
        return chain.result(((Number) found[0]).longValue(), (String) found[1], (String) found[2]);
    }
}
