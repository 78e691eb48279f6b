package se.klassrum.roster.importer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
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

    @Resource(lookup = "java:app/jdbc/klassrum")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "klassrum.import.parallel", defaultValue = "1")
    int parallel;

    private ImportSlots slots;

    @PostConstruct
    void makeSlots() {
        slots = new ImportSlots(parallel);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Connection connectionOfItsOwn() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public ImportSlots importSlots() {
        return slots;
    }
}
