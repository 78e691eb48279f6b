package se.klassrum.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The launcher's settings, named like the application's MicroProfile Config properties: a system property
 * {@code klassrum.http.port} or the environment variable {@code KLASSRUM_HTTP_PORT}; the system property
 * wins, an empty value counts as unset (as in MicroProfile Config).
 */
record Settings(
        int httpPort,
        Path dataDirectory,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        int embeddedDatabasePort,
        String serverJvmOptions,
        boolean startupCache,
        boolean clustered,
        String clusterName,
        Optional<String> clusterPassword) {

    static final int DEFAULT_HTTP_PORT = 8080;
    static final String DEFAULT_CLUSTER_NAME = "klassrum";
    static final int MIN_CLUSTER_PASSWORD_LENGTH = 16;

    Settings {
        if (clustered && clusterPassword.map(String::length).orElse(0) < MIN_CLUSTER_PASSWORD_LENGTH) {
            throw new InvalidSetting("KLASSRUM_CLUSTER=true needs KLASSRUM_CLUSTER_PASSWORD, a secret of at least "
                    + MIN_CLUSTER_PASSWORD_LENGTH + " characters shared by the nodes, so that no other installation can join the cluster");
        }
    }

    static Settings from(UnaryOperator<String> systemProperties, Map<String, String> environment) {
        Source source = new Source(systemProperties, environment);
        return new Settings(
                source.port("klassrum.http.port", DEFAULT_HTTP_PORT),
                Path.of(source.get("klassrum.data.dir").orElse("data")).toAbsolutePath().normalize(),
                source.get("klassrum.db.url"),
                source.get("klassrum.db.user").orElse("klassrum"),
                source.get("klassrum.db.password").orElse("klassrum"),
                source.port("klassrum.embedded-db.port", 0),
                source.get("klassrum.server.jvm-options").orElse("-Xmx1g"),
                Boolean.parseBoolean(source.get("klassrum.startup-cache").orElse("true")),
                Boolean.parseBoolean(source.get("klassrum.cluster").orElse("false")),
                source.get("klassrum.cluster.name").orElse(DEFAULT_CLUSTER_NAME),
                source.get("klassrum.cluster.password"));
    }

    static Settings fromProcess() {
        return from(System::getProperty, System.getenv());
    }

    boolean usesEmbeddedDatabase() {
        return databaseUrl.isEmpty();
    }

    /** Bad settings are the user's input: reported in one line, never as a stack trace. */
    static final class InvalidSetting extends RuntimeException {
        InvalidSetting(String message) {
            super(message);
        }
    }

    private record Source(UnaryOperator<String> systemProperties, Map<String, String> environment) {

        Optional<String> get(String property) {
            String value = systemProperties.apply(property);
            if (value == null || value.isBlank()) {
                value = environment.get(environmentName(property));
            }
            return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
        }

        int port(String property, int defaultPort) {
            Optional<String> value = get(property);
            if (value.isEmpty()) {
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(value.get());
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // reported below, with the setting's name
            }
            throw new InvalidSetting(environmentName(property) + " must be a port number between 0 and 65535, not '"
                    + value.get() + "'");
        }
    }

    /** MicroProfile Config's mapping: every character that is not a letter or digit becomes '_', upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
