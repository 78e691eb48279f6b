package se.klassrum.teaching.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every file storage does, run against each adapter. */
abstract class FileStorageContract {

    @TempDir
    Path work;

    /** The storage under test, empty. */
    abstract FileStorage storage() throws Exception;

    @Test
    void aStoredFileIsReadBackByteForByte() throws Exception {
        FileStorage storage = storage();
        Path file = randomFile("hand-in.bin", 3 * 1024 * 1024 + 17);
        String key = FileKeys.newKey();

        storage.put(key, file);

        try (InputStream in = storage.open(key)) {
            assertThat(digest(in)).isEqualTo(digest(Files.newInputStream(file)));
        }
    }

    @Test
    void anUnknownKeyIsNoSuchFile() throws Exception {
        FileStorage storage = storage();

        assertThatThrownBy(() -> storage.open(FileKeys.newKey()).close()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aDeletedFileIsGoneAndDeletingAgainIsNoError() throws Exception {
        FileStorage storage = storage();
        String kept = FileKeys.newKey();
        String deleted = FileKeys.newKey();
        storage.put(kept, randomFile("kept.txt", 10));
        storage.put(deleted, randomFile("deleted.txt", 10));

        storage.delete(deleted);
        storage.delete(deleted);

        assertThatThrownBy(() -> storage.open(deleted).close()).isInstanceOf(NoSuchFileException.class);
        try (InputStream in = storage.open(kept)) {
            assertThat(in.readAllBytes()).hasSize(10);
        }
    }

    @Test
    void theListingNamesEveryStoredObjectWithItsSizeAndTime() throws Exception {
        FileStorage storage = storage();
        Instant before = Instant.now().minus(5, ChronoUnit.MINUTES);
        String first = FileKeys.newKey();
        String second = FileKeys.newKey();
        storage.put(first, randomFile("a", 5));
        storage.put(second, randomFile("b", 7));

        List<FileStorage.StoredObject> listed = new ArrayList<>();
        storage.forEach(listed::add);

        assertThat(listed).extracting(FileStorage.StoredObject::key).containsExactlyInAnyOrder(first, second);
        assertThat(listed).filteredOn(object -> object.key().equals(second)).singleElement()
                .satisfies(object -> {
                    assertThat(object.size()).isEqualTo(7);
                    assertThat(object.storedAt()).isAfter(before);
                });
    }

    private Path randomFile(String name, int size) throws IOException {
        Path file = work.resolve(name);
        Random random = new Random(size);
        byte[] buffer = new byte[8192];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, Math.min(left, buffer.length));
            }
        }
        return file;
    }

    private static String digest(InputStream in) throws Exception {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
