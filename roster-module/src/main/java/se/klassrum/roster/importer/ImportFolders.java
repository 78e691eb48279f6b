package se.klassrum.roster.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where a folder import of an organisation may read its files: below the import root ({@code klassrum.import.root}),
 * each organisation only below its own sub-folder, named by its Klassrum organisation (tenant) id, e.g.
 * {@code /srv/klassrum-imports/1b4e28ba-2fa1-11d2-883f-0016d3cca427/2026-08-15}. A request names a folder relative
 * to that sub-folder.
 * <p>
 * Refused (as "no such folder", whatever the reason): an absolute path or one that leaves the organisation's folder
 * ({@code ..}), a symbolic link anywhere from the organisation's folder down to the folder, a folder that holds a
 * symbolic link, and a folder whose real path is not inside the organisation's real folder. The import root itself
 * may be reached through a link (operations' choice); it is resolved to its real path once.
 */
public final class ImportFolders {

    /** The setting that names the import root. */
    public static final String SETTING = "klassrum.import.root";

    private final Path root;

    /** @param root the import root; it need not exist yet */
    public ImportFolders(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The organisation's own sub-folder of the import root (which may not exist). */
    public Path organisationFolder(UUID tenantId) {
        return root.resolve(Objects.requireNonNull(tenantId, "tenantId").toString());
    }

    /**
     * The folder to import for the organisation, as a real path, or empty when there is no such folder that the
     * organisation may import.
     *
     * @param path relative to the organisation's sub-folder, e.g. {@code 2026-08-15}
     */
    public Optional<Path> folderOf(UUID tenantId, String path) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path own = realRoot.resolve(tenantId.toString());
            Path requested = Path.of(path);
            if (requested.isAbsolute()) {
                return Optional.empty();
            }
            Path folder = own.resolve(requested).normalize();
            if (!folder.startsWith(own) || folder.equals(own)) {
                return Optional.empty();
            }
            // No symbolic link on the way down, the organisation's folder included.
            Path step = own;
            if (!Files.isDirectory(step, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            for (Path name : own.relativize(folder)) {
                step = step.resolve(name);
                if (Files.isSymbolicLink(step) || !Files.isDirectory(step, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.empty();
                }
            }
            Path real = folder.toRealPath();
            if (!real.startsWith(own.toRealPath()) || holdsSymbolicLink(real)) {
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (InvalidPathException | java.nio.file.NoSuchFileException notThere) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not look at the import folder", e);
        }
    }

    private static boolean holdsSymbolicLink(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(Files::isSymbolicLink);
        }
    }
}
