package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;

import java.util.function.Function;

/**
 * Runs work in a transaction of its own, committed when the work returns and rolled back when it throws.
 * An import needs several: one to record the run, one for all of its roster changes, and short ones for its
 * progress and its end, so that a rolled-back run is still recorded. In the container
 * {@link ContainerImportTransactions} gives them; a test outside a container gives its own.
 */
public interface ImportTransactions {

    <T> T inNewTransaction(Function<EntityManager, T> work);
}
