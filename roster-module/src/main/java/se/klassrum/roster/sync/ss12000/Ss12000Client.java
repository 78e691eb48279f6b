package se.klassrum.roster.sync.ss12000;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads the student register's SS 12000 v2.1 API through its MicroProfile Rest Client ({@link Ss12000Api}): every
 * page of a list endpoint (following {@code pageToken}, which the standard lets be combined only with
 * {@code limit}), all of it or only what was modified after a time ({@code meta.modified.after}), and the ids
 * deleted after a time ({@code /deletedEntities}).
 * <p>
 * Each request goes through {@link Ss12000Requests}, whose Fault Tolerance policy retries throttled (429), failing
 * (5xx) and unanswered requests; 401 and 403 fail at once with a message that says what to do. The JSON is read
 * leniently around the specification's known defects (DeletedEntities spells a key {@code activitites}; an unknown
 * property is never an error).
 */
public final class Ss12000Client {

    /** The keys of /deletedEntities that this client reads, with the spelling the specification uses for some. */
    private static final Map<String, String> DELETED_KEYS = Map.of(
            "organisations", "organisations", "persons", "persons", "placements", "placements", "duties", "duties",
            "groups", "groups", "activities", "activities", "activitites", "activities", "syllabuses", "syllabuses");

    private final Ss12000Settings settings;
    private final Ss12000Api api;
    private final Ss12000Requests requests;

    private final Ss12000Tokens tokens;

    /** @param tokens the same tokens the api's requests carry, renewed after a 401 */
    public Ss12000Client(Ss12000Settings settings, Ss12000Api api, Ss12000Requests requests, Ss12000Tokens tokens) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.api = Objects.requireNonNull(api, "api");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * A client on a new Rest Client for the settings' register, sending the bearer token with every request.
     *
     * @param requests the retry policy: the CDI bean in the container, or a plain instance (one attempt each)
     */
    public static Ss12000Client of(Ss12000Settings settings, Ss12000Requests requests) {
        Ss12000Tokens tokens = settings.clientCredentials() == null ? Ss12000Tokens.fixed(settings.token())
                : Ss12000Tokens.clientCredentials(settings.clientCredentials(), settings.timeout(), Clock.systemUTC());
        Ss12000Api api = RestClientBuilder.newBuilder()
                .baseUri(settings.baseUri())
                .connectTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .register((ClientRequestFilter) request -> request.getHeaders()
                        .putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token()))
                .register(Ss12000Refusals.class)
                .build(Ss12000Api.class);
        return new Ss12000Client(settings, api, requests, tokens);
    }

    public URI baseUri() {
        return settings.baseUri();
    }

    /**
     * Every entity of the endpoint, page by page.
     *
     * @param modifiedAfter only those modified after this time, or null for all
     * @throws Ss12000Exception when a page cannot be read, even after retries
     */
    public <T extends Ss12000Model.Entity> List<T> list(Endpoint<T> endpoint, Instant modifiedAfter) {
        String after = modifiedAfter == null ? null : rfc3339(modifiedAfter);
        List<T> entities = new ArrayList<>();
        // The standard lets a pageToken be combined with limit only: the filter goes with the first page alone.
        for (JsonObject page : pages(endpoint.name(),
                (token, limit) -> endpoint.request().page(api, token == null ? after : null, token, limit))) {
            JsonValue data = page.get("data");
            if (!(data instanceof JsonArray array)) {
                throw badAnswer(endpoint.name(), "the answer has no data list");
            }
            for (JsonValue item : array) {
                if (!(item instanceof JsonObject object)) {
                    throw badAnswer(endpoint.name(), "the data list holds something other than objects");
                }
                try {
                    entities.add(endpoint.reader().apply(object));
                } catch (IllegalArgumentException e) {
                    throw badAnswer(endpoint.name(), e.getMessage());
                }
            }
        }
        return entities;
    }

    /**
     * The ids deleted after the time, by entity type ("persons", "groups", ...; the specification's
     * "activitites" counts as "activities"). Types the answer leaves out have no entry.
     */
    public Map<String, Set<String>> deletedAfter(Instant after) {
        Map<String, Set<String>> deleted = new LinkedHashMap<>();
        String since = rfc3339(after);
        for (JsonObject page : pages("deletedEntities",
                (token, limit) -> api.deletedEntities(token == null ? since : null, token, limit))) {
            JsonValue data = page.get("data");
            if (!(data instanceof JsonObject lists)) {
                throw badAnswer("deletedEntities", "the answer has no data object");
            }
            lists.forEach((key, value) -> {
                String type = DELETED_KEYS.get(key);
                if (type != null && value instanceof JsonArray ids) {
                    Set<String> set = deleted.computeIfAbsent(type, k -> new LinkedHashSet<>());
                    ids.stream().filter(JsonString.class::isInstance).map(id -> ((JsonString) id).getString())
                            .forEach(set::add);
                }
            });
        }
        return deleted;
    }

    /** One page: the filters with no token (the first page), else the token only; {@code limit} with both. */
    @FunctionalInterface
    private interface PageRequest {
        String page(String pageToken, Integer limit);
    }

    private List<JsonObject> pages(String path, PageRequest request) {
        List<JsonObject> pages = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        Integer limit = settings.pageSize() > 0 ? settings.pageSize() : null;
        String token = null;
        do {
            String pageToken = token;
            JsonObject page = object(path, send(path, pageToken == null, () -> request.page(pageToken, limit)));
            pages.add(page);
            JsonValue next = page.get("pageToken");
            token = next instanceof JsonString string && !string.getString().isEmpty() ? string.getString() : null;
            if (token != null && !tokens.add(token)) {
                throw badAnswer(path, "the register sent the same pageToken twice");
            }
        } while (token != null);
        return pages;
    }

    /** @param firstPage whether this is the first page, whose 404 or 501 says the register does not offer the path */
    private String send(String path, boolean firstPage, Supplier<String> call) {
        // Obtained (or renewed) here rather than in the request's filter, so that a token endpoint's refusal is said
        // as such; the filter then finds the same token.
        String token = tokens.token();
        try {
            return sendOnce(path, firstPage, call);
        } catch (Ss12000Exception refused) {
            // A token revoked or expired early: once more with a new one, when one can be had.
            if (refused.reason() == Ss12000Exception.Reason.UNAUTHORISED && tokens.refused(token)) {
                tokens.token();
                return sendOnce(path, firstPage, call);
            }
            throw refused;
        }
    }

    private String sendOnce(String path, boolean firstPage, Supplier<String> call) {
        Ss12000Request request = new Ss12000Request(call);
        try {
            return requests.send(request);
        } catch (Ss12000Busy | ProcessingException unavailable) {
            throw new Ss12000Exception(Ss12000Exception.Reason.UNAVAILABLE,
                    unavailable instanceof Ss12000Busy busy ? busy.status() : 0,
                    "the student register did not answer GET /" + path + " after " + request.attempts()
                            + (request.attempts() == 1 ? " attempt" : " attempts") + " (last: "
                            + request.lastProblem() + "); nothing was written, and the next sync tries again",
                    unavailable);
        } catch (Ss12000Refusal refused) {
            if (firstPage && (refused.status() == 404 || refused.status() == 501)) {
                throw new Ss12000Exception(Ss12000Exception.Reason.NOT_OFFERED, refused.status(), "the student register"
                        + " does not offer GET /" + path + " (HTTP " + refused.status() + ")", refused);
            }
            throw switch (refused.status()) {
                case 401 -> new Ss12000Exception(Ss12000Exception.Reason.UNAUTHORISED, 401, "the student register"
                        + " refused Klassrum's token for GET /" + path + " (HTTP 401): " + tokens.advice(), refused);
                case 403 -> new Ss12000Exception(Ss12000Exception.Reason.FORBIDDEN, 403, "the student register"
                        + " does not let Klassrum's token read /" + path + " (HTTP 403): ask the register's"
                        + " administrator to grant it" + refused.registerMessage(), refused);
                default -> badAnswer(path, "HTTP " + refused.status() + refused.registerMessage());
            };
        }
    }

    private static JsonObject object(String path, String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw badAnswer(path, "the answer is not a JSON object");
        }
    }

    private static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Ss12000Exception badAnswer(String path, String what) {
        return new Ss12000Exception(Ss12000Exception.Reason.BAD_ANSWER, 0,
                "the student register's answer to GET /" + path + " cannot be used: " + what, null);
    }
}
