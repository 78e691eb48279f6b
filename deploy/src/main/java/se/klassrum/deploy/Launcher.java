package se.klassrum.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Klassrum on one machine: an embedded PostgreSQL whose data lives in {@code KLASSRUM_DATA_DIR}
 * (unless {@code KLASSRUM_DB_URL} names an external one) and Payara Micro with the WAR, in a child JVM.
 * <p>
 * Both start at the same time to save seconds: the application waits for the database during its own
 * start-up. The launcher reports when {@code /health/ready} first answers UP, and stops the server and
 * then the database on Ctrl+C.
 */
public final class Launcher {

    static final String DATABASE_NAME = "klassrum";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Settings settings;
    private final Path runtimeDirectory;
    private volatile EmbeddedPostgres embeddedDatabase;
    private volatile Process server;
    private volatile StartupCache startupCache;

    Launcher(Settings settings, Path runtimeDirectory) {
        this.settings = settings;
        this.runtimeDirectory = runtimeDirectory;
    }

    public static void main(String[] args) {
        long startedAt = System.nanoTime();
        // The embedded PostgreSQL logs through SLF4J; only its warnings concern a user.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try {
            if (args.length > 0 && args[0].equals("import")) {
                System.exit(ImportCommand.parse(ImportCommand.rest(args), System::getProperty, System.getenv()).run());
            }
            if (args.length > 0 && args[0].equals("backup")) {
                System.exit(backup(args));
            }
            if (args.length > 0) {
                throw new Settings.InvalidSetting("usage: klassrum (no arguments: run the server) | " + ImportCommand.USAGE
                        .substring("usage: ".length()));
            }
            Launcher launcher = new Launcher(Settings.fromProcess(), runtimeDirectory());
            System.exit(launcher.run(startedAt));
        } catch (Settings.InvalidSetting | LaunchFailure failure) {
            System.err.println("klassrum: " + failure.getMessage());
            System.exit(2);
        }
    }

    /** {@code backup FILE}: a consistent backup of the running embedded database (deploy/backup.sh). */
    static int backup(String[] args) {
        if (args.length != 2) {
            throw new Settings.InvalidSetting("usage: klassrum backup FILE.tar.gz");
        }
        Settings settings = Settings.fromProcess();
        if (!settings.usesEmbeddedDatabase()) {
            throw new LaunchFailure("KLASSRUM_DB_URL names an external database; back it up with its own tools (pg_dump)");
        }
        Path target = Path.of(args[1]).toAbsolutePath();
        try {
            Backup.run(settings.dataDirectory(), target);
            System.out.printf("Backed up the database of %s into %s (%.1f MiB)%n", settings.dataDirectory(), target,
                    Files.size(target) / 1048576.0);
            return 0;
        } catch (IOException | SQLException e) {
            throw new LaunchFailure("the backup failed: " + oneLine(e));
        }
    }

    int run(long startedAt) {
        requireFile(runtimeDirectory.resolve("payara-micro.jar"));
        requireFile(runtimeDirectory.resolve("klassrum.war"));
        requireFreePort(settings.httpPort());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "klassrum-shutdown"));

        DatabaseCoordinates database;
        if (settings.usesEmbeddedDatabase()) {
            int port = settings.embeddedDatabasePort() != 0 ? settings.embeddedDatabasePort() : freePort();
            requireFreePort(port);
            DurableDatabase embedded = prepareEmbeddedDatabase();
            database = new DatabaseCoordinates(DurableDatabase.jdbcUrl(port, DATABASE_NAME), DurableDatabase.SUPERUSER,
                    embedded.password());
            server = startServer(database);
            startEmbeddedDatabase(embedded, port);
        } else {
            database = new DatabaseCoordinates(settings.databaseUrl().orElseThrow(), settings.databaseUser(),
                    settings.databasePassword());
            checkReachable(database);
            server = startServer(database);
        }

        if (awaitReady()) {
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            System.out.printf("%nKlassrum is ready at http://localhost:%d/ (started in %.1f s; database: %s)%n%n",
                    settings.httpPort(), seconds, database.url());
        }
        try {
            return server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private Process startServer(DatabaseCoordinates database) {
        List<String> jvmOptions = new ArrayList<>(Arrays.asList(settings.serverJvmOptions().trim().split("\\s+")));
        // Not ready until the application's own readiness checks exist, i.e. until it is deployed.
        jvmOptions.add("-Dmp.health.default.readiness.empty.response=DOWN");
        // Without it every jakarta.json.Json call (MicroProfile JWT makes several per request) searches the
        // class path for a provider: a tenth of a request's CPU under load. Parsson is the one Payara ships.
        jvmOptions.add("-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl");
        Path root = settings.dataDirectory().resolve("payara");
        startupCache = StartupCache.of(root, runtimeDirectory.resolve("payara-micro.jar"),
                runtimeDirectory.resolve("klassrum.war"), settings.serverJvmOptions(), settings.startupCache());
        List<String> command = startupCache.command(Path.of(System.getProperty("java.home"), "bin", "java"), jvmOptions);
        if (startupCache.training()) {
            System.out.println("klassrum: this run records a start-up cache, written when the server stops; later starts are faster");
        }
        PreviousDeployment.forget(root, "klassrum");
        command.addAll(List.of("--deploy", runtimeDirectory.resolve("klassrum.war").toString(),
                "--port", Integer.toString(settings.httpPort()),
                "--rootdir", root.toString(),
                "--prebootcommandfile", preBootCommands(root).toString()));
        command.addAll(clusterOptions(settings));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> environment = builder.environment();
        // The application keeps attachments below it too (KLASSRUM_FILES_DIR, by default <data>/files).
        environment.put("KLASSRUM_DATA_DIR", settings.dataDirectory().toString());
        environment.put("KLASSRUM_DB_URL", database.url());
        environment.put("KLASSRUM_DB_USER", database.user());
        environment.put("KLASSRUM_DB_PASSWORD", database.password());
        environment.putAll(LocalSecrets.forServer(settings.dataDirectory(), name -> isSet(environment, name)));
        // The host's name is looked up only for a node of a cluster: a single node needs none.
        auditChain(settings, environment.get("KLASSRUM_AUDIT_CHAIN"), settings.clustered() ? hostName() : null)
                .ifPresent(chain -> environment.put("KLASSRUM_AUDIT_CHAIN", chain));
        try {
            Files.createDirectories(settings.dataDirectory());
            return builder.start();
        } catch (IOException e) {
            throw new LaunchFailure("could not start Payara Micro: " + e.getMessage());
        }
    }

    /**
     * The asadmin commands Payara Micro runs before it boots (pre-boot-commands.asadmin, beside this class): text
     * answers compressed for clients that accept gzip. Before the boot, so that no listener is restarted once bound (a
     * restart may move an automatically bound port). Written into the server's root folder for each start.
     */
    static Path preBootCommands(Path root) {
        Path file = root.resolve("pre-boot-commands.asadmin");
        try (var commands = Launcher.class.getResourceAsStream("pre-boot-commands.asadmin")) {
            if (commands == null) {
                throw new LaunchFailure("the launcher jar lacks pre-boot-commands.asadmin; build it again");
            }
            Files.createDirectories(root);
            Files.copy(commands, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new LaunchFailure("could not write " + file + ": " + e.getMessage());
        }
    }

    /**
     * The audit chain this node appends to in each organisation ({@code KLASSRUM_AUDIT_CHAIN}): as set, or for a node of a
     * cluster its host and HTTP port, so that the nodes never take turns on one chain's head; a single node keeps the
     * first chain (''). Empty when nothing is to be set.
     *
     * @throws LaunchFailure for a name the audit log does not take
     */
    static java.util.Optional<String> auditChain(Settings settings, String configured, String hostName) {
        if (configured != null && !configured.isBlank()) {
            if (!configured.trim().matches("[A-Za-z0-9._:-]{1,64}")) {
                throw new LaunchFailure("KLASSRUM_AUDIT_CHAIN may hold letters, digits and . _ : - (at most 64): " + configured);
            }
            return java.util.Optional.empty();
        }
        if (!settings.clustered()) {
            return java.util.Optional.empty();
        }
        String host = hostName == null ? "" : hostName.replaceAll("[^A-Za-z0-9.-]", "-");
        String port = "-" + settings.httpPort();
        String chain = (host.isEmpty() ? "node" : host.substring(0, Math.min(host.length(), 64 - port.length()))) + port;
        return java.util.Optional.of(chain);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv("HOSTNAME");
        }
    }

    /** Whether a setting has a value, as an environment variable or as the system property MicroProfile Config reads. */
    private static boolean isSet(Map<String, String> environment, String variable) {
        String property = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        String fromEnvironment = environment.get(variable);
        String fromProperty = System.getProperty(property);
        return fromEnvironment != null && !fromEnvironment.isBlank() || fromProperty != null && !fromProperty.isBlank();
    }

    /**
     * Payara Micro's cluster options. Hazelcast (as bundled in Payara Micro) has no join password, only the
     * cluster name that members must share, so the name is made secret: the chosen name followed by an HMAC of
     * it keyed with {@code KLASSRUM_CLUSTER_PASSWORD}. Nodes with the same name and password form one cluster;
     * nodes of another installation, or of Payara's default cluster "development", stay out.
     */
    static List<String> clusterOptions(Settings settings) {
        if (!settings.clustered()) {
            return List.of("--nocluster");
        }
        return List.of("--clustername", clusterName(settings.clusterName(), settings.clusterPassword().orElseThrow()));
    }

    static String clusterName(String name, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = hmac.doFinal(name.getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new LaunchFailure("cannot derive the cluster name: " + oneLine(e));
        }
    }

    private DurableDatabase prepareEmbeddedDatabase() {
        try {
            return new DurableDatabase(settings.dataDirectory());
        } catch (IOException e) {
            throw new LaunchFailure("the embedded PostgreSQL's folder " + settings.dataDirectory() + " is not usable ("
                    + oneLine(e) + ")");
        }
    }

    private void startEmbeddedDatabase(DurableDatabase embedded, int port) {
        Path directory = settings.dataDirectory().resolve("postgres");
        try {
            embeddedDatabase = embedded.start(port);
            createDatabaseIfMissing(embeddedDatabase);
        } catch (IOException | SQLException e) {
            stopServer();
            throw new LaunchFailure("the embedded PostgreSQL in " + directory + " did not start (" + oneLine(e)
                    + "). Is another Klassrum running on the same KLASSRUM_DATA_DIR?");
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE_NAME);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + DATABASE_NAME);
                    }
                }
            }
        }
    }

    static void checkReachable(DatabaseCoordinates database) {
        DriverManager.setLoginTimeout(5);
        try (Connection ignored = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            // reachable and the credentials are accepted
        } catch (SQLException e) {
            throw new LaunchFailure("cannot reach the database at " + database.url() + ": " + oneLine(e));
        }
    }

    private boolean awaitReady() {
        URI ready = URI.create("http://localhost:" + settings.httpPort() + "/health/ready");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (server.isAlive() && System.nanoTime() < deadline) {
            try {
                // A generous timeout: a busy server still starting may answer slowly, and a request given up
                // half-way makes it log a stack trace for the closed connection.
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return true;
                }
                if (response.statusCode() == 503 && response.body().contains("\"reason\"")
                        && !response.body().contains("PENDING")) {
                    System.err.println("klassrum: the application started but is not ready: " + response.body());
                    return false;
                }
            } catch (IOException notListeningYet) {
                // the server is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sleep(Duration.ofMillis(200));
        }
        return false;
    }

    private void stop() {
        stopServer();
        EmbeddedPostgres database = embeddedDatabase;
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("klassrum: the embedded PostgreSQL did not stop cleanly: " + oneLine(e));
            }
        }
    }

    private void stopServer() {
        Process running = server;
        if (running != null && running.isAlive()) {
            StartupCache cache = startupCache;
            boolean writesCache = cache != null && cache.training();
            if (writesCache) {
                System.out.println("klassrum: writing the start-up cache for the next start ...");
            }
            running.destroy();
            try {
                // Writing the start-up cache takes a while on a busy machine; a plain stop takes seconds.
                if (!running.waitFor(writesCache ? 180 : 30, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (startupCache != null && (running == null || !running.isAlive())) {
            startupCache.afterStop();
        }
    }

    /** The folder with payara-micro.jar and klassrum.war: {@code runtime/} beside the launcher jar. */
    static Path runtimeDirectory() {
        try {
            Path launcherJar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return launcherJar.getParent().resolve("runtime");
        } catch (URISyntaxException e) {
            throw new LaunchFailure("cannot locate the launcher's folder: " + e.getMessage());
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LaunchFailure(file + " is missing; build first with ./mvnw -DskipTests package (deploy/run.sh does)");
        }
    }

    static void requireFreePort(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (IOException inUse) {
            throw new LaunchFailure("port " + port + " is already in use; stop what uses it or choose another port "
                    + "(KLASSRUM_HTTP_PORT, KLASSRUM_EMBEDDED_DB_PORT)");
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new LaunchFailure("no free port for the embedded PostgreSQL: " + e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String oneLine(Throwable error) {
        String message = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }

    record DatabaseCoordinates(String url, String user, String password) {
    }

    /** A reason not to start, told to the user in one line. */
    static final class LaunchFailure extends RuntimeException {
        LaunchFailure(String message) {
            super(message);
        }
    }
}
