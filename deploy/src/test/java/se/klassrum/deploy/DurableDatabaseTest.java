package se.klassrum.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's embedded PostgreSQL, started in a temporary data folder exactly as the launcher starts it. */
class DurableDatabaseTest {

    @TempDir
    Path data;

    @Test
    void keepsEveryCommitOnDisk() throws Exception {
        DurableDatabase database = new DurableDatabase(data);
        int port = freePort();
        try (EmbeddedPostgres ignored = database.start(port);
             Connection connection = connect(port, database.password())) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
            assertThat(show(connection, "listen_addresses")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void theSuperuserNeedsThePasswordKeptForTheOwnerOnly() throws Exception {
        DurableDatabase database = new DurableDatabase(data);
        Path passwordFile = data.resolve(DurableDatabase.PASSWORD_FILE);
        int port = freePort();
        try (EmbeddedPostgres ignored = database.start(port)) {
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(database.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");

            assertThatThrownBy(() -> connect(port, "")).isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> connect(port, "postgres")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection connection = connect(port, database.password())) {
                assertThat(show(connection, "password_encryption")).isEqualTo("scram-sha-256");
            }
        }
    }

    @Test
    void aRestartKeepsTheDataAndThePassword() throws Exception {
        DurableDatabase first = new DurableDatabase(data);
        int port = freePort();
        try (EmbeddedPostgres ignored = first.start(port);
             Connection connection = connect(port, first.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (word text)");
            statement.execute("insert into kept values ('omdöme')");
        }

        DurableDatabase again = new DurableDatabase(data);
        try (EmbeddedPostgres ignored = again.start(port);
             Connection connection = connect(port, again.password());
             Statement statement = connection.createStatement();
             ResultSet kept = statement.executeQuery("select word from kept")) {
            assertThat(again.password()).isEqualTo(first.password());
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("omdöme");
        }
    }

    @Test
    void aLostPasswordFileIsReportedInsteadOfAHangingStart() throws Exception {
        DurableDatabase first = new DurableDatabase(data);
        try (EmbeddedPostgres ignored = first.start(freePort())) {
            // started once: the folder is initialised with the password
        }
        Files.delete(data.resolve(DurableDatabase.PASSWORD_FILE));

        assertThatThrownBy(() -> new DurableDatabase(data)).isInstanceOf(IOException.class)
                .hasMessageContaining(DurableDatabase.PASSWORD_FILE + " is missing").hasMessageNotContaining("\n");
    }

    @Test
    void aDataFolderFromBeforePasswordsGetsOneAndKeepsItsData() throws Exception {
        int port = freePort();
        // As the earlier launcher made it: the library's defaults, every local connection trusted.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).setPort(port).start();
             Connection connection = earlier.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (word text)");
            statement.execute("insert into kept values ('inlägg')");
        }

        DurableDatabase database = new DurableDatabase(data);
        try (EmbeddedPostgres ignored = database.start(port)) {
            assertThatThrownBy(() -> connect(port, "")).isInstanceOf(SQLException.class).hasMessageContaining("password");
            try (Connection connection = connect(port, database.password());
                 Statement statement = connection.createStatement();
                 ResultSet kept = statement.executeQuery("select word from kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("inlägg");
            }
        }
        assertThat(Files.readString(data.resolve(DurableDatabase.PASSWORD_FILE)).strip()).isEqualTo(database.password());
    }

    @Test
    void aBackupTakenWhileKlassrumWritesRestoresAConsistentDatabase(@TempDir Path restored) throws Exception {
        DurableDatabase database = new DurableDatabase(data);
        int port = freePort();
        Path backup = data.resolveSibling(data.getFileName() + "-backup.tar.gz");
        long committedWhenTheBackupBegan;
        try (EmbeddedPostgres ignored = database.start(port)) {
            try (Connection connection = connect(port, database.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table entry (n bigint primary key, body text)");
                statement.execute("insert into entry select n, repeat('x', 500) from generate_series(1, 20000) n");
            }
            AtomicLong committed = new AtomicLong(20_000);
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                try (Connection connection = connect(port, database.password());
                     PreparedStatement insert = connection.prepareStatement("insert into entry values (?, 'during the backup')")) {
                    while (writing.get()) {
                        insert.setLong(1, committed.get() + 1);
                        insert.executeUpdate();
                        committed.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            Thread.sleep(300);
            committedWhenTheBackupBegan = committed.get();
            Backup.run(data, backup);
            writing.set(false);
            writer.join();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        Process untar = new ProcessBuilder("tar", "-xzf", backup.toString(), "-C", restored.toString()).inheritIO().start();
        assertThat(untar.waitFor()).isZero();
        DurableDatabase again = new DurableDatabase(restored);
        assertThat(again.password()).isEqualTo(database.password());
        try (EmbeddedPostgres ignored = again.start(freePort());
             Connection connection = connect(ignored.getPort(), again.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*), max(n) from entry")) {
            rows.next();
            // every row committed before the backup began, and no gap: each transaction whole or not at all
            assertThat(rows.getLong(1)).isEqualTo(rows.getLong(2)).isGreaterThanOrEqualTo(committedWhenTheBackupBegan)
                    .isGreaterThan(20_000);
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        return DriverManager.getConnection(DurableDatabase.jdbcUrl(port, "postgres"), DurableDatabase.SUPERUSER, password);
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("show " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
