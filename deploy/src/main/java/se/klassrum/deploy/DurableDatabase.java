package se.klassrum.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;

/**
 * The launcher's embedded PostgreSQL, set up to keep what it was told (the library's defaults are for tests:
 * fsync and synchronous_commit off) and to admit only who knows its superuser's password.
 * <p>
 * The data folder is {@code <data>/postgres}; the superuser {@code postgres} has a generated password kept
 * in {@code <data>/postgres-password}, readable by its owner only. The server listens on 127.0.0.1 only, and
 * every connection, over TCP or the Unix socket, authenticates with scram-sha-256. A data folder made by an
 * earlier version (which trusted every local connection) gets its password and the new rules at its first
 * start.
 */
final class DurableDatabase {

    static final String SUPERUSER = "postgres";
    static final String PASSWORD_FILE = "postgres-password";
    static final String LISTEN_ADDRESS = "127.0.0.1";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HBA = """
            # Written by the Klassrum launcher at every start: every connection needs the superuser's password,
            # which is kept in the file %s beside this data folder.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            """.formatted(PASSWORD_FILE);

    private final Path postgresDirectory;
    private final Path passwordFile;
    private final boolean legacy;
    private final String password;

    /**
     * Reads the superuser's password of the data folder {@code <dataDirectory>/postgres}, or makes one for a
     * new data folder, so that it can be handed to the application before the database has started.
     */
    DurableDatabase(Path dataDirectory) throws IOException {
        this.postgresDirectory = dataDirectory.resolve("postgres");
        this.passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        Files.createDirectories(postgresDirectory);
        boolean initialised = Files.exists(postgresDirectory.resolve("postgresql.conf"));
        this.legacy = initialised && !Files.exists(passwordFile);
        if (legacy && Files.readString(postgresDirectory.resolve("pg_hba.conf"), StandardCharsets.UTF_8).contains(PASSWORD_FILE)) {
            throw new IOException(passwordFile + " is missing, but the database in " + postgresDirectory
                    + " needs it; put it back (a backup holds it)");
        }
        this.password = Files.exists(passwordFile) ? readPassword(passwordFile) : newPassword();
        if (!initialised && !Files.exists(passwordFile)) {
            writePassword(passwordFile, password); // initdb reads it
        }
    }

    String password() {
        return password;
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + LISTEN_ADDRESS + ":" + port + "/" + database;
    }

    /** Starts the server on {@code port}, creating the data folder on the first start. */
    EmbeddedPostgres start(int port) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(postgresDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The library gives up after 10 s: too short on a busy machine or after a crash, when PostgreSQL
                // first replays its write-ahead log.
                .setPGStartupWait(java.time.Duration.ofMinutes(2))
                // Durable: the library passes -F (fsync off) and synchronous_commit=off, settings for tests.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", LISTEN_ADDRESS)
                .setServerConfig("password_encryption", "scram-sha-256")
                // initdb: the superuser gets the password and every connection must give it.
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setConnectConfig("password", password);
        if (!legacy) {
            builder.setDataDirectoryCustomizer(directory -> writeHba(directory.toPath()));
        }
        EmbeddedPostgres postgres = builder.start();
        if (legacy) {
            requirePassword(postgres, postgresDirectory, password);
            writePassword(passwordFile, password);
        }
        return postgres;
    }

    private static String readPassword(Path passwordFile) throws IOException {
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException(passwordFile + " is empty; restore it from a backup or delete the data folder");
        }
        return password;
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void writePassword(Path passwordFile, String password) throws IOException {
        try {
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            throw new IOException(passwordFile + " appeared while starting; is another Klassrum starting?");
        }
        Files.setPosixFilePermissions(passwordFile, OWNER_ONLY); // whatever the umask
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
    }

    private static void writeHba(Path postgresDirectory) {
        try {
            Files.writeString(postgresDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data folder from before passwords: it still trusts local connections, so set the password, then stop trusting. */
    private static void requirePassword(EmbeddedPostgres postgres, Path postgresDirectory, String password) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter role " + SUPERUSER + " password " + literal(connection, password));
            writeHba(postgresDirectory);
            try (ResultSet reloaded = statement.executeQuery("select pg_reload_conf()")) {
                reloaded.next();
            }
        }
    }

    private static String literal(Connection connection, String value) throws SQLException {
        try (PreparedStatement quote = connection.prepareStatement("select quote_literal(?)")) {
            quote.setString(1, value);
            try (ResultSet result = quote.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
