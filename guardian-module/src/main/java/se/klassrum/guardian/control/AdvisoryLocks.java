package se.klassrum.guardian.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL advisory locks held until the end of the current transaction, so that "count, then insert" holds
 * across every node of a cluster: two requests for the same address, on two nodes at once, take turns.
 * <p>
 * A lock is a pair of integers: the kind of key, and a hash of the key. Two keys that share a hash only take
 * turns needlessly. Take the locks of one transaction in the same order of kinds everywhere (client before
 * address), so that two transactions never wait for each other.
 */
public final class AdvisoryLocks {

    /** The key is a client identifier's digest. */
    public static final int CLIENT = 0x4b520001;
    /** The key is an e-mail address's digest. */
    public static final int ADDRESS = 0x4b520002;
    /** One at a time clears out old rows. */
    public static final int CLEANUP = 0x4b520003;

    private AdvisoryLocks() {
    }

    /** Waits for the lock; it is released when the transaction ends. */
    public static void lock(EntityManager em, int kind, String key) {
        query(em, "select pg_advisory_xact_lock(?, ?)", kind, key);
    }

    /** Takes the lock if free and says whether it did; it is released when the transaction ends. */
    public static boolean tryLock(EntityManager em, int kind, String key) {
        return query(em, "select pg_try_advisory_xact_lock(?, ?)", kind, key);
    }

    private static boolean query(EntityManager em, String sql, int kind, String key) {
        // EclipseLink hands out the transaction's own connection (beginning the database transaction if need be),
        // and later queries of the transaction run on it: the lock is held by this transaction. Not closed here:
        // it belongs to the persistence context.
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("An advisory lock needs an active transaction");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, kind);
            statement.setInt(2, key.hashCode());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Object value = result.getObject(1);
                return !(value instanceof Boolean taken) || taken;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not take the advisory lock", e);
        }
    }
}
