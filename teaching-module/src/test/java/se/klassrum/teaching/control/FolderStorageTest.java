package se.klassrum.teaching.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The storage contract against a folder. */
class FolderStorageTest extends FileStorageContract {

    @Override
    FileStorage storage() {
        return new FolderStorage(work.resolve("files"));
    }

    @Test
    void aKeyThatIsAPathIsRefused() {
        FileStorage storage = storage();

        assertThatThrownBy(() -> storage.open("../../postgres-password")).isInstanceOf(IllegalArgumentException.class);
    }
}
