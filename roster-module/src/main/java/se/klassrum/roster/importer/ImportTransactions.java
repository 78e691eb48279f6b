package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Runs work in a transaction of its own, committed when the work returns and rolled back when it throws.
 * An import needs several: one to record the run, one for all of its roster changes, and short ones for its
 * progress and its end, so that a rolled-back run is still recorded. In the container
 * {@link ContainerImportTransactions} gives them; a test outside a container gives its own.
 */
public interface ImportTransactions {

    <T> T inNewTransaction(Function<EntityManager, T> work);

    /**
     * A connection of its own, in no transaction and never the one a transaction of {@link #inNewTransaction} writes on,
     * on which a run holds its run lock and records its progress while it lasts ({@link ImportAdmission}); the caller
     * closes it.
     */
    Connection connectionOfItsOwn() throws SQLException;

    /** This node's import slots: how many imports of all organisations it reads and writes at once. */
    ImportSlots importSlots();
}
