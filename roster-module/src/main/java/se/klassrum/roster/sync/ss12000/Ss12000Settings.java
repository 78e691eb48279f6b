package se.klassrum.roster.sync.ss12000;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the student register's SS 12000 API is and how to call it.
 *
 * @param baseUri           the API's root, e.g. https://register.example.se/v2.0 (the paths /persons, ... follow it)
 * @param token             the fixed bearer token the register issued to Klassrum, or null with client credentials
 * @param pageSize          the {@code limit} asked for per page, or 0 to let the register choose
 * @param timeout           how long connecting, and then waiting for an answer, may take per request
 * @param clientCredentials how to get short-lived tokens from the register's token endpoint, or null with a token
 */
public record Ss12000Settings(URI baseUri, String token, int pageSize, Duration timeout,
                              ClientCredentials clientCredentials) {

    /**
     * The OAuth 2.0 client credentials grant at the register's token endpoint.
     *
     * @param scope the scope to ask for (space-separated), or null for the endpoint's default
     */
    public record ClientCredentials(URI tokenUri, String clientId, String secret, String scope) {

        public ClientCredentials {
            Objects.requireNonNull(tokenUri, "tokenUri");
            if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("client credentials need a client id and a secret");
            }
        }

        @Override
        public String toString() {
            return "ClientCredentials[tokenUri=" + tokenUri + ", clientId=" + clientId + ", secret=(hidden), scope="
                    + scope + "]";
        }
    }

    /** A register that issued a fixed bearer token. */
    public Ss12000Settings(URI baseUri, String token, int pageSize, Duration timeout) {
        this(baseUri, token, pageSize, timeout, null);
    }

    public Ss12000Settings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(timeout, "timeout");
        boolean fixed = token != null && !token.isBlank();
        if (fixed == (clientCredentials != null)) {
            throw new IllegalArgumentException("an SS 12000 API needs either a bearer token or client credentials");
        }
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize must not be negative");
        }
        String root = baseUri.toString();
        if (root.endsWith("/")) {
            baseUri = URI.create(root.substring(0, root.length() - 1));
        }
    }

    @Override
    public String toString() {
        return "Ss12000Settings[baseUri=" + baseUri + ", token=" + (token == null ? "none" : "(hidden)") + ", pageSize="
                + pageSize + ", timeout=" + timeout + ", clientCredentials=" + clientCredentials + "]";
    }
}
