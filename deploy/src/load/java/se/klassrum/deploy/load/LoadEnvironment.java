package se.klassrum.deploy.load;

import se.klassrum.roster.importer.SyntheticMunicipality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the access guard's load benchmark runs against, set up before the load and torn down after it:
 * <ol>
 *   <li>a synthetic municipality in School Data Sync v2.1 files ({@link SyntheticMunicipality}, Stockholm's size
 *       times {@code load.scale});</li>
 *   <li>node A: the launcher ({@code target/klassrum-launcher.jar}) with its embedded, durable PostgreSQL, no demo
 *       data, trusting a key pair made for this run;</li>
 *   <li>the organisation (tenant) row, then the roster imported through {@code POST /api/v1/imports/folder} with an
 *       application token holding {@code RosterImport.ReadWrite.All};</li>
 *   <li>what an import never brings and Microsoft would: for up to {@code load.teachers} teachers who each own a
 *       teaching group of about 30 members, an Entra object id, a teacher licence and the group connected (SQL on
 *       the run's own database);</li>
 *   <li>node B (with {@code load.nodes=2}): a second launcher whose Payara Micro uses node A's database, both in
 *       one Payara cluster;</li>
 *   <li>with two nodes, HAProxy ({@code load.proxy}, default {@code haproxy} on the path or {@code /usr/sbin/haproxy})
 *       in front of both at one address, round robin over kept-alive connections, each node taken out while its
 *       {@code /health/ready} is not UP. Without HAProxy the two-node phase gives each virtual user one of the two
 *       addresses in turn, and the report says so.</li>
 * </ol>
 * Everything lives in {@code load.work} (default {@code deploy/target/load}), which is emptied first.
 */
final class LoadEnvironment implements AutoCloseable {

    static final String AUDIENCE = "api://klassrum";
    static final String ISSUER = "urn:klassrum:load-benchmark";
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    /** One request's subject: a teacher's token, one of the teacher's connected groups and a student in it. */
    record Target(String token, UUID group, UUID student) {
    }

    final Path work;
    final Path launcherJar;
    final double scale;
    final int nodes;
    final int maxTeachers;
    final int portA;
    final int portB;
    final int portProxy;
    /** HAProxy, when two nodes are to stand behind one address and it was found; null otherwise. */
    final Path proxyBinary;
    final int databasePort;
    final Properties facts = new Properties();

    private final KeyPair keys;
    private final UUID tenantId = UUID.randomUUID();
    private final UUID entraTenantId = UUID.randomUUID();
    private final List<Process> launchers = new ArrayList<>();
    private Process proxy;
    /** The nodes' processor time quotas, once {@link #canLimitCpu()} found where to make them. */
    private CpuQuotas quotas;
    private final double nodeCpu = Double.parseDouble(System.getProperty("load.node-cpu", "0.5"));
    private volatile List<Target> targets = List.of();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    LoadEnvironment() {
        this.work = Path.of(System.getProperty("load.work", "target/load")).toAbsolutePath().normalize();
        this.launcherJar = Path.of(System.getProperty("load.launcher", "target/klassrum-launcher.jar")).toAbsolutePath();
        this.scale = Double.parseDouble(System.getProperty("load.scale", "1"));
        this.nodes = Integer.getInteger("load.nodes", 2);
        this.maxTeachers = Integer.getInteger("load.teachers", 16);
        this.portA = freePort();
        this.portB = freePort();
        this.portProxy = freePort();
        this.proxyBinary = nodes >= 2 ? proxyBinary() : null;
        this.databasePort = freePort();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String urlA() {
        return "http://127.0.0.1:" + portA;
    }

    String urlB() {
        return "http://127.0.0.1:" + portB;
    }

    /** The one address of both nodes, or null without a proxy (fewer than two nodes, or no HAProxy found). */
    String urlBoth() {
        return proxyBinary == null ? null : "http://127.0.0.1:" + portProxy;
    }

    Target randomTarget() {
        List<Target> all = targets;
        return all.get(ThreadLocalRandom.current().nextInt(all.size()));
    }

    void setUp() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "load-environment-stop"));
        facts.setProperty("load.before", loadAverage());
        deleteTree(work);
        Files.createDirectories(work);
        Path publicKey = work.resolve("jwt-public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");

        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        int schoolYear = today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
        SyntheticMunicipality.Size size = scale == 1 ? SyntheticMunicipality.Size.STOCKHOLM
                : SyntheticMunicipality.Size.STOCKHOLM.scaled(scale);
        long started = System.nanoTime();
        Path importRoot = work.resolve("import");
        SyntheticMunicipality.Stats stats = SyntheticMunicipality.write(importRoot.resolve(tenantId.toString()).resolve("full"),
                work.resolve("unused-delta"), 12_000L, schoolYear, size);
        deleteTree(work.resolve("unused-delta"));
        facts.setProperty("roster.size", size.toString());
        facts.setProperty("roster.rows", Long.toString(stats.fullRows()));
        facts.setProperty("roster.generate.seconds", seconds(started));
        log("roster of scale %s written: %d rows in %s s", scale, stats.fullRows(), seconds(started));

        started = System.nanoTime();
        launchers.add(start("node-a", portA, Map.of(
                "KLASSRUM_EMBEDDED_DB_PORT", Integer.toString(databasePort),
                "KLASSRUM_IMPORT_ROOT", importRoot.toString())));
        awaitReady(urlA(), launchers.get(0));
        facts.setProperty("node-a.start.seconds", seconds(started));
        log("node A ready at %s in %s s", urlA(), seconds(started));

        try (Connection db = database()) {
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into tenant (id, entra_tenant_id, name) values (?, ?, 'Syntetisk kommun (lasttest)')")) {
                insert.setObject(1, tenantId);
                insert.setObject(2, entraTenantId);
                insert.executeUpdate();
            }
        }

        started = System.nanoTime();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(urlA() + "/api/v1/imports/folder"))
                .timeout(Duration.ofMinutes(20))
                .header("Authorization", "Bearer " + applicationToken("RosterImport.ReadWrite.All"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"full\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 201) {
            throw new IllegalStateException("the import answered " + imported.statusCode() + ": " + imported.body());
        }
        facts.setProperty("import.seconds", seconds(started));
        log("imported in %s s: %s", seconds(started), abbreviate(imported.body()));

        targets = prepareTeachers(today);
        checkOnce(targets.get(0));
        settle();

        if (nodes >= 2) {
            started = System.nanoTime();
            String password = Files.readString(work.resolve("node-a").resolve("postgres-password")).trim();
            launchers.add(start("node-b", portB, Map.of(
                    "KLASSRUM_DB_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/klassrum",
                    "KLASSRUM_DB_USER", "postgres",
                    "KLASSRUM_DB_PASSWORD", password)));
            awaitReady(urlB(), launchers.get(1));
            facts.setProperty("node-b.start.seconds", seconds(started));
            log("node B ready at %s in %s s (database of node A)", urlB(), seconds(started));
            startProxy();
        }
        facts.setProperty("load.start", loadAverage());
    }

    /**
     * Gives teachers who own a current teaching group of 25–35 current members what Microsoft would: an Entra object
     * id, a teacher licence, the group connected. Returns every (teacher, group, student member) of them.
     */
    private List<Target> prepareTeachers(LocalDate today) throws SQLException {
        record Owned(UUID teacher, UUID group, int members) {
        }
        List<Owned> owned = new ArrayList<>();
        try (Connection db = database()) {
            try (PreparedStatement query = db.prepareStatement("""
                    select o.person_id, g.id, count(m.id)
                    from study_group g
                    join membership o on o.group_id = g.id and o.role = 'OWNER'
                         and o.valid_from <= ? and (o.valid_to is null or o.valid_to >= ?)
                    join membership m on m.group_id = g.id and m.role = 'MEMBER'
                         and m.valid_from <= ? and (m.valid_to is null or m.valid_to >= ?)
                    where g.kind = 'TEACHING' and g.tenant_id = ? and not g.archived
                    group by o.person_id, g.id
                    having count(m.id) between 25 and 35
                    order by abs(count(m.id) - 30), g.id
                    limit 2000""")) {
                for (int i = 1; i <= 4; i++) {
                    query.setObject(i, today);
                }
                query.setObject(5, tenantId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        owned.add(new Owned(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getInt(3)));
                    }
                }
            }
            // One group per teacher, the teachers with groups closest to 30 members first.
            Map<UUID, Owned> chosen = new LinkedHashMap<>();
            for (Owned o : owned) {
                if (chosen.size() < maxTeachers && !chosen.containsKey(o.teacher())
                        && chosen.values().stream().noneMatch(c -> c.group().equals(o.group()))) {
                    chosen.put(o.teacher(), o);
                }
            }
            if (chosen.isEmpty()) {
                throw new IllegalStateException("the roster has no teacher who owns a teaching group of 25–35 members");
            }
            List<Target> all = new ArrayList<>();
            for (Owned o : chosen.values()) {
                UUID objectId = UUID.randomUUID();
                update(db, "update person set entra_object_id = ? where id = ?", objectId, o.teacher());
                update(db, "insert into licence (id, person_id, kind, valid_from) values (gen_random_uuid(), ?, 'TEACHER', ?)",
                        o.teacher(), today.minusDays(1));
                update(db, "update study_group set connected = true where id = ?", o.group());
                String token = personToken(objectId);
                try (PreparedStatement students = db.prepareStatement("""
                        select m.person_id from membership m join person p on p.id = m.person_id
                        where m.group_id = ? and m.role = 'MEMBER' and p.security_marking = 'NONE'
                          and m.valid_from <= ? and (m.valid_to is null or m.valid_to >= ?)
                          and not exists (select 1 from membership x where x.group_id = m.group_id
                                          and x.person_id = m.person_id and x.role = 'OWNER')""")) {
                    students.setObject(1, o.group());
                    students.setObject(2, today);
                    students.setObject(3, today);
                    try (ResultSet rows = students.executeQuery()) {
                        while (rows.next()) {
                            all.add(new Target(token, o.group(), rows.getObject(1, UUID.class)));
                        }
                    }
                }
            }
            facts.setProperty("teachers", Integer.toString(chosen.size()));
            facts.setProperty("group.members", chosen.values().stream().map(o -> Integer.toString(o.members()))
                    .distinct().sorted(Comparator.naturalOrder()).reduce((a, b) -> a + "," + b).orElse(""));
            facts.setProperty("students", Integer.toString(all.size()));
            log("%d teachers, each with one connected teaching group (members: %s), %d students to read",
                    chosen.size(), facts.getProperty("group.members"), all.size());
            return List.copyOf(all);
        }
    }

    /** The three endpoints answer 200 for a prepared teacher before any load; the member list has its members. */
    private void checkOnce(Target target) throws IOException, InterruptedException {
        for (String path : List.of("/api/v1/students/" + target.student(), "/api/v1/groups/" + target.group(),
                "/api/v1/groups/" + target.group() + "/members?limit=30")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urlA() + path))
                    .header("Authorization", "Bearer " + target.token()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            if (path.contains("members")) {
                int items = response.body().split("\"studentId\"", -1).length - 1;
                facts.setProperty("members.page.ids", Integer.toString(items));
                log("GET %s: 200, %d ids in the page", path, items);
            }
        }
    }

    private Process start(String name, int port, Map<String, String> extra) throws IOException {
        Path data = work.resolve(name);
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", launcherJar.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("KLASSRUM_"));
        env.put("KLASSRUM_HTTP_PORT", Integer.toString(port));
        env.put("KLASSRUM_DATA_DIR", data.toString());
        env.put("KLASSRUM_DEMO_DATA", "false");
        // Every run starts from new data folders: a start-up cache would be recorded and never used.
        env.put("KLASSRUM_STARTUP_CACHE", "false");
        // From the environment, since options with spaces do not pass through the Gatling plugin's JVM arguments intact
        // (e.g. LOAD_SERVER_JVM_OPTIONS="-Xmx2g -XX:StartFlightRecording=filename=/tmp/node.jfr,dumponexit=true").
        env.put("KLASSRUM_SERVER_JVM_OPTIONS", System.getProperty("load.server-jvm-options",
                System.getenv().getOrDefault("LOAD_SERVER_JVM_OPTIONS", "-Xmx2g")));
        env.put("KLASSRUM_JWT_ISSUER", ISSUER);
        env.put("KLASSRUM_JWT_AUDIENCE", AUDIENCE);
        env.put("KLASSRUM_JWT_PUBLICKEY_LOCATION", "file:" + work.resolve("jwt-public.pem"));
        env.put("KLASSRUM_CURSOR_SECRET", "load-benchmark-cursor-secret-0123456789abcdef");
        env.put("KLASSRUM_AUDIT_KEY", "load-benchmark-audit-key-0123456789abcdef");
        if (nodes >= 2) {
            env.put("KLASSRUM_CLUSTER", "true");
            env.put("KLASSRUM_CLUSTER_NAME", "klassrum-load");
            env.put("KLASSRUM_CLUSTER_PASSWORD", "load-benchmark-cluster-password");
        }
        env.putAll(extra);
        log("starting %s on port %d (log: %s)", name, port, work.resolve(name + ".log"));
        return builder.start();
    }

    /**
     * HAProxy in front of both nodes, when found: one thread (the machine's cores are the nodes', the database's and
     * Gatling's too), HTTP keep-alive on both sides, a backend connection reused by any client's next request, and each
     * node checked at {@code /health/ready}.
     */
    private void startProxy() throws IOException, InterruptedException {
        Path binary = proxyBinary;
        if (binary == null) {
            facts.setProperty("two-nodes.front", "each virtual user given one of the two addresses (no HAProxy found)");
            log("no HAProxy found (load.proxy); the two-node phase spreads its users over both addresses instead");
            return;
        }
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, String.join("\n",
                "global",
                "    nbthread 1",
                "    maxconn 4096",
                "defaults",
                "    mode http",
                "    timeout connect 2s",
                "    timeout client 60s",
                "    timeout server 60s",
                "    option http-keep-alive",
                "    http-reuse always",
                "frontend klassrum",
                "    bind 127.0.0.1:" + portProxy,
                "    default_backend nodes",
                "backend nodes",
                "    balance roundrobin",
                "    option httpchk GET /health/ready",
                "    server a 127.0.0.1:" + portA + " check inter 2s",
                "    server b 127.0.0.1:" + portB + " check inter 2s",
                ""));
        proxy = new ProcessBuilder(binary.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start();
        awaitReady(urlBoth(), proxy);
        String version = new String(new ProcessBuilder(binary.toString(), "-v").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).lines().findFirst().orElse("HAProxy");
        facts.setProperty("two-nodes.front", "one address: " + version.replaceAll(" - https?://\\S+", "").trim());
        log("both nodes behind %s (%s)", urlBoth(), version);
    }

    private static Path proxyBinary() {
        String named = System.getProperty("load.proxy", "");
        if (!named.isBlank()) {
            // Said at once, not after the roster's minutes of generating and importing.
            if (!Files.isExecutable(Path.of(named))) {
                throw new IllegalStateException("load.proxy names no executable HAProxy: " + named);
            }
            return Path.of(named);
        }
        Stream<Path> candidates = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "haproxy")),
                Stream.of(Path.of("/usr/sbin/haproxy")));
        return candidates.filter(Files::isExecutable).findFirst().orElse(null);
    }

    private void awaitReady(String base, Process launcher) throws InterruptedException {
        URI ready = URI.create(base + "/health/ready");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the launcher for " + base + " stopped with " + launcher.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (deploymentFailed(base)) {
                throw new IllegalStateException("the WAR did not deploy on " + base + " (see " + work + "/node-*.log)");
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(base + " was not ready within 4 minutes");
    }

    /** Payara Micro keeps running, never ready, when the application fails to deploy; its log says so. */
    private boolean deploymentFailed(String base) {
        Path log = work.resolve(base.equals(urlA()) ? "node-a.log" : "node-b.log");
        try {
            return Files.isRegularFile(log) && Files.readString(log, StandardCharsets.ISO_8859_1)
                    .contains("Exception while loading the app");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Does now what PostgreSQL's autovacuum would otherwise do during the first phases after an import of two million
     * rows: a VACUUM (ANALYZE) of the database and a CHECKPOINT, so that the rounds measure a settled database, as a
     * school's morning does after the night's import, and no round is slowed by work that only follows the set-up.
     */
    private void settle() throws SQLException {
        long started = System.nanoTime();
        try (Connection db = database(); var statement = db.createStatement()) {
            statement.execute("vacuum (analyze)");
            statement.execute("checkpoint");
        }
        facts.setProperty("settle.seconds", seconds(started));
        log("database settled (vacuum, analyze, checkpoint) in %s s", seconds(started));
        // The import's garbage too: node A's heap collected whole once, as hours of a school's night would have.
        started = System.nanoTime();
        for (ProcessHandle server : servers(launchers.get(0))) {
            try {
                Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(server.pid()), "GC.run").redirectErrorStream(true).start();
                gc.getInputStream().readAllBytes();
                if (gc.waitFor() != 0) {
                    log("jcmd GC.run on node A answered %d", gc.exitValue());
                }
            } catch (IOException e) {
                log("node A's heap could not be collected: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        facts.setProperty("settle.gc.seconds", seconds(started));
        log("node A's heap collected in %s s", seconds(started));
    }

    /** The Payara Micro server a launcher started (its Java descendants). */
    private static List<ProcessHandle> servers(Process launcher) {
        return launcher.descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .toList();
    }

    private Connection database() throws SQLException {
        try {
            String password = Files.readString(work.resolve("node-a").resolve("postgres-password")).trim();
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/klassrum", "postgres", password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }

    /** The benchmark's own application, holding one application permission. */
    private String applicationToken(String permission) {
        return sign("\"idtyp\":\"app\",\"azp\":\"load-benchmark\",\"roles\":[\"" + permission + "\"],\"sub\":\"load-benchmark\"");
    }

    private String personToken(UUID objectId) {
        return sign("\"oid\":\"" + objectId + "\",\"sub\":\"" + objectId + "\",\"upn\":\"" + objectId + "\",\"groups\":[]");
    }

    /** An RS256 token for Klassrum's audience, valid for an hour (within the default maximum age of two hours). */
    private String sign(String claims) {
        long now = System.currentTimeMillis() / 1000;
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"tid\":\"" + entraTenantId
                + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "," + claims + "}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign((PrivateKey) keys.getPrivate());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + url.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the scaling phases with a share of processor time per node run: two nodes, {@code load.node-cpu} above 0
     * (default 0.5 of a core), at least half a core left for the rest beyond both nodes' shares, and a cgroup CPU
     * controller this process may make groups in ({@link CpuQuotas}). Says why not in the report's facts otherwise.
     */
    boolean canLimitCpu() {
        if (nodes < 2 || nodeCpu <= 0) {
            return false;
        }
        if (restCpu() < 0.5) {
            facts.setProperty("cpu-limit.skipped", String.format(Locale.ROOT, "%d cores leave %.2f beyond two nodes of %s each "
                    + "for PostgreSQL, HAProxy and Gatling", Runtime.getRuntime().availableProcessors(), restCpu(), nodeCpu));
            log("the phases with a CPU quota per node are left out: %s", facts.getProperty("cpu-limit.skipped"));
            return false;
        }
        try {
            quotas = CpuQuotas.find(Path.of(System.getProperty("load.cgroup-root", "/sys/fs/cgroup")));
            return true;
        } catch (IOException | RuntimeException e) {
            facts.setProperty("cpu-limit.skipped", String.valueOf(e.getMessage()));
            log("the phases with a CPU quota per node are left out: %s", e.getMessage());
            return false;
        }
    }

    /**
     * Holds each node's Payara Micro (every thread of it) to {@code load.node-cpu} of a core's processor time, as a
     * machine of that size would, and the rest of the run (PostgreSQL, HAProxy and Gatling) together to what the machine
     * has beyond both nodes' shares: the rest gets the same processor time in the one-node and the two-node phase. One
     * node so held against two nodes so held measures what a second node adds when it brings processor time of its own,
     * as a second machine would; on the machine's shared cores, without quotas, a second node can only divide them with
     * the first. Records {@code cpu-limit.failed} instead of throwing when a group cannot be made or filled (the
     * quotas made so far lifted), so that the report does not judge phases that ran without their quotas.
     */
    void limitNodesCpu() {
        try {
            for (int i = 0; i < launchers.size(); i++) {
                String node = i == 0 ? "a" : "b";
                List<ProcessHandle> servers = servers(launchers.get(i));
                if (servers.isEmpty()) {
                    throw new IOException("node " + node + "'s Payara Micro was not found");
                }
                quotas.limit("node-" + node, nodeCpu, servers);
                log("node %s (%d process(es)) held to %s of a core", node.toUpperCase(Locale.ROOT), servers.size(), nodeCpu);
                facts.setProperty("cpu-limit.node-" + node, servers.size() + " process(es), " + nodeCpu + " of a core");
            }
            double rest = restCpu();
            List<ProcessHandle> others = new ArrayList<>(postgres());
            if (proxy != null) {
                others.add(proxy.toHandle());
            }
            others.add(ProcessHandle.current());
            quotas.limit("rest", rest, others);
            log("PostgreSQL, HAProxy and Gatling (%d processes) held to %s cores", others.size(), rest);
            facts.setProperty("cpu-limit.rest", others.size() + " processes, " + rest + " cores");
        } catch (IOException | RuntimeException e) {
            quotas.lift();
            facts.setProperty("cpu-limit.failed", String.valueOf(e.getMessage()));
            log("the CPU quotas could not be set, the phases run without them: %s", e.getMessage());
        }
    }

    /** The processor time the machine has beyond both nodes' shares, in cores. */
    private double restCpu() {
        return Runtime.getRuntime().availableProcessors() - 2 * nodeCpu;
    }

    /** After the phases with quotas: how often each node was held back, and the quotas lifted for what comes after. */
    void liftCpuLimits() {
        if (quotas == null) {
            return;
        }
        for (int i = 0; i < launchers.size(); i++) {
            String node = i == 0 ? "a" : "b";
            if (facts.containsKey("cpu-limit.node-" + node)) {
                facts.setProperty("cpu-limit.throttled.node-" + node, quotas.throttled("node-" + node));
            }
        }
        if (facts.containsKey("cpu-limit.rest")) {
            facts.setProperty("cpu-limit.throttled.rest", quotas.throttled("rest"));
        }
        quotas.lift();
    }

    /** Stops node B, then node A (each launcher stops its Payara Micro, node A then its PostgreSQL). */
    @Override
    public synchronized void close() {
        if (proxy != null && proxy.isAlive()) {
            proxy.destroy();
            try {
                if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
                    proxy.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = launchers.size() - 1; i >= 0; i--) {
            Process launcher = launchers.get(i);
            if (launcher.isAlive()) {
                launcher.destroy();
                try {
                    if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                        launcher.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        launchers.clear();
        if (quotas != null) {
            quotas.close();
        }
    }

    /**
     * After the last phase, while the nodes still run: the organisation's audit chain, every decision of the load in it,
     * verified by node A ({@code GET /api/v1/access/audit/verify}, an application holding {@code AuditLog.Read.All}).
     */
    void verifyAuditChain() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urlA() + "/api/v1/access/audit/verify"))
                    .header("Authorization", "Bearer " + applicationToken("AuditLog.Read.All"))
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
            facts.setProperty("audit.verify", response.statusCode() + " " + response.body());
            log("audit chain after the load: %d %s", response.statusCode(), response.body());
        } catch (IOException e) {
            facts.setProperty("audit.verify", "no answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            facts.setProperty("audit.verify", "interrupted");
        }
    }

    /**
     * After the last phase: from each node's own metrics ({@code /metrics?scope=application}), how many reads of the facts
     * found them kept and how many went to the database, and how the audit writer batched the decisions (and how many
     * batches had to lock their chain heads because the other node had moved them), so that the report says what the
     * load met inside the nodes, not only what they answered.
     */
    void readNodeMetrics() {
        readMetrics("A", urlA(), "");
        if (nodes >= 2) {
            readMetrics("B", urlB(), "node-b.");
        }
    }

    private void readMetrics(String node, String base, String prefix) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics?scope=application"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return;
            }
            Map<String, String> wanted = Map.of(
                    "klassrum_access_facts_kept_reads{mp_scope=\"application\",outcome=\"hit\"}", "kept.hits",
                    "klassrum_access_facts_kept_reads{mp_scope=\"application\",outcome=\"miss\"}", "kept.misses",
                    "klassrum_audit_batch_size_count{mp_scope=\"application\"}", "audit.batches",
                    "klassrum_audit_batch_size_sum{mp_scope=\"application\"}", "audit.records",
                    "klassrum_audit_append_seconds_sum{mp_scope=\"application\"}", "audit.append.seconds",
                    "klassrum_audit_batch_locked_total{mp_scope=\"application\"}", "audit.locked");
            for (String line : response.body().split("\n")) {
                int space = line.lastIndexOf(' ');
                if (!line.startsWith("#") && space > 0 && wanted.containsKey(line.substring(0, space))) {
                    facts.setProperty(prefix + wanted.get(line.substring(0, space)), line.substring(space + 1).trim());
                }
            }
        } catch (IOException e) {
            log("node %s's metrics could not be read: %s", node, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The processor time each part of the run has used so far, in ms, under {@code cpu.<mark>.<part>}: node A's and node
     * B's Payara Micro, PostgreSQL, HAProxy and this JVM (Gatling), and the time of the mark under
     * {@code cpu.<mark>.nanos}. Marks before and after a phase give what each part spent on it and over how long.
     * PostgreSQL's backends come and go: its time is the postmaster's, its living children's and, from the postmaster,
     * that of the children that have ended ({@code /proc/<pid>/stat}, user and system, in the kernel's 100 ticks a second).
     */
    synchronized void markCpu(String mark) {
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("node-a", cpuMillis(servers(launchers.get(0))));
        if (launchers.size() > 1) {
            parts.put("node-b", cpuMillis(servers(launchers.get(1))));
        }
        parts.put("postgres", postgresCpuMillis());
        if (proxy != null) {
            parts.put("haproxy", cpuMillis(List.of(proxy.toHandle())));
        }
        parts.put("gatling", cpuMillis(List.of(ProcessHandle.current())));
        parts.forEach((part, millis) -> facts.setProperty("cpu." + mark + "." + part, Long.toString(millis)));
        facts.setProperty("cpu." + mark + ".nanos", Long.toString(System.nanoTime()));
    }

    private static long cpuMillis(List<ProcessHandle> processes) {
        return processes.stream().mapToLong(process -> process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
    }

    /** Node A's PostgreSQL server: the postmaster ({@code postmaster.pid} in its data folder), then its children. */
    private List<ProcessHandle> postgres() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(work.resolve("node-a").resolve("postgres").resolve("postmaster.pid"))
                .get(0).trim());
        ProcessHandle server = ProcessHandle.of(postmaster)
                .orElseThrow(() -> new IOException("PostgreSQL's postmaster " + postmaster + " is not running"));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(server);
        server.children().forEach(all::add);
        return all;
    }

    private long postgresCpuMillis() {
        long ticks = 0;
        try {
            List<ProcessHandle> processes = postgres();
            for (int i = 0; i < processes.size(); i++) {
                try {
                    String stat = Files.readString(Path.of("/proc", Long.toString(processes.get(i).pid()), "stat"));
                    // After the command's closing parenthesis: state (field 3), ppid (4), …, utime (14), stime (15),
                    // cutime (16), cstime (17).
                    String[] field = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    ticks += Long.parseLong(field[11]) + Long.parseLong(field[12]);
                    if (i == 0) {
                        ticks += Long.parseLong(field[13]) + Long.parseLong(field[14]);
                    }
                } catch (IOException e) {
                    // a backend that ended between the listing and the reading: its time is the postmaster's now
                }
            }
        } catch (IOException | RuntimeException e) {
            log("PostgreSQL's processor time could not be read: %s", e.getMessage());
        }
        return ticks * 10;
    }

    void writeFacts() {
        facts.setProperty("load.after", loadAverage());
        facts.setProperty("scale", Double.toString(scale));
        facts.setProperty("nodes", Integer.toString(nodes));
        try (var out = Files.newBufferedWriter(work.resolve("run.properties"))) {
            facts.store(out, "the access guard's load benchmark: the run's set-up");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[load] " + format + "%n", args);
    }

    private static String seconds(long startedNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
