package se.klassrum.roster.sync.ss12000;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the student register's SS 12000 API is and how to call it.
 *
 * @param baseUri  the API's root, e.g. https://register.example.se/v2.0 (the paths /persons, ... follow it)
 * @param token    the bearer token the register issued to Klassrum
 * @param pageSize the {@code limit} asked for per page, or 0 to let the register choose
 * @param timeout  how long connecting, and then waiting for an answer, may take per request
 */
public record Ss12000Settings(URI baseUri, String token, int pageSize, Duration timeout) {

    public Ss12000Settings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(timeout, "timeout");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an SS 12000 API needs a bearer token");
        }
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize must not be negative");
        }
        String root = baseUri.toString();
        if (root.endsWith("/")) {
            baseUri = URI.create(root.substring(0, root.length() - 1));
        }
    }
}
