package se.klassrum.access.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The installation's audit key, read once from the settings: {@code klassrum.audit.key} (the key itself, at
 * least 32 characters) or {@code klassrum.audit.key-file} (a file holding it, e.g. a mounted secret). The
 * launcher makes a key file beside the embedded database on its first start.
 */
@ApplicationScoped
public class AuditKeys {

    private static final Logger LOG = Logger.getLogger(AuditKeys.class.getName());

    @Inject
    @ConfigProperty(name = "klassrum.audit.key")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "klassrum.audit.key-file")
    Optional<String> keyFile;

    private volatile HashChain.Key loaded;

    public HashChain.Key key() {
        HashChain.Key current = loaded;
        if (current == null) {
            current = read(key.filter(value -> !value.isBlank()), keyFile.filter(value -> !value.isBlank()));
            loaded = current;
        }
        return current;
    }

    static HashChain.Key read(Optional<String> key, Optional<String> keyFile) {
        if (key.isPresent()) {
            return HashChain.Key.of(key.get().strip().getBytes(StandardCharsets.UTF_8));
        }
        if (keyFile.isPresent()) {
            try {
                return HashChain.Key.of(Files.readString(Path.of(keyFile.get())).strip().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("the audit key file " + keyFile.get() + " cannot be read", e);
            }
        }
        LOG.warning("No audit key is set (KLASSRUM_AUDIT_KEY or KLASSRUM_AUDIT_KEY_FILE): the audit chain is hashed "
                + "without a key, and someone who can write to the database could rewrite it unnoticed");
        return HashChain.Key.none();
    }
}
