package se.klassrum.deploy;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A consistent backup of the running embedded PostgreSQL, taken while Klassrum serves: PostgreSQL's online
 * base backup ({@code pg_backup_start} … {@code pg_backup_stop}), written as one {@code .tar.gz} that holds
 * {@code postgres/} (the data folder with its {@code backup_label} and the WAL written meanwhile) and the
 * superuser's password file. Unpacked into an empty {@code KLASSRUM_DATA_DIR}, it starts as the database was
 * when the backup ended: PostgreSQL replays the WAL up to that point at its first start.
 * <p>
 * A temporary replication slot keeps the WAL from the start of the backup until it has been copied. The
 * embedded binaries have no {@code pg_dump} or {@code pg_basebackup}; this needs none.
 */
final class Backup {

    /** What PostgreSQL's documentation says to leave out of a base backup, and this launcher's lock file. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> OMITTED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label",
            "backup_label.old", "tablespace_map");
    private static final String SLOT = "klassrum_backup";

    private Backup() {
    }

    /** Backs up the embedded PostgreSQL of {@code dataDirectory}, which must be running, into {@code target}. */
    static void run(Path dataDirectory, Path target) throws IOException, SQLException {
        Path postgres = dataDirectory.resolve("postgres");
        Path passwordFile = dataDirectory.resolve(DurableDatabase.PASSWORD_FILE);
        Path pid = postgres.resolve("postmaster.pid");
        if (!Files.exists(pid) || !Files.exists(passwordFile)) {
            throw new Launcher.LaunchFailure("no embedded PostgreSQL runs in " + postgres + "; start Klassrum first (deploy/run.sh)");
        }
        List<String> pidLines = Files.readAllLines(pid, StandardCharsets.UTF_8);
        int port = Integer.parseInt(pidLines.get(3).strip());
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();

        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        // It holds all the data and the password: for its owner only.
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Connection connection = DriverManager.getConnection(DurableDatabase.jdbcUrl(port, "postgres"),
                DurableDatabase.SUPERUSER, password);
             Statement statement = connection.createStatement();
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                     new BufferedOutputStream(Files.newOutputStream(partial))))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            statement.execute("select pg_create_physical_replication_slot('" + SLOT + "', true, true)");
            statement.execute("select pg_backup_start('klassrum', true)");

            addFile(tar, passwordFile, DurableDatabase.PASSWORD_FILE);
            addTree(tar, postgres, "postgres");

            String label;
            String tablespaces;
            try (ResultSet stop = statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
                tablespaces = stop.getString(2);
            }
            addText(tar, "postgres/backup_label", label);
            if (tablespaces != null && !tablespaces.isEmpty()) {
                addText(tar, "postgres/tablespace_map", tablespaces);
            }
            // The WAL from the backup's start to its end, kept by the slot; segment names are 24 hex digits.
            try (Stream<Path> wal = Files.list(postgres.resolve("pg_wal"))) {
                for (Path segment : wal.sorted().toList()) {
                    if (segment.getFileName().toString().matches("[0-9A-F]{24}(\\.partial)?|[0-9A-F]{8}\\.history")) {
                        addFile(tar, segment, "postgres/pg_wal/" + segment.getFileName());
                    }
                }
            }
            statement.execute("select pg_drop_replication_slot('" + SLOT + "')");
        } catch (IOException | SQLException | RuntimeException failed) {
            Files.deleteIfExists(partial);
            throw failed;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void addTree(TarArchiveOutputStream tar, Path root, String name) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(root)) {
            children = list.sorted().toList();
        } catch (NoSuchFileException dropped) {
            return;
        }
        addDirectory(tar, name);
        boolean emptied = EMPTIED.contains(root.getFileName().toString()) && !name.equals("postgres");
        for (Path child : children) {
            String childName = name + "/" + child.getFileName();
            if (Files.isDirectory(child)) {
                if (!emptied) {
                    addTree(tar, child, childName);
                } else if (child.getFileName().toString().equals("archive_status")
                        || child.getFileName().toString().equals("summaries")) {
                    addDirectory(tar, childName);
                }
            } else if (!emptied && !OMITTED.contains(child.getFileName().toString())
                    && !child.getFileName().toString().equals("pg_internal.init")) {
                addFile(tar, child, childName);
            }
        }
    }

    private static void addDirectory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name + "/");
        entry.setMode(0700 | TarArchiveEntry.DEFAULT_DIR_MODE & ~0777);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /**
     * A file that PostgreSQL may be writing meanwhile: its size when the copy starts is what goes into the
     * backup (zeros if it shrank); the WAL replay at the first start puts every changed page right.
     */
    private static void addFile(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setMode(0100600);
            entry.setSize(size);
            entry.setModTime(Files.getLastModifiedTime(file));
            tar.putArchiveEntry(entry);
            copyExactly(in, tar, size);
            tar.closeArchiveEntry();
        } catch (NoSuchFileException dropped) {
            // a table dropped or a file removed while the backup ran; the WAL knows
        }
    }

    private static void addText(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(0100600);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void copyExactly(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            left -= read;
        }
        byte[] zeros = new byte[8192];
        while (left > 0) {
            int chunk = (int) Math.min(zeros.length, left);
            out.write(zeros, 0, chunk);
            left -= chunk;
        }
    }
}
