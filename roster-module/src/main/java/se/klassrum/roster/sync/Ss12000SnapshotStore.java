package se.klassrum.roster.sync;

import se.klassrum.roster.importer.ImportTransactions;
import se.klassrum.roster.sync.ss12000.Ss12000Snapshot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps each organisation's register snapshot in the database ({@code ss12000_snapshot}), each write in a
 * transaction of its own: the sync's runs then continue where the last one on any node left off.
 */
public final class Ss12000SnapshotStore {

    /** A kept snapshot and when the read that made it began. */
    public record Kept(Ss12000Snapshot snapshot, Instant readStartedAt) {
    }

    private final ImportTransactions transactions;

    public Ss12000SnapshotStore(ImportTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** When the tenant's kept snapshot of this register was read, without reading the snapshot itself. */
    public Optional<Instant> readStartedAt(UUID tenantId, String baseUrl) {
        List<?> rows = transactions.inNewTransaction(em -> em.createNativeQuery("select read_started_at from"
                + " ss12000_snapshot where tenant_id = ?1 and base_url = ?2").setParameter(1, tenantId)
                .setParameter(2, baseUrl).getResultList());
        return rows.stream().findFirst().map(Ss12000SnapshotStore::instant);
    }

    /** The tenant's kept snapshot of this register, if there is one. */
    public Optional<Kept> load(UUID tenantId, String baseUrl) {
        List<?> rows = transactions.inNewTransaction(em -> em.createNativeQuery("select snapshot, read_started_at"
                + " from ss12000_snapshot where tenant_id = ?1 and base_url = ?2").setParameter(1, tenantId)
                .setParameter(2, baseUrl).getResultList());
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Kept(Ss12000Snapshot.fromBytes((byte[]) columns[0]), instant(columns[1]));
        });
    }

    public void save(UUID tenantId, String baseUrl, Kept kept) {
        byte[] bytes = kept.snapshot().toBytes();
        transactions.inNewTransaction(em -> em.createNativeQuery("insert into ss12000_snapshot (tenant_id, base_url,"
                        + " read_started_at, snapshot, updated_at) values (?1, ?2, ?3, ?4, ?5) on conflict (tenant_id) do"
                        + " update set base_url = excluded.base_url, read_started_at = excluded.read_started_at,"
                        + " snapshot = excluded.snapshot, updated_at = excluded.updated_at")
                .setParameter(1, tenantId).setParameter(2, baseUrl)
                .setParameter(3, OffsetDateTime.ofInstant(kept.readStartedAt(), ZoneOffset.UTC))
                .setParameter(4, bytes).setParameter(5, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate());
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("read_started_at came back as " + value.getClass().getName());
    }
}
