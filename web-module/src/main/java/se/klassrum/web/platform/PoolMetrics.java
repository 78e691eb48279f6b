package se.klassrum.web.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How much of the connection pools this node uses, as gauges (README.md, "Operations"). Payara's own pool statistics
 * reach neither MicroProfile Metrics nor a supported API for pools that an application defines
 * ({@code @DataSourceDefinition}), so the gauges read what the database sees: PostgreSQL's {@code pg_stat_activity}, the
 * connections of each pool (told apart by their {@code ApplicationName}) from this node's address, open and of them in
 * use (in a statement or a transaction). They ask on a connection of their own, outside both pools, so that a scrape
 * never waits for an exhausted pool, once per scrape (a reading serves for a tenth of a second).
 */
@ApplicationScoped
public class PoolMetrics {

    private static final Logger LOG = Logger.getLogger(PoolMetrics.class.getName());
    /** One reading serves the gauges of one scrape, which are read within milliseconds of each other. */
    private static final long FRESH_NANOS = 100_000_000L;
    private static final String MAIN = "klassrum";
    private static final String AUDIT = "klassrum-audit";

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "klassrum.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "klassrum.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "klassrum.db.password")
    String password;

    private Connection connection;
    private Map<String, long[]> counts = Map.of();
    private long countedAt;
    private boolean counted;
    private boolean failed;

    /** Registers the gauges when the application starts, so that a scrape finds them from the first one on. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Metadata connections = Metadata.builder().withName("klassrum.db.pool.connections")
                .withDescription("Connections of the pool that this node holds open at the database (state=open), and"
                        + " of them those in a statement or a transaction (state=active)").build();
        Metadata max = Metadata.builder().withName("klassrum.db.pool.max")
                .withDescription("The most connections the pool may open").build();
        gauges(connections, max, "main", MAIN, KlassrumDataSource.class);
        gauges(connections, max, "audit", AUDIT, AuditDataSource.class);
    }

    private void gauges(Metadata connections, Metadata max, String pool, String applicationName, Class<?> definedBy) {
        Tag tag = new Tag("pool", pool);
        registry.gauge(connections, this, metrics -> metrics.count(applicationName, 0), tag, new Tag("state", "open"));
        registry.gauge(connections, this, metrics -> metrics.count(applicationName, 1), tag, new Tag("state", "active"));
        int most = definedBy.getAnnotation(DataSourceDefinition.class).maxPoolSize();
        registry.gauge(max, this, metrics -> most, tag);
    }

    /** A count of the latest reading, refreshed when older than {@link #FRESH_NANOS}; NaN while the database is out of reach. */
    private synchronized double count(String applicationName, int column) {
        long now = System.nanoTime();
        if (!counted || now - countedAt > FRESH_NANOS) {
            counts = read();
            countedAt = now;
            counted = true;
        }
        if (failed) {
            return Double.NaN;
        }
        long[] found = counts.get(applicationName);
        return found == null ? 0 : found[column];
    }

    private Map<String, long[]> read() {
        try {
            if (connection == null || !connection.isValid(2)) {
                close();
                PGSimpleDataSource source = new PGSimpleDataSource();
                source.setUrl(url);
                source.setUser(user);
                source.setPassword(password);
                source.setApplicationName("klassrum-metrics");
                source.setConnectTimeout(5);
                connection = source.getConnection();
            }
            Map<String, long[]> read = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("select application_name, count(*), "
                    + "count(*) filter (where state <> 'idle') from pg_stat_activity where application_name in (?, ?) "
                    + "and client_addr is not distinct from inet_client_addr() group by application_name")) {
                query.setQueryTimeout(5);
                query.setString(1, MAIN);
                query.setString(2, AUDIT);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        read.put(rows.getString(1), new long[]{rows.getLong(2), rows.getLong(3)});
                    }
                }
            }
            failed = false;
            return read;
        } catch (SQLException e) {
            if (!failed) {
                LOG.log(Level.WARNING, "The connection pool gauges cannot read the database's activity: " + e.getMessage());
            }
            failed = true;
            close();
            return Map.of();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing more to do
            }
            connection = null;
        }
    }
}
