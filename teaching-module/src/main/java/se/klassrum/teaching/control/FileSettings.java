package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The settings of attachments (README.md, "Settings"): where files are stored, how large one may be and which types
 * are taken. Produces the one {@link FileStorage} of the application.
 */
@ApplicationScoped
public class FileSettings {

    private static final Logger LOG = Logger.getLogger(FileSettings.class.getName());

    /**
     * Documents, images, PDF, office formats, and audio and video within the size limit. No HTML, SVG or script: a
     * file is never a page of this site.
     */
    static final String DEFAULT_TYPES = "application/pdf,text/plain,text/csv,image/jpeg,image/png,image/gif,image/webp,image/heic,"
            + "image/heif,application/msword,application/vnd.ms-excel,application/vnd.ms-powerpoint,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
            + "application/vnd.openxmlformats-officedocument.presentationml.presentation,"
            + "application/vnd.oasis.opendocument.text,application/vnd.oasis.opendocument.spreadsheet,"
            + "application/vnd.oasis.opendocument.presentation,audio/mpeg,audio/mp4,audio/ogg,"
            + "audio/vnd.wave,audio/webm,video/mp4,video/quicktime,video/webm";

    @Inject
    @ConfigProperty(name = "klassrum.data.dir", defaultValue = "data")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "klassrum.files.store", defaultValue = "folder")
    String store;

    @Inject
    @ConfigProperty(name = "klassrum.files.dir")
    Optional<String> directory;

    @Inject
    @ConfigProperty(name = "klassrum.files.max-bytes", defaultValue = "26214400")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "klassrum.files.types", defaultValue = DEFAULT_TYPES)
    String types;

    @Inject
    @ConfigProperty(name = "klassrum.files.s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "klassrum.files.s3.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "klassrum.files.s3.bucket")
    Optional<String> bucket;

    @Inject
    @ConfigProperty(name = "klassrum.files.s3.prefix", defaultValue = "attachments/")
    String prefix;

    @Inject
    @ConfigProperty(name = "klassrum.files.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "klassrum.files.s3.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "klassrum.files.s3.path-style", defaultValue = "false")
    boolean pathStyle;

    @Inject
    @ConfigProperty(name = "klassrum.files.s3.timeout-seconds", defaultValue = "30")
    long timeoutSeconds;

    /** The largest file taken, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The media types taken, as sniffed from the bytes. */
    public Set<String> allowedTypes() {
        return Arrays.stream(types.split(",")).map(String::trim).filter(type -> !type.isEmpty())
                .map(type -> type.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Produces
    @ApplicationScoped
    FileStorage storage() {
        FileStorage storage = switch (store.trim().toLowerCase(Locale.ROOT)) {
            case "folder" -> new FolderStorage(directory.map(Path::of).orElse(Path.of(dataDirectory, "files")));
            case "s3" -> new S3Storage(new S3Storage.Settings(endpoint.map(URI::create).orElse(null), region,
                    bucket.orElseThrow(() -> new IllegalStateException(
                            "KLASSRUM_FILES_STORE=s3 needs KLASSRUM_FILES_S3_BUCKET")),
                    prefix, accessKey.orElse(null), secretKey.orElse(null), pathStyle,
                    Duration.ofSeconds(timeoutSeconds)));
            default -> throw new IllegalStateException("KLASSRUM_FILES_STORE must be folder or s3, not " + store);
        };
        LOG.info("Attachments are stored in " + storage);
        return storage;
    }

    void close(@Disposes FileStorage storage) {
        if (storage instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warning("Could not close the file storage: " + e);
            }
        }
    }
}
