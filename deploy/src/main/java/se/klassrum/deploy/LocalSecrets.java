package se.klassrum.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The secrets a single machine's Klassrum needs and nobody has set: the audit log's key and the paging cursors'
 * secret, each made once in the data folder, readable by its owner only, and kept across restarts (a new audit
 * key would make the chain written so far unverifiable). A secret set in the environment or as a system property
 * wins; a municipality that runs Klassrum elsewhere sets them as it sets its other secrets.
 */
final class LocalSecrets {

    static final String AUDIT_KEY_FILE = "audit.key";
    static final String CURSOR_SECRET_FILE = "cursor.secret";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    /**
     * The variables to give Payara Micro for the secrets that are not set.
     *
     * @param isSet whether a setting (by its environment variable name) already has a value
     */
    static Map<String, String> forServer(Path dataDirectory, java.util.function.Predicate<String> isSet) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (!isSet.test("KLASSRUM_AUDIT_KEY") && !isSet.test("KLASSRUM_AUDIT_KEY_FILE")) {
            variables.put("KLASSRUM_AUDIT_KEY_FILE", ensure(dataDirectory.resolve(AUDIT_KEY_FILE)).toString());
        }
        if (!isSet.test("KLASSRUM_CURSOR_SECRET")) {
            variables.put("KLASSRUM_CURSOR_SECRET", read(ensure(dataDirectory.resolve(CURSOR_SECRET_FILE))));
        }
        return variables;
    }

    /** The file, made with a new random secret when missing. */
    static Path ensure(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] secret = new byte[48];
                RANDOM.nextBytes(secret);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
                        StandardCharsets.UTF_8);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
