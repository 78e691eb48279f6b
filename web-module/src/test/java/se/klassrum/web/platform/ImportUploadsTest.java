package se.klassrum.web.platform;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an administrator uploads becomes a folder of roster files, or is refused with the file named. */
class ImportUploadsTest {

    private final ImportUploads uploads = new ImportUploads();

    record File(String name, byte[] content) implements ImportUploads.Upload {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(content);
        }
    }

    @Test
    void csvFilesOfAFolderUploadKeepTheirOwnNames() throws IOException {
        Path folder = uploads.stage(List.of(file("roster/orgs.csv", "a"), file("roster\\users.csv", "b")));
        try {
            assertThat(names(folder)).containsExactlyInAnyOrder("orgs.csv", "users.csv");
            assertThat(Files.readString(folder.resolve("users.csv"))).isEqualTo("b");
        } finally {
            ImportUploads.delete(folder);
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void aZipGivesItsCsvFilesWithoutFoldersAndLeavesTheRestOut() throws IOException {
        byte[] zip = zip("export/orgs.csv", "a", "export/sub/users.csv", "b", "export/readme.txt", "c",
                "__MACOSX/._orgs.csv", "d", "../../etc/evil.csv", "e");
        Path folder = uploads.stage(List.of(new File("Export.ZIP", zip)));
        try {
            assertThat(names(folder)).containsExactlyInAnyOrder("orgs.csv", "users.csv", "evil.csv");
            assertThat(folder.getParent().resolve("etc")).doesNotExist();
        } finally {
            ImportUploads.delete(folder);
        }
    }

    @Test
    void anythingElseIsRefusedWithItsNameAndNothingIsLeftBehind() throws IOException {
        assertThatThrownBy(() -> uploads.stage(List.of(file("orgs.csv", "a"), file("notes.txt", "b"))))
                .isInstanceOf(ImportUploads.RefusedUpload.class).hasMessageContaining("notes.txt");
        assertThatThrownBy(() -> uploads.stage(List.of()))
                .isInstanceOf(ImportUploads.RefusedUpload.class);
        assertThatThrownBy(() -> uploads.stage(List.of(new File("empty.zip", zip("readme.txt", "x")))))
                .isInstanceOf(ImportUploads.RefusedUpload.class).hasMessageContaining("no CSV files");
        List<ImportUploads.Upload> tooMany = new ArrayList<>();
        for (int i = 0; i <= ImportUploads.MAX_FILES; i++) {
            tooMany.add(file("file" + i + ".csv", "x"));
        }
        assertThatThrownBy(() -> uploads.stage(tooMany)).isInstanceOf(ImportUploads.RefusedUpload.class)
                .hasMessageContaining("At most " + ImportUploads.MAX_FILES);
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(path -> path.getFileName().toString().startsWith("klassrum-import-"))
                    .filter(path -> path.toFile().lastModified() > System.currentTimeMillis() - 5_000))
                    .as("no staged folder left behind").isEmpty();
        }
    }

    private static File file(String name, String content) {
        return new File(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
