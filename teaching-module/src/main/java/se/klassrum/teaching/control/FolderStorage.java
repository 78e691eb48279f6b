package se.klassrum.teaching.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files in a folder of this node ({@code KLASSRUM_FILES_DIR}, by default {@code files} in {@code KLASSRUM_DATA_DIR}),
 * spread over sub-folders by the first two characters of the key. A file appears under its name only once it is
 * complete: it is written beside it first and then moved in place.
 */
public final class FolderStorage implements FileStorage {

    /** Keys are the application's own random names; anything else (a path, "..") is refused. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final Path root;

    public FolderStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(key);
        }
        Path partial = target.resolveSibling(key + ".partial");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public void forEach(Consumer<StoredObject> action) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(path -> KEY.matcher(path.getFileName().toString()).matches())
                    .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .forEach(path -> {
                        try {
                            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                                    LinkOption.NOFOLLOW_LINKS);
                            action.accept(new StoredObject(path.getFileName().toString(), attributes.size(),
                                    attributes.lastModifiedTime().toInstant()));
                        } catch (NoSuchFileException gone) {
                            // deleted meanwhile
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    @Override
    public String toString() {
        return "folder " + root;
    }
}
