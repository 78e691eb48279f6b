package se.klassrum.teaching.control;

import org.junit.jupiter.api.Test;
import se.klassrum.teaching.entity.FileRefusedException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an upload is taken for: its bytes decide the type, not its name or the client; the limit holds. */
class UploadsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    private final Uploads uploads = uploads(1024 * 1024);

    @Test
    void thePictureIsAPictureWhateverItsName() throws Exception {
        try (Uploads.Upload upload = uploads.receive("rapport.pdf", new ByteArrayInputStream(PNG_SIGNATURE))) {
            assertThat(upload.mediaType()).isEqualTo("image/png");
            assertThat(upload.size()).isEqualTo(PNG_SIGNATURE.length);
            assertThat(upload.name()).isEqualTo("rapport.pdf");
        }
    }

    @Test
    void aWordDocumentIsKnownFromItsZipAndName() throws Exception {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(docx)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        try (Uploads.Upload upload = uploads.receive("uppsats.docx", new ByteArrayInputStream(docx.toByteArray()))) {
            assertThat(upload.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
    }

    @Test
    void aPagePassedOffAsAPdfIsRefusedAndNothingIsLeft() {
        byte[] page = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> uploads.receive("schema.pdf", new ByteArrayInputStream(page)))
                .isInstanceOfSatisfying(FileRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(FileRefusedException.Reason.TYPE_NOT_ALLOWED);
                    assertThat(refused.english()).contains("text/html");
                });
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitNamed() {
        Uploads small = uploads(64 * 1024);

        assertThatThrownBy(() -> small.receive("film.mp4", new ByteArrayInputStream(new byte[64 * 1024 + 1])))
                .isInstanceOfSatisfying(FileRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(FileRefusedException.Reason.TOO_LARGE);
                    assertThat(refused.swedish()).contains("större än 64 kB");
                });
    }

    @Test
    void aFileOfExactlyTheLimitIsTakenAndItsTemporaryFileGoesWithIt() throws Exception {
        Uploads small = uploads(4096);
        byte[] text = "a".repeat(4096).getBytes(StandardCharsets.US_ASCII);

        Uploads.Upload upload = small.receive("anteckningar.txt", new ByteArrayInputStream(text));
        assertThat(upload.mediaType()).isEqualTo("text/plain");
        assertThat(upload.file()).hasSize(4096);
        upload.close();

        assertThat(Files.exists(upload.file())).isFalse();
    }

    @Test
    void theNameKeepsOnlyItsLastSegmentWithoutControlCharacters() {
        assertThat(Uploads.fileName("C:\\fakepath\\..\\lab\u0000b rapport.pdf")).isEqualTo("labb rapport.pdf");
        assertThat(Uploads.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.fileName("..")).isEqualTo("fil");
        assertThat(Uploads.fileName(null)).isEqualTo("fil");
        assertThat(Uploads.fileName("a".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
    }

    private static Uploads uploads(long maxBytes) {
        Uploads uploads = new Uploads();
        uploads.settings = new FileSettings();
        uploads.settings.maxBytes = maxBytes;
        uploads.settings.types = FileSettings.DEFAULT_TYPES;
        return uploads;
    }
}
