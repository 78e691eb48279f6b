package se.klassrum.roster.importer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.function.Function;

/** JTA transactions for the import: each call suspends any transaction of the caller and runs in a new one. */
@ApplicationScoped
public class ContainerImportTransactions implements ImportTransactions {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
