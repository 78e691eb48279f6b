package se.klassrum.roster.sync.graph;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import se.klassrum.roster.sync.Backoff;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reads Microsoft Graph for one school organisation's Microsoft tenant: a group's owners and members, the group and its
 * education class, the tenant's licence SKUs, and users' assigned licences through a delta query.
 * <p>
 * Signs in with the client credentials flow (a token per tenant, kept until shortly before it expires). Follows
 * {@code @odata.nextLink} to the last page, and a delta query to its {@code @odata.deltaLink}; links are followed
 * only to Graph's own address, so the token is never sent elsewhere. Throttling (429) and passing failures (5xx, no
 * answer) are retried after Graph's {@code Retry-After}, or after a doubling pause ({@link Backoff}), up to
 * {@link GraphSettings#attempts()} tries; a refusal (401 after a fresh token, 403) fails at once with a message that
 * says what to grant. Written on the JDK's HTTP client and JSON-P, so it runs the same in Payara and in a plain test.
 */
public final class GraphClient {

    /** An owner or member of a group: a user, or another kind of directory object (a device, a nested group). */
    public record DirectoryObject(String id, String type) {

        public boolean isUser() {
            return "#microsoft.graph.user".equals(type);
        }
    }

    /** A Microsoft group: its id and name. */
    public record Group(String id, String displayName) {
    }

    /**
     * A user whose licences changed: the SKU ids now assigned, or {@code removed} when the user left the directory
     * (or the query's scope). {@code skuIds} is null when the change did not touch the licences.
     */
    public record UserChange(String userId, Set<String> skuIds, boolean removed) {
    }

    /** The changes since the last delta link, and the link to ask from next time. */
    public record UserDelta(List<UserChange> changes, String deltaLink) {
    }

    /**
     * How a group's owners and members changed since a delta link, by user id (lower case): all of them as additions
     * when asked without a link. {@code groupRemoved} when the group itself left the directory; {@code notUsers}
     * counts the devices and nested groups among the additions, which give no membership.
     */
    public record GroupDelta(Map<String, Boolean> owners, Map<String, Boolean> members, boolean groupRemoved,
                             int notUsers, String deltaLink) {

        /** The changes applied to a listing: true adds the user, false removes it. */
        public static Set<String> apply(Set<String> listing, Map<String, Boolean> changes) {
            Set<String> result = new LinkedHashSet<>(listing);
            changes.forEach((user, added) -> {
                if (added) {
                    result.add(user);
                } else {
                    result.remove(user);
                }
            });
            return result;
        }
    }

    /**
     * Education users whose student or teacher record changed: their Entra object id (lower case) and the id the
     * student register gave them ({@code student.externalId}, else {@code teacher.externalId}), as School Data Sync
     * wrote it; users without one are left out.
     */
    public record EducationUserDelta(Map<String, String> externalIds, String deltaLink) {
    }

    private record Token(String value, Instant expires) {
    }

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);
    private final Backoff backoff;
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(2);

    private final GraphSettings settings;
    private final HttpClient http;
    private final Backoff.Sleeper sleeper;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public GraphClient(GraphSettings settings, HttpClient http, Backoff.Sleeper sleeper, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(settings.attempts(), FIRST_PAUSE, LONGEST_PAUSE);
    }

    /** A client with the JDK's HTTP client and real pauses. */
    public static GraphClient of(GraphSettings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new GraphClient(settings, http, Backoff.Sleeper.REAL, Clock.systemUTC());
    }

    /** The group's owners now, in full (to check who may connect it). */
    public List<DirectoryObject> owners(String tenant, String groupId) {
        return directoryObjects(tenant, "groups/" + segment(groupId) + "/owners?$select=id");
    }

    /** The group, or empty when the tenant has no group with that id. */
    public Optional<Group> group(String tenant, String groupId) {
        return getOptional(tenant, "groups/" + segment(groupId) + "?$select=id,displayName")
                .map(group -> new Group(group.getString("id"), group.getString("displayName", group.getString("id"))));
    }

    /**
     * The student register's id of the class a group is, as School Data Sync wrote it ({@code externalId} of the
     * education class); empty when the group is not an education class or has none.
     */
    public Optional<String> educationClassExternalId(String tenant, String groupId) {
        return getOptional(tenant, "education/classes/" + segment(groupId) + "?$select=id,externalId")
                .map(educationClass -> educationClass.getString("externalId", ""))
                .filter(id -> !id.isBlank());
    }

    /** The tenant's subscribed licences: SKU id to SKU part number. */
    public Map<String, String> subscribedSkus(String tenant) {
        Map<String, String> skus = new HashMap<>();
        for (JsonObject sku : pages(tenant, "subscribedSkus?$select=skuId,skuPartNumber")) {
            skus.put(sku.getString("skuId").toLowerCase(java.util.Locale.ROOT), sku.getString("skuPartNumber", ""));
        }
        return skus;
    }

    /**
     * Users' assigned licences: every user on the first call ({@code deltaLink} null), afterwards only the users that
     * changed since the link was handed out.
     */
    public UserDelta userLicences(String tenant, String deltaLink) {
        URI next = deltaLink == null ? settings.graphUrl().resolve("users/delta?$select=id,assignedLicenses")
                : graphLink(deltaLink);
        List<UserChange> changes = new ArrayList<>();
        String link = delta(tenant, next, "Microsoft Graph no longer knows the delta link of the last sync; it will"
                + " start over", user -> {
            String id = user.getString("id");
            if (user.containsKey("@removed")) {
                changes.add(new UserChange(id, Set.of(), true));
            } else if (user.containsKey("assignedLicenses")) {
                Set<String> skus = new LinkedHashSet<>();
                for (JsonValue licence : array(user, "assignedLicenses")) {
                    skus.add(licence.asJsonObject().getString("skuId").toLowerCase(java.util.Locale.ROOT));
                }
                changes.add(new UserChange(id, skus, false));
            } else {
                changes.add(new UserChange(id, null, false));
            }
        });
        return new UserDelta(changes, link);
    }

    /**
     * The owners and members of one group through the groups delta query ({@code members@delta},
     * {@code owners@delta}): every one of them on the first call ({@code deltaLink} null), afterwards only who was
     * added or removed since the link was handed out. A group's lists may come over several pages; a later mention of
     * a user overrides an earlier one.
     *
     * @throws GraphException with status 404 when Graph no longer knows the link (start again without one)
     */
    public GroupDelta groupMembers(String tenant, String groupId, String deltaLink) {
        URI next = deltaLink == null
                ? settings.graphUrl().resolve("groups/delta?$filter=" + segment("id eq '" + groupId + "'")
                        + "&$select=id,owners,members")
                : graphLink(deltaLink);
        Map<String, Boolean> owners = new LinkedHashMap<>();
        Map<String, Boolean> members = new LinkedHashMap<>();
        boolean[] removed = {false};
        int[] notUsers = {0};
        String link = delta(tenant, next, "Microsoft Graph no longer knows the delta link of group " + groupId
                + "; it will start over", group -> {
            if (groupId.equalsIgnoreCase(group.getString("id", ""))) {
                removed[0] |= group.containsKey("@removed");
                notUsers[0] += changes(group, "owners@delta", owners) + changes(group, "members@delta", members);
            }
        });
        return new GroupDelta(owners, members, removed[0], notUsers[0], link);
    }

    /**
     * The register's ids of the tenant's education users: every user on the first call ({@code deltaLink} null),
     * afterwards only those that changed since the link was handed out.
     *
     * @throws GraphException with status 404 when Graph no longer knows the link, or the tenant has no education data
     */
    public EducationUserDelta educationUsers(String tenant, String deltaLink) {
        URI next = deltaLink == null ? settings.graphUrl().resolve("education/users/delta?$select=id,student,teacher")
                : graphLink(deltaLink);
        Map<String, String> externalIds = new LinkedHashMap<>();
        String link = delta(tenant, next, "Microsoft Graph has no education users for tenant " + tenant + ", or no"
                + " longer knows the delta link of the last sync", user -> {
            String id = user.getString("id", "").toLowerCase(java.util.Locale.ROOT);
            String externalId = externalId(user, "student");
            if (externalId == null) {
                externalId = externalId(user, "teacher");
            }
            if (!id.isEmpty() && externalId != null && !user.containsKey("@removed")) {
                externalIds.put(id, externalId);
            }
        });
        return new EducationUserDelta(externalIds, link);
    }

    /**
     * Every page of a delta query, each item to {@code item}, following {@code @odata.nextLink} to the page with the
     * {@code @odata.deltaLink}, which it returns.
     *
     * @throws GraphException with status 404 and the message {@code gone} when Graph answers 404 (a link it no longer
     *                        knows)
     */
    private String delta(String tenant, URI first, String gone, Consumer<JsonObject> item) {
        URI next = first;
        while (true) {
            JsonObject page = get(tenant, next).orElseThrow(() -> new GraphException(404, gone));
            for (JsonValue value : array(page, "value")) {
                item.accept(value.asJsonObject());
            }
            if (page.containsKey("@odata.nextLink")) {
                next = graphLink(page.getString("@odata.nextLink"));
            } else if (page.containsKey("@odata.deltaLink")) {
                return page.getString("@odata.deltaLink");
            } else {
                throw new GraphException(0, "Microsoft Graph ended a delta query without a delta link");
            }
        }
    }

    private static String externalId(JsonObject user, String record) {
        JsonValue value = user.get(record);
        if (!(value instanceof JsonObject details)) {
            return null;
        }
        String externalId = details.getString("externalId", "").strip();
        return externalId.isEmpty() ? null : externalId;
    }

    /** Reads one {@code ...@delta} list into the changes; returns how many added objects are not users. */
    private static int changes(JsonObject group, String key, Map<String, Boolean> changes) {
        int notUsers = 0;
        for (JsonValue value : array(group, key)) {
            JsonObject object = value.asJsonObject();
            String id = object.getString("id", "").toLowerCase(java.util.Locale.ROOT);
            boolean added = !object.containsKey("@removed");
            if (id.isEmpty()) {
                continue;
            }
            if (!"#microsoft.graph.user".equals(object.getString("@odata.type", "#microsoft.graph.user"))) {
                notUsers += added ? 1 : 0;
                continue;
            }
            changes.put(id, added);
        }
        return notUsers;
    }

    // ---------------------------------------------------------------- reading

    private List<DirectoryObject> directoryObjects(String tenant, String path) {
        List<DirectoryObject> objects = new ArrayList<>();
        for (JsonObject object : pages(tenant, path)) {
            objects.add(new DirectoryObject(object.getString("id"), object.getString("@odata.type", "")));
        }
        return objects;
    }

    /** Every item of a list, following {@code @odata.nextLink}; a group that does not exist is an error here. */
    private List<JsonObject> pages(String tenant, String path) {
        List<JsonObject> items = new ArrayList<>();
        URI next = settings.graphUrl().resolve(path);
        while (next != null) {
            URI asked = next;
            JsonObject page = get(tenant, next).orElseThrow(() -> new GraphException(404,
                    "Microsoft Graph has no " + describe(asked) + " in tenant " + tenant));
            for (JsonValue value : array(page, "value")) {
                items.add(value.asJsonObject());
            }
            next = page.containsKey("@odata.nextLink") ? graphLink(page.getString("@odata.nextLink")) : null;
        }
        return items;
    }

    private Optional<JsonObject> getOptional(String tenant, String path) {
        return get(tenant, settings.graphUrl().resolve(path));
    }

    /** One GET with retries; empty for a 404. */
    private Optional<JsonObject> get(String tenant, URI uri) {
        boolean freshToken = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).timeout(settings.timeout())
                        .header("Authorization", "Bearer " + token(tenant))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphException("interrupted while asking Microsoft Graph", e);
            } catch (IOException e) {
                if (attempt >= settings.attempts()) {
                    throw new GraphException("Microsoft Graph did not answer " + describe(uri) + " after " + attempt
                            + " tries: " + e.getMessage(), e);
                }
                pause(null, attempt);
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return Optional.of(json(response.body(), uri));
            }
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 401 && !freshToken) {
                // The token may have been revoked or expired early: once more with a new one.
                tokens.remove(tenant);
                freshToken = true;
                attempt--;
                continue;
            }
            if (status == 401 || status == 403) {
                throw new GraphException(status, "Microsoft Graph refused Klassrum's application " + describe(uri)
                        + " in tenant " + tenant + " (" + status + "): grant it the application permissions"
                        + " GroupMember.Read.All, User.Read.All and EduRoster.ReadBasic.All with an administrator's"
                        + " consent in that tenant" + graphError(response.body()));
            }
            if ((status == 429 || status >= 500) && attempt < settings.attempts()) {
                pause(response.headers().firstValue("Retry-After").orElse(null), attempt);
                continue;
            }
            throw new GraphException(status, "Microsoft Graph answered " + status + " for " + describe(uri)
                    + (status == 429 || status >= 500 ? " after " + attempt + " tries" : "") + graphError(response.body()));
        }
    }

    /** After Graph's Retry-After (seconds or a date), else 1, 2, 4, ... seconds, never longer than a minute. */
    private void pause(String retryAfter, int attempt) {
        Duration asked = retryAfter == null ? null : Backoff.retryAfter(retryAfter);
        try {
            sleeper.sleep(backoff.delayAfter(attempt, asked));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException("interrupted while waiting to ask Microsoft Graph again", e);
        }
    }

    // ---------------------------------------------------------------- signing in

    private String token(String tenant) {
        Token token = tokens.get(tenant);
        if (token != null && clock.instant().isBefore(token.expires())) {
            return token.value();
        }
        Token fresh = signIn(tenant);
        tokens.put(tenant, fresh);
        return fresh.value();
    }

    private Token signIn(String tenant) {
        if (!settings.configured()) {
            throw new GraphException(0, "Microsoft Graph is not configured: set KLASSRUM_GRAPH_CLIENT_ID and"
                    + " KLASSRUM_GRAPH_CLIENT_SECRET");
        }
        URI graph = settings.graphUrl();
        String scope = graph.getScheme() + "://" + graph.getRawAuthority() + "/.default";
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(settings.clientSecret()) + "&scope=" + encode(scope);
        URI uri = settings.loginUrl().resolve(segment(tenant) + "/oauth2/v2.0/token");
        HttpResponse<String> response = null;
        for (int attempt = 1; response == null; attempt++) {
            try {
                response = http.send(HttpRequest.newBuilder(uri).timeout(settings.timeout())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphException("interrupted while signing in to Microsoft", e);
            } catch (IOException e) {
                if (attempt >= settings.attempts()) {
                    throw new GraphException("Microsoft's sign-in did not answer for tenant " + tenant + ": "
                            + e.getMessage(), e);
                }
                pause(null, attempt);
            }
            if (response != null && (response.statusCode() == 429 || response.statusCode() >= 500)
                    && attempt < settings.attempts()) {
                pause(response.headers().firstValue("Retry-After").orElse(null), attempt);
                response = null;
            }
        }
        if (response.statusCode() != 200) {
            String reason = "";
            try {
                reason = ": " + json(response.body(), uri).getString("error_description", "");
            } catch (GraphException notJson) {
                // no explanation to pass on
            }
            throw new GraphException(response.statusCode(), "Microsoft's sign-in refused Klassrum's application for"
                    + " tenant " + tenant + " (" + response.statusCode() + "); check KLASSRUM_GRAPH_CLIENT_ID,"
                    + " KLASSRUM_GRAPH_CLIENT_SECRET and the administrator's consent in that tenant" + reason);
        }
        JsonObject body = json(response.body(), uri);
        long seconds = body.getJsonNumber("expires_in") == null ? 3600
                : body.getJsonNumber("expires_in").longValue();
        Instant expires = clock.instant().plusSeconds(seconds).minus(TOKEN_MARGIN);
        return new Token(body.getString("access_token"), expires);
    }

    // ---------------------------------------------------------------- helpers

    /** A link from Graph's answer, refused unless it points at Graph itself: the token goes with it. */
    private URI graphLink(String link) {
        URI uri = URI.create(link);
        URI graph = settings.graphUrl();
        if (!Objects.equals(uri.getScheme(), graph.getScheme()) || !Objects.equals(uri.getRawAuthority(),
                graph.getRawAuthority())) {
            throw new GraphException(0, "Microsoft Graph handed out a link to another address (" + uri.getHost()
                    + "); it is not followed");
        }
        return uri;
    }

    private static JsonObject json(String body, URI uri) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new GraphException("Microsoft Graph's answer for " + describe(uri) + " is not JSON", e);
        }
    }

    private static JsonArray array(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** Graph's own explanation of an error ({@code error.message}), if the body has one. */
    private static String graphError(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject error = reader.readObject().getJsonObject("error");
            return error == null ? "" : ": " + error.getString("message", error.getString("code", ""));
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String describe(URI uri) {
        return uri.getRawPath().replaceFirst("^/v1\\.0/", "/");
    }

    private static String segment(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value, "id"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
