package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import se.klassrum.teaching.entity.FileRefusedException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Takes an uploaded file in: spools it to a temporary file (never held in memory), at most the size limit, and
 * sniffs its type from its bytes; the type the client names is not asked. A refused file leaves nothing behind.
 */
@ApplicationScoped
public class Uploads {

    private static final Tika TIKA = new Tika();

    @Inject
    FileSettings settings;

    /** An upload taken in, waiting in a temporary file to be stored; {@link #close} removes the temporary file. */
    public record Upload(Path file, String name, String mediaType, long size) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads the upload to its end or to the size limit.
     *
     * @param declaredName the file name the client gave; kept for the download, a hint for the type at most
     * @throws FileRefusedException when it is larger than the limit or of a type not allowed
     */
    public Upload receive(String declaredName, InputStream content) throws IOException {
        String name = fileName(declaredName);
        long limit = settings.maxBytes();
        Path file = Files.createTempFile("klassrum-upload-", ".part");
        boolean kept = false;
        try {
            long size = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = content.read(buffer)) > 0; ) {
                    size += read;
                    if (size > limit) {
                        throw new FileRefusedException(FileRefusedException.Reason.TOO_LARGE,
                                "Filen " + name + " är större än " + readable(limit),
                                "The file " + name + " is larger than " + readable(limit));
                    }
                    out.write(buffer, 0, read);
                }
            }
            String type = sniff(file, name);
            if (!settings.allowedTypes().contains(type)) {
                throw new FileRefusedException(FileRefusedException.Reason.TYPE_NOT_ALLOWED,
                        "Filer av typen " + type + " tas inte emot (" + name + ")",
                        "Files of the type " + type + " are not accepted (" + name + ")");
            }
            kept = true;
            return new Upload(file, name, type, size);
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The type as the bytes show it; the name only refines a container format (a .docx is a zip file). */
    static String sniff(Path file, String name) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return MediaType.parse(TIKA.getDetector().detect(in, metadata).toString()).getBaseType().toString()
                    .toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The name to show and to download under: its last path segment, without control characters, at most 200
     * characters; "fil" when nothing is left.
     */
    static String fileName(String declared) {
        String name = declared == null ? "" : declared;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
        if (name.length() > 200) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 200 - extension.length()) + extension;
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "fil" : name;
    }

    /** The limit as people read it: "25 MB", "64 kB". */
    static String readable(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0))
                : String.format(Locale.ROOT, "%.0f kB", Math.ceil(bytes / 1024.0));
    }
}
