package se.klassrum.roster.importer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * JTA transactions for the import: each call suspends any transaction of the caller and runs in a new one. The node's
 * import slots are {@code klassrum.import.parallel} (default 1): a Stockholm-size import needs most of a 1 GiB heap.
 */
@ApplicationScoped
public class ContainerImportTransactions implements ImportTransactions {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "klassrum.import.parallel", defaultValue = "1")
    int parallel;

    private ImportSlots slots;

    @PostConstruct
    void makeSlots() {
        slots = new ImportSlots(parallel);
    }

    @Resource
    TransactionSynchronizationRegistry registry;

    /**
     * Marks the transaction for rollback itself when the work throws, whatever it throws (an Error too), rather than
     * leave it to the interceptor: under Payara Micro 7 a RuntimeException thrown through this method was seen to leave the work's
     * writes committed (an import's preview, which throws to undo its writing, was found written).
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        try {
            return work.apply(em);
        } catch (RuntimeException | Error failure) {
            registry.setRollbackOnly();
            throw failure;
        }
    }

    @Inject
    @ConfigProperty(name = "klassrum.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "klassrum.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "klassrum.db.password")
    String password;

    /**
     * A connection to the database outside the server's pool. One from the pool, even taken outside any transaction,
     * was seen to be the very connection the run's writing transaction then wrote on (the pool hands the same thread its
     * connection again): committing the run's progress on it committed what the import had written so far, and an
     * import that then failed, or a preview, kept it. One connection per running import, closed when the run ends.
     */
    @Override
    public Connection connectionOfItsOwn() throws SQLException {
        PGSimpleDataSource own = new PGSimpleDataSource();
        own.setURL(url);
        own.setUser(user);
        own.setPassword(password);
        own.setApplicationName("klassrum-import-run");
        own.setConnectTimeout(5);
        return own.getConnection();
    }

    @Override
    public ImportSlots importSlots() {
        return slots;
    }
}
