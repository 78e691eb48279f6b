package se.klassrum.teaching.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the bytes of attached files live: a folder on this node, or an S3-compatible object store that every node of
 * a cluster shares. Objects are named by random keys that the database rows of the attachments hold; nothing here
 * knows whose a file is. Every method streams: no file is ever held in memory whole.
 */
public interface FileStorage {

    /** Stores the file under the key, replacing nothing: a key is used once. */
    void put(String key, Path file) throws IOException;

    /**
     * The stored bytes, to be closed by the caller.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is stored under the key
     */
    InputStream open(String key) throws IOException;

    /** Removes the object; removing what is not there is no error. */
    void delete(String key) throws IOException;

    /** Every stored object, with when it was stored, for the sweep of objects whose row is gone. */
    void forEach(Consumer<StoredObject> action) throws IOException;

    /** An object in the storage. */
    record StoredObject(String key, long size, Instant storedAt) {
    }
}
