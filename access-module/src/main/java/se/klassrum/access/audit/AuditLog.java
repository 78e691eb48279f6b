package se.klassrum.access.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.stream.Stream;

/**
 * Appends decisions to the tenants' chains and reads them back. Appending runs in a transaction of its
 * own, so that a denial stays recorded when the business transaction around it rolls back; the chain's
 * head row is locked for the append, so concurrent decisions of one tenant line up one after the other.
 */
@ApplicationScoped
public class AuditLog {

    private static final int VERIFY_PAGE_SIZE = 1_000;

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    public AuditLog() {
    }

    AuditLog(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditRecord record) {
        append(record);
    }

    /** Appends within the caller's transaction; {@link #record} is the entry point for decisions. */
    void append(AuditRecord record) {
        em.createNativeQuery("insert into audit_chain_head (tenant_id, last_seq, last_hash) values (?1, 0, ?2) "
                        + "on conflict (tenant_id) do nothing")
                .setParameter(1, record.tenantId())
                .setParameter(2, HashChain.GENESIS)
                .executeUpdate();
        Object[] head = (Object[]) em.createNativeQuery(
                        "select last_seq, last_hash from audit_chain_head where tenant_id = ?1 for update")
                .setParameter(1, record.tenantId())
                .getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        AuditEntry entry = new AuditEntry(record, seq, (String) head[1]);
        em.persist(entry);
        em.createNativeQuery("update audit_chain_head set last_seq = ?1, last_hash = ?2 where tenant_id = ?3")
                .setParameter(1, seq)
                .setParameter(2, entry.hash())
                .setParameter(3, record.tenantId())
                .executeUpdate();
        em.flush();
    }

    /**
     * The decisions about one student, newest first: who, when, what kind, and the outcome.
     *
     * @param beforeSeq only entries older than this one (the previous page's last), or null for the newest
     */
    public List<AuditEntry> forStudent(String tenantId, String studentId, Long beforeSeq, int limit) {
        return em.createQuery("select e from AuditEntry e where e.tenantId = :tenant and e.studentId = :student "
                        + "and e.seq < :before order by e.seq desc", AuditEntry.class)
                .setParameter("tenant", tenantId)
                .setParameter("student", studentId)
                .setParameter("before", beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Walks a tenant's whole chain in pages and reports the first broken link, if any. */
    @Transactional
    public ChainVerification verify(String tenantId) {
        HashChain chain = new HashChain(tenantId);
        long after = 0;
        while (true) {
            List<AuditEntry> page = em.createQuery("select e from AuditEntry e where e.tenantId = :tenant and e.seq > :after "
                            + "order by e.seq", AuditEntry.class)
                    .setParameter("tenant", tenantId)
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
        @SuppressWarnings("unchecked")
        Stream<Object> head = em.createNativeQuery("select last_seq from audit_chain_head where tenant_id = ?1")
                .setParameter(1, tenantId)
                .getResultStream();
        long headSeq = head.findFirst().map(value -> ((Number) value).longValue()).orElse(0L);
        return chain.result(headSeq);
    }
}
