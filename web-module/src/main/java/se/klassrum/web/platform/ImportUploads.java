package se.klassrum.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.klassrum.roster.boundary.RosterImports;
import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportNotAdmitted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Roster files as they are uploaded (the API's multipart parts, the import page's files or folder): each CSV file,
 * or the CSV files of a zip, copied into a temporary folder of their own, which the import reads and which is deleted
 * when it ends. Only file names a roster format uses are taken ({@code orgs.csv}, {@code Student.csv}…, without
 * the folders a folder or zip puts them in); anything else is refused with its name, before any import starts.
 */
@ApplicationScoped
public class ImportUploads {

    /** The most files one upload may hold, zip contents included. */
    public static final int MAX_FILES = 20;

    /** The most a zip may unpack to: a Stockholm-size register is about 100 MB; more is not a register's export. */
    static final long MAX_UNZIPPED_BYTES = 2L * 1024 * 1024 * 1024;

    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}\\.csv", Pattern.CASE_INSENSITIVE);

    /** How long the page waits for an import to be admitted (or to finish) before it shows it running. */
    private static final long ADMISSION_WAIT_SECONDS = 20;

    /** One uploaded file: its name as the client sent it, perhaps with folders, and its content. */
    public interface Upload {
        String name();

        InputStream open() throws IOException;
    }

    /** An upload that cannot be imported: no files, too many, or a name no roster format uses. */
    public static final class RefusedUpload extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String swedish;

        RefusedUpload(String swedish, String english) {
            super(english);
            this.swedish = swedish;
        }

        public String swedish() {
            return swedish;
        }

        public String english() {
            return getMessage();
        }
    }

    @Resource
    ManagedExecutorService executor;

    @Inject
    RosterImports imports;

    /**
     * Copies the uploads into a new temporary folder: CSV files as they are, the CSV files of a zip without its folders.
     *
     * @throws RefusedUpload when there is nothing to import, too much, or a file that is neither CSV nor zip; the
     *                       folder is deleted again then
     */
    public Path stage(List<? extends Upload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw new RefusedUpload("Välj CSV-filerna, mappen eller zip-filen att importera",
                    "Choose the CSV files, the folder or the zip file to import");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("klassrum-import-");
            int files = 0;
            for (Upload upload : uploads) {
                String name = lastSegment(upload.name());
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    files += unzip(upload, folder);
                } else {
                    copy(upload, name, folder);
                    files++;
                }
                if (files > MAX_FILES) {
                    throw new RefusedUpload("Högst " + MAX_FILES + " CSV-filer i en import", "At most " + MAX_FILES
                            + " CSV files in one import");
                }
            }
            if (files == 0) {
                throw new RefusedUpload("Zip-filen innehåller inga CSV-filer", "The zip file holds no CSV files");
            }
            return folder;
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException("could not store the uploaded files", e);
        } catch (RuntimeException refused) {
            delete(folder);
            throw refused;
        }
    }

    /**
     * Imports a staged folder on a thread of the server's own and deletes the folder when the import ends: the page
     * need not wait for a long import. Returns when the run is admitted, with its id, or when it has already ended.
     *
     * @return the run's id; null when the import was neither admitted nor refused within the wait (it goes on)
     * @throws ImportNotAdmitted when the organisation has a run in progress or the node imports as many as it may;
     *                           the folder is deleted then
     */
    public UUID importInBackground(UUID tenant, Path folder, String actor) {
        return importInBackground(tenant, folder, actor, false);
    }

    /** As {@link #importInBackground(UUID, Path, String)}; with {@code preview}, a preview that writes nothing. */
    public UUID importInBackground(UUID tenant, Path folder, String actor, boolean preview) {
        CompletableFuture<UUID> admitted = new CompletableFuture<>();
        executor.submit(() -> {
            try {
                ImportProgressListener listener = (runId, phase, done, total) -> admitted.complete(runId);
                UUID run = (preview ? imports.previewFolder(tenant, folder, actor, listener)
                        : imports.importFolder(tenant, folder, actor, listener)).runId();
                admitted.complete(run);
            } catch (RuntimeException | Error failed) {
                admitted.completeExceptionally(failed);
            } finally {
                delete(folder);
            }
        });
        try {
            return admitted.get(ADMISSION_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (TimeoutException stillWaiting) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Deletes a staged folder and what it holds; a folder that is already gone is fine. */
    public static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it up if we cannot
        }
    }

    private static int unzip(Upload upload, Path folder) throws IOException {
        int files = 0;
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(upload.open())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = lastSegment(entry.getName());
                if (entry.isDirectory() || name.startsWith(".") || !SAFE_FILE_NAME.matcher(name).matches()) {
                    continue;
                }
                if (++files > MAX_FILES) {
                    return files;
                }
                unpacked += copyAtMost(zip, folder.resolve(name), MAX_UNZIPPED_BYTES - unpacked);
            }
        }
        return files;
    }

    /** Copies the entry, refusing the upload once the zip as a whole unpacks to more than it may. */
    private static long copyAtMost(InputStream in, Path target, long allowed) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                copied += read;
                if (copied > allowed) {
                    throw new RefusedUpload("Zip-filen packas upp till mer än " + MAX_UNZIPPED_BYTES / (1024 * 1024)
                            + " MB", "The zip file unpacks to more than " + MAX_UNZIPPED_BYTES / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, read);
            }
        }
        return copied;
    }

    private static void copy(Upload upload, String name, Path folder) throws IOException {
        if (!SAFE_FILE_NAME.matcher(name).matches()) {
            throw new RefusedUpload("Inte en CSV- eller zip-fil: " + name, "Not a CSV or zip file: " + name);
        }
        try (InputStream content = upload.open()) {
            Files.copy(content, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The file's own name: a folder upload or a zip sends "roster/orgs.csv", and only "orgs.csv" is kept. */
    static String lastSegment(String name) {
        if (name == null) {
            return "";
        }
        String plain = name.replace('\\', '/');
        return plain.substring(plain.lastIndexOf('/') + 1).strip();
    }
}
