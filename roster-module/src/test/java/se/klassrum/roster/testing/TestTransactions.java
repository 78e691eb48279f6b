package se.klassrum.roster.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import se.klassrum.roster.importer.ImportSlots;
import se.klassrum.roster.importer.ImportTransactions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;

/**
 * The import's transactions outside a container: each call a new EntityManager and a RESOURCE_LOCAL
 * transaction, committed when the work returns, rolled back when it throws, as REQUIRES_NEW would. The unit
 * writes with JDBC batch writing, as the WAR's unit should for imports.
 */
public final class TestTransactions implements ImportTransactions, AutoCloseable {

    /** Where a run's own connection comes from. */
    private interface Connections {
        Connection open() throws SQLException;
    }

    private final EntityManagerFactory factory;
    private final Connections connections;
    /** One import at a time, as {@code klassrum.import.parallel} by default. */
    private final ImportSlots slots = new ImportSlots(1);

    public TestTransactions(TestDatabase db) {
        this(db, 500);
    }

    /** @param batchSize rows per JDBC batch, as {@code eclipselink.jdbc.batch-writing.size} in the WAR */
    public TestTransactions(TestDatabase db, int batchSize) {
        this(db.entityManagerFactoryWith(batchWriting(batchSize)), () -> db.dataSource().getConnection());
    }

    private TestTransactions(EntityManagerFactory factory, Connections connections) {
        this.factory = factory;
        this.connections = connections;
    }

    /** In another process than the test's: the transactions on the database at the JDBC URL (user and password postgres). */
    public static TestTransactions at(String jdbcUrl) {
        Map<String, Object> properties = new java.util.HashMap<>(batchWriting(500));
        properties.put("jakarta.persistence.jdbc.url", jdbcUrl);
        properties.put("jakarta.persistence.jdbc.user", "postgres");
        properties.put("jakarta.persistence.jdbc.password", "postgres");
        return new TestTransactions(jakarta.persistence.Persistence.createEntityManagerFactory(TestDatabase.UNIT, properties),
                () -> java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres"));
    }

    private static Map<String, String> batchWriting(int batchSize) {
        return Map.of("eclipselink.jdbc.batch-writing", "JDBC",
                "eclipselink.jdbc.batch-writing.size", Integer.toString(batchSize));
    }

    @Override
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    @Override
    public Connection connectionOfItsOwn() throws SQLException {
        return connections.open();
    }

    @Override
    public ImportSlots importSlots() {
        return slots;
    }

    @Override
    public void close() {
        factory.close();
    }
}
