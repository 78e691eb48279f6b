package se.klassrum.guardian.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import se.klassrum.roster.demo.DemoRoster;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fresh PostgreSQL database for one test class, migrated by every module's Flyway migrations on the test
 * class path (roster, access, teaching, guardian), exactly as in production, with the "klassrum" persistence
 * unit on it. One server is started for the whole test run and each test class gets a database of its own.
 * <p>
 * Outside a container {@code @Transactional} does nothing, so tests run their work through
 * {@link #inTransaction}, which commits, or rolls back if the work throws, as the container would.
 */
public final class GuardianTestDatabase implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String name;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    private GuardianTestDatabase(String name) {
        this.name = name;
        this.dataSource = server().getDatabase("postgres", name);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.entityManagerFactory = Persistence.createEntityManagerFactory("klassrum", Map.of(
                "jakarta.persistence.jdbc.url", server().getJdbcUrl("postgres", name),
                "jakarta.persistence.jdbc.user", "postgres",
                "jakarta.persistence.jdbc.password", "postgres",
                "eclipselink.session-name", name));
    }

    /** @param purpose a short name for the database, e.g. the test class */
    public static GuardianTestDatabase create(String purpose) {
        String name = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return new GuardianTestDatabase(name);
    }

    /** A fresh database with the demo roster of today (roster-module/DEMO-DATA.md) in it. */
    public static GuardianTestDatabase withDemoRoster(String purpose) {
        GuardianTestDatabase database = create(purpose);
        database.runInTransaction(em -> DemoRoster.asOf(DemoRoster.todayInSweden(Clock.systemUTC())).loadIfEmpty(em));
        return database;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting.
                }
            }));
        }
        return server;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs the work in one transaction on a new EntityManager, as a {@code @Transactional} method would. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
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

    public void runInTransaction(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs SQL on its own connection (auto-commit), as another program writing the database would. */
    public void executeSql(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one number that the query selects, e.g. a count. */
    public long number(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one text that the query selects. */
    public String text(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }
}
