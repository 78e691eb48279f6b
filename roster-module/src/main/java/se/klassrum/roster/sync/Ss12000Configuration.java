package se.klassrum.roster.sync;

import se.klassrum.roster.sync.ss12000.Ss12000Settings;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings of the SS 12000 sync, from MicroProfile Config (so also from environment variables: the key
 * {@code klassrum.ss12000.base-url} is {@code KLASSRUM_SS12000_BASE_URL}, and so on):
 * <ul>
 *   <li>{@code klassrum.ss12000.base-url}: the API's root, e.g. https://register.example.se/v2.0; unset: no sync.
 *       https, because the token goes with every request (http only to this machine, for tests)</li>
 *   <li>{@code klassrum.ss12000.token}: a fixed bearer token; or else</li>
 *   <li>{@code klassrum.ss12000.token-url}, {@code client-id}, {@code client-secret} (and optionally {@code scope}):
 *       OAuth 2.0 client credentials at the register's token endpoint, for registers that hand out short-lived
 *       tokens (one of the two is required with a base URL)</li>
 *   <li>{@code klassrum.ss12000.tenant}: the id of the tenant the register feeds (required with a base URL)</li>
 *   <li>{@code klassrum.ss12000.interval}: how often to sync, an ISO 8601 duration such as PT15M; unset: never by
 *       itself, only when started through the API</li>
 *   <li>{@code klassrum.ss12000.page-size}: the {@code limit} per page (default: the register chooses)</li>
 *   <li>{@code klassrum.ss12000.timeout}: per request (default PT60S)</li>
 *   <li>{@code klassrum.ss12000.overlap}: how far a delta looks back before the previous read began (default PT5M)</li>
 *   <li>{@code klassrum.ss12000.full-read-after}: after this many runs in a row whose reading of the changes failed,
 *       the next run reads the whole register instead (default 3)</li>
 * </ul>
 * An installation that serves several organisations, each with a register of its own, names them in
 * {@code klassrum.ss12000.registers} (e.g. {@code norra,solbacka}) and sets the same keys under each name:
 * {@code klassrum.ss12000.norra.base-url} ({@code KLASSRUM_SS12000_NORRA_BASE_URL}), and so on. The keys without a
 * name are one more register beside them. An organisation has at most one register.
 * <p>
 * How throttled and failing requests are retried is MicroProfile Fault Tolerance's policy on
 * {@link se.klassrum.roster.sync.ss12000.Ss12000Requests}, also set through MicroProfile Config.
 *
 * @param name     the register's name in the settings, or "" for the keys without one
 * @param interval null when the sync is not scheduled
 */
public record Ss12000Configuration(String name, UUID tenantId, Ss12000Settings settings, Duration interval,
                                   Duration overlap, int fullReadAfter) {

    public static final String PREFIX = "klassrum.ss12000.";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Every register set up: the one of the keys without a name, and each one {@code klassrum.ss12000.registers}
     * names.
     *
     * @param property a setting by key, as MicroProfile Config gives it (empty for unset or empty)
     * @throws IllegalArgumentException naming the setting and its environment variable, for a value that is wrong, a
     *                                  name that is not lower-case letters, digits and dashes, or an organisation
     *                                  with two registers
     */
    public static List<Ss12000Configuration> readAll(Function<String, Optional<String>> property) {
        List<Ss12000Configuration> registers = new ArrayList<>();
        read(property).ifPresent(registers::add);
        Optional<String> names = property.apply(PREFIX + "registers").map(String::trim).filter(v -> !v.isEmpty());
        for (String name : names.map(list -> list.split(",")).orElse(new String[0])) {
            String trimmed = name.trim();
            if (!NAME.matcher(trimmed).matches()) {
                throw new IllegalArgumentException(PREFIX + "registers (" + environmentVariable("registers")
                        + ") names '" + trimmed + "'; expected names of lower-case letters, digits and dashes,"
                        + " separated by commas");
            }
            registers.add(read(property, trimmed).orElseThrow(() -> new IllegalArgumentException(PREFIX + "registers ("
                    + environmentVariable("registers") + ") names '" + trimmed + "', but " + PREFIX + trimmed
                    + ".base-url (" + environmentVariable(trimmed + ".base-url") + ") is not set")));
        }
        Map<UUID, String> tenants = new LinkedHashMap<>();
        for (Ss12000Configuration register : registers) {
            String other = tenants.putIfAbsent(register.tenantId(), register.describe());
            if (other != null) {
                throw new IllegalArgumentException("the SS 12000 registers " + other + " and " + register.describe()
                        + " both feed the organisation " + register.tenantId() + "; an organisation has one register");
            }
        }
        return List.copyOf(registers);
    }

    /** The register as the settings name it: "'norra'", or "without a name". */
    public String describe() {
        return describe(name);
    }

    private static String describe(String name) {
        return name.isEmpty() ? "without a name" : "'" + name + "'";
    }

    /**
     * @param property a setting by key, as MicroProfile Config gives it (empty for unset or empty)
     * @return empty when no base URL is set: the sync is off
     * @throws IllegalArgumentException naming the setting and its environment variable, for a value that is wrong
     */
    public static Optional<Ss12000Configuration> read(Function<String, Optional<String>> property) {
        return read(property, "");
    }

    /** The register of the keys under {@code klassrum.ss12000.<name>.}, or without a name for "". */
    private static Optional<Ss12000Configuration> read(Function<String, Optional<String>> property, String name) {
        String at = name.isEmpty() ? "" : name + ".";
        Optional<String> baseUrl = value(property, at + "base-url");
        if (baseUrl.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.get());
        } catch (IllegalArgumentException e) {
            throw wrong(at + "base-url", baseUrl.get(), "an address such as https://register.example.se/v2.0");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !("http".equalsIgnoreCase(uri.getScheme()) && loopback(uri.getHost()))) {
            // The bearer token travels with every request: plain http only to this machine.
            throw wrong(at + "base-url", baseUrl.get(), "an https address such as https://register.example.se/v2.0");
        }
        Optional<String> token = value(property, at + "token");
        Optional<String> tokenUrl = value(property, at + "token-url");
        Optional<String> clientId = value(property, at + "client-id");
        Optional<String> clientSecret = value(property, at + "client-secret");
        Ss12000Settings.ClientCredentials credentials = null;
        if (tokenUrl.isPresent() || clientId.isPresent() || clientSecret.isPresent()) {
            if (token.isPresent()) {
                throw new IllegalArgumentException("the SS 12000 register " + describe(name) + " has both a token ("
                        + environmentVariable(at + "token") + ") and client credentials ("
                        + environmentVariable(at + "token-url") + ", ...); set one of them");
            }
            URI tokenUri;
            String url = tokenUrl.orElseThrow(() -> missing(at + "token-url", at + "client-id"));
            try {
                tokenUri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw wrong(at + "token-url", url, "the register's OAuth 2.0 token endpoint, such as"
                        + " https://login.register.example.se/oauth2/token");
            }
            if (!"https".equalsIgnoreCase(tokenUri.getScheme())
                    && !("http".equalsIgnoreCase(tokenUri.getScheme()) && loopback(tokenUri.getHost()))) {
                // The client secret travels with every token request: plain http only to this machine.
                throw wrong(at + "token-url", url, "an https address such as https://login.register.example.se/oauth2/token");
            }
            credentials = new Ss12000Settings.ClientCredentials(tokenUri,
                    clientId.orElseThrow(() -> missing(at + "client-id", at + "token-url")),
                    clientSecret.orElseThrow(() -> missing(at + "client-secret", at + "token-url")),
                    value(property, at + "scope").orElse(null));
        } else if (token.isEmpty()) {
            throw new IllegalArgumentException("the SS 12000 sync needs " + PREFIX + at + "token ("
                    + environmentVariable(at + "token") + "), or client credentials (" + PREFIX + at + "token-url, "
                    + PREFIX + at + "client-id and " + PREFIX + at + "client-secret), when " + PREFIX + at
                    + "base-url is set");
        }
        String tenant = value(property, at + "tenant").orElseThrow(() -> missing(at + "tenant", at + "base-url"));
        UUID tenantId;
        try {
            tenantId = UUID.fromString(tenant);
        } catch (IllegalArgumentException e) {
            throw wrong(at + "tenant", tenant, "the tenant's id (a UUID)");
        }
        Duration interval = duration(property, at + "interval", null);
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            interval = null;
        }
        int pageSize = number(property, at + "page-size", 0);
        Duration timeout = duration(property, at + "timeout", Duration.ofSeconds(60));
        Duration overlap = duration(property, at + "overlap", Duration.ofMinutes(5));
        int fullReadAfter = number(property, at + "full-read-after", 3);
        if (fullReadAfter < 1) {
            throw wrong(at + "full-read-after", Integer.toString(fullReadAfter), "a number of runs, at least 1");
        }
        Ss12000Settings settings = new Ss12000Settings(uri, token.orElse(null), pageSize, timeout, credentials);
        return Optional.of(new Ss12000Configuration(name, tenantId, settings, interval, overlap, fullReadAfter));
    }

    /** The environment variable that sets a key, as MicroProfile Config maps it. */
    public static String environmentVariable(String key) {
        return (PREFIX + key).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    private static Optional<String> value(Function<String, Optional<String>> property, String key) {
        return property.apply(PREFIX + key).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static Duration duration(Function<String, Optional<String>> property, String key, Duration otherwise) {
        Optional<String> text = value(property, key);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            return Duration.parse(text.get());
        } catch (DateTimeParseException e) {
            throw wrong(key, text.get(), "an ISO 8601 duration such as PT15M");
        }
    }

    private static int number(Function<String, Optional<String>> property, String key, int otherwise) {
        Optional<String> text = value(property, key);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(text.get());
            if (number < 0) {
                throw wrong(key, text.get(), "a number not below 0");
            }
            return number;
        } catch (NumberFormatException e) {
            throw wrong(key, text.get(), "a whole number");
        }
    }

    private static IllegalArgumentException missing(String key, String baseUrl) {
        return new IllegalArgumentException("the SS 12000 sync needs " + PREFIX + key + " (" + environmentVariable(key)
                + ") when " + PREFIX + baseUrl + " is set");
    }

    private static IllegalArgumentException wrong(String key, String value, String expected) {
        String shown = key.endsWith("token") || key.endsWith("secret") ? "(hidden)" : "'" + value + "'";
        return new IllegalArgumentException(PREFIX + key + " (" + environmentVariable(key) + ") is " + shown
                + "; expected " + expected);
    }
}
