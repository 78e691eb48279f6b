package se.klassrum.roster.sync.ss12000;

import se.klassrum.roster.sync.Backoff;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import java.util.StringJoiner;

/**
 * Reads the student register's SS 12000 v2.1 API: every page of a list endpoint (following {@code pageToken},
 * which the standard lets be combined only with {@code limit}), all of it or only what was modified after a
 * time ({@code meta.modified.after}), and the ids deleted after a time ({@code /deletedEntities}).
 * <p>
 * Written on the JDK's HTTP client and JSON-P rather than a generated MicroProfile Rest Client: the same code
 * then runs in Payara and in a plain test, and the JSON is read leniently around the specification's known
 * defects (DeletedEntities spells a key {@code activitites}; an unknown property is never an error).
 * Throttled (429) and failing (5xx, no answer) requests are retried after the register's Retry-After or an
 * exponential {@link Backoff}; 401 and 403 fail at once with a message that says what to do.
 */
public final class Ss12000Client {

    /** The keys of /deletedEntities that this client reads, with the spelling the specification uses for some. */
    private static final Map<String, String> DELETED_KEYS = Map.of(
            "organisations", "organisations", "persons", "persons", "placements", "placements", "duties", "duties",
            "groups", "groups", "activities", "activities", "activitites", "activities", "syllabuses", "syllabuses");

    private final Ss12000Settings settings;
    private final HttpClient http;
    private final Backoff.Sleeper sleeper;

    public Ss12000Client(Ss12000Settings settings, HttpClient http, Backoff.Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A client with a new JDK HTTP client that waits for real between attempts. */
    public static Ss12000Client of(Ss12000Settings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new Ss12000Client(settings, http, Backoff.Sleeper.REAL);
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
        Map<String, String> filters = new LinkedHashMap<>();
        if (modifiedAfter != null) {
            filters.put("meta.modified.after", rfc3339(modifiedAfter));
        }
        List<T> entities = new ArrayList<>();
        for (JsonObject page : pages(endpoint.name(), filters)) {
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
        for (JsonObject page : pages("deletedEntities", Map.of("after", rfc3339(after)))) {
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

    private List<JsonObject> pages(String path, Map<String, String> filters) {
        List<JsonObject> pages = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            if (token == null) {
                query.putAll(filters);
            } else {
                query.put("pageToken", token);
            }
            if (settings.pageSize() > 0) {
                query.put("limit", Integer.toString(settings.pageSize()));
            }
            JsonObject page = get(path, query);
            pages.add(page);
            JsonValue next = page.get("pageToken");
            token = next instanceof JsonString string && !string.getString().isEmpty() ? string.getString() : null;
            if (token != null && !tokens.add(token)) {
                throw badAnswer(path, "the register sent the same pageToken twice");
            }
        } while (token != null);
        return pages;
    }

    private JsonObject get(String path, Map<String, String> query) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> parameters.add(encode(name) + "=" + encode(value)));
        URI uri = URI.create(settings.baseUri() + "/" + path + parameters);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json")
                .GET().build();
        Backoff backoff = settings.backoff();
        int lastStatus = 0;
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                lastStatus = response.statusCode();
                if (lastStatus == 200) {
                    return object(path, response.body());
                }
                if (lastStatus == 401) {
                    throw new Ss12000Exception(Ss12000Exception.Reason.UNAUTHORISED, lastStatus, "the student register"
                            + " refused Klassrum's token for GET /" + path + " (HTTP 401): check the token"
                            + " (KLASSRUM_SS12000_TOKEN) and that it has not expired", null);
                }
                if (lastStatus == 403) {
                    throw new Ss12000Exception(Ss12000Exception.Reason.FORBIDDEN, lastStatus, "the student register"
                            + " does not let Klassrum's token read /" + path + " (HTTP 403): ask the register's"
                            + " administrator to grant it" + errorMessage(response.body()), null);
                }
                if (lastStatus != 429 && lastStatus < 500) {
                    throw badAnswer(path, "HTTP " + lastStatus + errorMessage(response.body()));
                }
                retryAfter = response.headers().firstValue("Retry-After").map(Backoff::retryAfter).orElse(null);
            } catch (IOException noAnswer) {
                lastStatus = 0;
                if (attempt >= backoff.attempts()) {
                    throw unavailable(path, attempt, "no answer: " + noAnswer.getMessage(), noAnswer);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw unavailable(path, attempt, "interrupted", interrupted);
            }
            if (attempt >= backoff.attempts()) {
                throw unavailable(path, attempt, "HTTP " + lastStatus, null);
            }
            try {
                sleeper.sleep(backoff.delayAfter(attempt, retryAfter));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw unavailable(path, attempt, "interrupted", interrupted);
            }
        }
    }

    private static JsonObject object(String path, String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw badAnswer(path, "the answer is not a JSON object");
        }
    }

    /** ": message" from an SS 12000 Error body, or nothing. */
    private static String errorMessage(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            JsonObject error = reader.readObject();
            String message = Ss12000Model.text(error, "message");
            return message == null ? "" : ": " + message;
        } catch (RuntimeException notAnError) {
            return "";
        }
    }

    private static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Ss12000Exception badAnswer(String path, String what) {
        return new Ss12000Exception(Ss12000Exception.Reason.BAD_ANSWER, 0,
                "the student register's answer to GET /" + path + " cannot be used: " + what, null);
    }

    private static Ss12000Exception unavailable(String path, int attempts, String last, Throwable cause) {
        return new Ss12000Exception(Ss12000Exception.Reason.UNAVAILABLE, 0, "the student register did not answer"
                + " GET /" + path + " after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " (last: " + last
                + "); nothing was written, and the next sync tries again", cause);
    }
}
