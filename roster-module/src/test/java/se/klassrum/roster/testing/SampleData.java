package se.klassrum.roster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The sample roster files in the shared folder beside the checkout ({@code ../shared/data}), which tests
 * must never change: they copy a set into a temporary folder before corrupting it. The system property
 * {@code klassrum.shared.data} names another folder.
 */
public final class SampleData {

    private SampleData() {
    }

    public static Path sdsV21() {
        return folder("sds-v2.1");
    }

    public static Path sdsV1() {
        return folder("sds-v1-100-users");
    }

    public static Path folder(String name) {
        String configured = System.getProperty("klassrum.shared.data");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).resolve(name);
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("data").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path beside = at.resolveSibling("shared").resolve("data").resolve(name);
            if (at.getParent() != null && Files.isDirectory(beside)) {
                return beside;
            }
        }
        throw new IllegalStateException("the sample folder shared/data/" + name + " was not found above "
                + Path.of("").toAbsolutePath());
    }

    /** Copies the files of a sample set into {@code target} (created if need be) and returns it. */
    public static Path copy(Path sample, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(sample)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(file.getFileName().toString());
                    Files.copy(file, copy);
                    copy.toFile().setWritable(true);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
