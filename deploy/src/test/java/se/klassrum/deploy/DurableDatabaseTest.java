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
import java.sql.Statement;

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
