package se.klassrum.roster.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import se.klassrum.roster.entity.RosterEntity;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A fresh, migrated PostgreSQL database for one test class, with the "klassrum" persistence unit on it.
 * <p>
 * One real PostgreSQL server is started for the whole test run (about 4 s) and each test class gets its
 * own database in it (well under a second), so test classes never see each other's rows. The schema
 * comes from the Flyway migrations, exactly as in production.
 * <p>
 * Outside a container {@code @Transactional} does nothing, so tests run their work through
 * {@link #inTransaction}, which commits, or rolls back if the work throws, as the container would.
 */
public final class TestDatabase implements AutoCloseable {

    /** Every roster table, each after the tables it refers to. */
    public static final List<String> ROSTER_TABLES = List.of("tenant", "school", "person", "licence",
            "school_role", "subject", "syllabus", "study_group", "membership", "teacher_subject", "guardian_link",
            "guardian_consent", "guardian_login", "import_run", "import_run_count", "import_run_impact",
            "import_run_warning", "graph_sync_state", "graph_group_state",
            "graph_group_listing", "ss12000_snapshot", "break_plan", "break_change", "break_undo", "access_facts_version",
            "access_facts_change");

    /**
     * The test persistence unit: the roster module's "klassrum", or the one a module that adds entities of its own
     * names through {@code klassrum.test.persistence-unit} (two units of one name on a class path are found in no
     * fixed order).
     */
    public static final String UNIT = System.getProperty("klassrum.test.persistence-unit", "klassrum");

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String name;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    private TestDatabase(String name) {
        this.name = name;
        this.dataSource = server().getDatabase("postgres", name);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.entityManagerFactory = Persistence.createEntityManagerFactory(UNIT, Map.of(
                "jakarta.persistence.jdbc.url", server().getJdbcUrl("postgres", name),
                "jakarta.persistence.jdbc.user", "postgres",
                "jakarta.persistence.jdbc.password", "postgres"));
    }

    /** @param purpose a short name for the database, e.g. the test class */
    public static TestDatabase create(String purpose) {
        return new TestDatabase(newDatabase(purpose));
    }

    private static String newDatabase(String purpose) {
        String name = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return name;
    }

    /**
     * A fresh database migrated by every migration before the given version only, without a persistence unit: for a
     * test of what that migration does to the rows it finds. {@link #migrate} takes it the rest of the way.
     */
    public static DataSource migratedBefore(String purpose, int version) {
        DataSource dataSource = server().getDatabase("postgres", newDatabase(purpose));
        String last = Arrays.stream(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                        .info().all())
                .map(migration -> migration.getVersion())
                .filter(migrationVersion -> migrationVersion.compareTo(MigrationVersion.fromVersion(String.valueOf(version))) < 0)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(last).load().migrate();
        return dataSource;
    }

    /** Runs every migration not yet applied to the database. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** A fresh database with the demo roster of today (roster-module/DEMO-DATA.md) in it. */
    public static TestDatabase withDemoRoster(String purpose) {
        TestDatabase database = create(purpose);
        database.runInTransaction(em -> se.klassrum.roster.demo.DemoRoster
                .asOf(se.klassrum.roster.demo.DemoRoster.todayInSweden(java.time.Clock.systemUTC())).loadIfEmpty(em));
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
                    // The JVM is exiting; the temporary data directory is removed by the OS if not by us.
                }
            }));
        }
        return server;
    }

    /** The database's JDBC URL, e.g. for another process (user and password postgres). */
    public String jdbcUrl() {
        return server().getJdbcUrl("postgres", name);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /**
     * A second persistence unit on this database that gets its connections from the given data source, e.g.
     * a {@link CountingDataSource}. The caller closes it.
     */
    public EntityManagerFactory entityManagerFactoryOn(DataSource connections) {
        // A session name of its own, so that EclipseLink does not hand back the unit it already made for this name.
        return Persistence.createEntityManagerFactory(UNIT, Map.of(
                "jakarta.persistence.nonJtaDataSource", connections,
                "eclipselink.session-name", name + "-on-" + System.identityHashCode(connections)));
    }

    /**
     * A second persistence unit on this database with extra properties, e.g. JDBC batch writing as the roster
     * import wants it. The caller closes it.
     */
    public EntityManagerFactory entityManagerFactoryWith(Map<String, ?> properties) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of(
                "jakarta.persistence.jdbc.url", server().getJdbcUrl("postgres", name),
                "jakarta.persistence.jdbc.user", "postgres",
                "jakarta.persistence.jdbc.password", "postgres",
                "eclipselink.session-name", name + "-with-" + DATABASES.incrementAndGet()));
        all.putAll(properties);
        return Persistence.createEntityManagerFactory(UNIT, all);
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

    /** Like {@link #inTransaction} for work that returns nothing. */
    public void runInTransaction(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Reads with a new EntityManager, so nothing comes from a persistence context of the test. */
    public <T> T read(Function<EntityManager, T> query) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * The text of the roster module's own migrations, in version order. Read from the module's classes
     * directory, because db/migration on the classpath also holds other modules' migrations.
     */
    public static String rosterMigrations() {
        try {
            Path migrations = Path.of(RosterEntity.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve("db/migration");
            try (Stream<Path> files = Files.list(migrations)) {
                List<Path> sorted = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                        .sorted(Comparator.comparingInt(file -> Integer.parseInt(
                                file.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                        .toList();
                StringBuilder text = new StringBuilder();
                for (Path file : sorted) {
                    text.append(Files.readString(file)).append('\n');
                }
                return text.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of rows in every roster table, counted with plain SQL. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : ROSTER_TABLES) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** Runs one SQL statement on its own connection (auto-commit), as another program writing the database would. */
    public void executeSql(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every group's state and every membership, as text: what a school-year break's undo must give back exactly. */
    public String groupsAndMemberships() {
        return text("select string_agg(x, E'\\n' order by x) from ("
                + " select 'G ' || id || ' ' || connected || ' ' || archived as x from study_group"
                + " union all select 'M ' || id || ' ' || group_id || ' ' || person_id || ' ' || role || ' ' || valid_from"
                + " || ' ' || coalesce(cast(valid_to as varchar), '-') from membership) rows");
    }

    /** The one number that the query selects, e.g. a count. */
    public long number(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one text that the query selects. */
    public String text(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery(sql)) {
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
