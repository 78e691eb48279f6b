package se.klassrum.roster.testing.ss12000;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A student register's SS 12000 API on loopback (WireMock), answering as the specification says: lists in pages
 * linked by {@code pageToken}, changes after {@code meta.modified.after}, {@code /deletedEntities}, and 401 for
 * any other token than its own. Every body it serves is first checked against the OpenAPI file
 * ({@link Ss12000Contract}); a stub that breaks the standard fails the test that makes it.
 */
public final class Register implements AutoCloseable {

    /** The API's root on a server of its own. */
    public static final String ROOT = "/v2.0";
    public static final String TOKEN = "register-token-for-klassrum";
    public static final String CREATED = "2025-06-01T08:00:00+02:00";

    private final WireMockServer server;
    private final String root;
    private final boolean own;
    private final Ss12000Contract contract = Ss12000Contract.get();

    /** A register on a loopback server of its own, at {@link #ROOT}; {@link #close()} stops it. */
    public Register() {
        this(new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()), ROOT, true);
    }

    /**
     * A register on a running server that also plays other parts, at the root given (e.g. "/ss12000"); its stubs
     * stay until the server is reset.
     */
    public Register(WireMockServer server, String root) {
        this(server, root, false);
    }

    private Register(WireMockServer server, String root, boolean own) {
        this.server = server;
        this.root = root;
        this.own = own;
        if (own) {
            server.start();
        }
        String error = error("unauthorized", "Token saknas eller är ogiltig");
        if (!contract.violations("/persons", "default", error).isEmpty()) {
            throw new AssertionError("the 401 stub breaks SS 12000's Error");
        }
        server.stubFor(get(urlPathMatching(root + "/.*")).atPriority(1)
                .andMatching(request -> MatchResult.of(!accepted(request.getHeader("Authorization"))))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withHeader("WWW-Authenticate", "Bearer").withBody(error)));
        // The standard lets a pageToken be combined with limit only: a conforming register refuses it with a filter.
        for (String filter : List.of("meta.modified.after", "after")) {
            server.stubFor(get(urlPathMatching(root + "/.*")).atPriority(2)
                    .withQueryParam("pageToken", matching(".*")).withQueryParam(filter, matching(".*"))
                    .willReturn(failure("persons", 400, Map.of())));
        }
    }

    /** Klassrum's client at the register's token endpoint ({@link #issueTokens}). */
    public static final String CLIENT_ID = "klassrum-sync";
    public static final String CLIENT_SECRET = "register-client-secret";
    /** Tokens it handed out name when they were issued and when they expire (epoch milliseconds). */
    private static final Pattern ISSUED = Pattern.compile("Bearer register-jwt-(\\d+)-(\\d+)");

    /** Tokens issued before this time (epoch milliseconds) are refused, as if revoked. */
    private volatile long revokedBefore;

    /** Whether the register takes this Authorization header: its fixed token, or one it issued that is still good. */
    private boolean accepted(String authorization) {
        if (authorization == null) {
            return false;
        }
        if (authorization.equals("Bearer " + TOKEN)) {
            return true;
        }
        Matcher issued = ISSUED.matcher(authorization);
        return issued.matches() && Long.parseLong(issued.group(1)) >= revokedBefore
                && Long.parseLong(issued.group(2)) > System.currentTimeMillis();
    }

    /**
     * An OAuth 2.0 token endpoint at the path (on this register's server) that hands out tokens for the client
     * credentials grant of {@link #CLIENT_ID} and {@link #CLIENT_SECRET} (HTTP Basic), valid for the lifetime given;
     * other credentials get 401 invalid_client.
     *
     * @return the token endpoint's address
     */
    public URI issueTokens(String path, int lifetimeSeconds) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(2).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withHeader("WWW-Authenticate", "Basic")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Unknown client\"}")));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1).withHeader("Authorization", equalTo(basic))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", "no-store")
                        .withBody("{\"access_token\":\"register-jwt-{{now format='epoch'}}-{{now offset='"
                                + lifetimeSeconds + " seconds' format='epoch'}}\",\"token_type\":\"Bearer\","
                                + "\"expires_in\":" + lifetimeSeconds + "}")
                        .withTransformers("response-template")));
        return URI.create(server.baseUrl() + path);
    }

    /** Every token issued so far is refused from now on, expired or not. */
    public void revokeTokens() {
        revokedBefore = System.currentTimeMillis() + 1;
    }

    public List<LoggedRequest> tokenRequests(String path) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    public URI baseUri() {
        return URI.create(server.baseUrl() + root);
    }

    public WireMockServer server() {
        return server;
    }

    /** The endpoint's whole list, in pages of at most pageSize entities. */
    public void serve(String endpoint, List<JsonObject> entities, int pageSize) {
        int pages = Math.max(1, (entities.size() + pageSize - 1) / pageSize);
        for (int page = 1; page <= pages; page++) {
            List<JsonObject> data = entities.subList(Math.min(entities.size(), (page - 1) * pageSize),
                    Math.min(entities.size(), page * pageSize));
            String next = page < pages ? endpoint + "-page-" + (page + 1) : null;
            MappingBuilder request = get(urlPathEqualTo(root + "/" + endpoint)).atPriority(5);
            request = page == 1
                    ? request.withQueryParam("pageToken", absent()).withQueryParam("meta.modified.after", absent())
                    : request.withQueryParam("pageToken", equalTo(endpoint + "-page-" + page));
            server.stubFor(request.willReturn(json(endpoint, 200, list(data, next))));
        }
    }

    /** The entities modified after whatever time is asked for (one page). */
    public void serveChanges(String endpoint, List<JsonObject> entities) {
        serveChanges(endpoint, entities, Math.max(1, entities.size()));
    }

    /**
     * The entities modified after whatever time is asked for, in pages of at most pageSize: the first page answers
     * the filter, the next ones their pageToken alone (with a filter beside it, the register answers 400).
     */
    public void serveChanges(String endpoint, List<JsonObject> entities, int pageSize) {
        int pages = Math.max(1, (entities.size() + pageSize - 1) / pageSize);
        for (int page = 1; page <= pages; page++) {
            List<JsonObject> data = entities.subList(Math.min(entities.size(), (page - 1) * pageSize),
                    Math.min(entities.size(), page * pageSize));
            String next = page < pages ? endpoint + "-changes-page-" + (page + 1) : null;
            MappingBuilder request = get(urlPathEqualTo(root + "/" + endpoint)).atPriority(4);
            request = page == 1
                    ? request.withQueryParam("meta.modified.after", matching(".+")).withQueryParam("pageToken", absent())
                    : request.withQueryParam("pageToken", equalTo(endpoint + "-changes-page-" + page));
            server.stubFor(request.willReturn(json(endpoint, 200, list(data, next))));
        }
    }

    /** /deletedEntities: the ids deleted after whatever time is asked for, by the specification's keys. */
    public void serveDeleted(Map<String, List<String>> deleted) {
        serveDeleted(List.of(deleted));
    }

    /**
     * /deletedEntities in pages, one per map: the first answers {@code after}, the next ones their pageToken alone.
     */
    public void serveDeleted(List<Map<String, List<String>>> pages) {
        for (int page = 1; page <= pages.size(); page++) {
            JsonObjectBuilder data = Json.createObjectBuilder();
            pages.get(page - 1).forEach((key, ids) -> data.add(key, Json.createArrayBuilder(ids)));
            JsonObjectBuilder body = Json.createObjectBuilder().add("data", data);
            if (page < pages.size()) {
                body.add("pageToken", "deleted-page-" + (page + 1));
            } else {
                body.addNull("pageToken");
            }
            MappingBuilder request = get(urlPathEqualTo(root + "/deletedEntities")).atPriority(5);
            request = page == 1
                    ? request.withQueryParam("after", matching(".+")).withQueryParam("pageToken", absent())
                    : request.withQueryParam("pageToken", equalTo("deleted-page-" + page));
            server.stubFor(request.willReturn(json("deletedEntities", 200, body.build().toString())));
        }
    }

    /**
     * The register does not offer the endpoint at all: every request to it answers this status (404 or 501) with a
     * plain text body, as a web server does for a path it does not know.
     */
    public void withhold(String endpoint, int status) {
        server.stubFor(get(urlPathEqualTo(root + "/" + endpoint)).atPriority(2)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/plain")
                        .withBody(status == 404 ? "Not Found" : "Not Implemented")));
    }

    /** Every request for the endpoint's changes ({@code meta.modified.after}) answers this status. */
    public StubMapping failChanges(String endpoint, int status) {
        return server.stubFor(get(urlPathEqualTo(root + "/" + endpoint)).atPriority(2)
                .withQueryParam("meta.modified.after", matching(".+"))
                .willReturn(failure(endpoint, status, Map.of())));
    }

    /** Every request to the endpoint answers this status (with an SS 12000 Error body), before any list. */
    public StubMapping fail(String endpoint, String pageToken, int status, Map<String, String> headers) {
        MappingBuilder request = get(urlPathEqualTo(root + "/" + endpoint)).atPriority(2);
        if (pageToken != null) {
            request = request.withQueryParam("pageToken", equalTo(pageToken));
        }
        return server.stubFor(request.willReturn(failure(endpoint, status, headers)));
    }

    /** The first request to the endpoint answers this status; the ones after it are answered as usual. */
    public void failOnce(String endpoint, int status, Map<String, String> headers) {
        ResponseDefinitionBuilder response = failure(endpoint, status, headers);
        server.stubFor(get(urlPathEqualTo(root + "/" + endpoint)).atPriority(2)
                .inScenario("once " + endpoint).whenScenarioStateIs("Started").willSetStateTo("answered")
                .willReturn(response));
    }

    public void remove(StubMapping stub) {
        server.removeStub(stub);
    }

    public List<LoggedRequest> requests(String endpoint) {
        return server.findAll(getRequestedFor(urlPathEqualTo(root + "/" + endpoint)));
    }

    public void forgetRequests() {
        server.resetRequests();
    }

    @Override
    public void close() {
        if (own) {
            server.stop();
        }
    }

    /** An SS 12000 Error body, checked against the specification's answer for the status (or its default). */
    private ResponseDefinitionBuilder failure(String endpoint, int status, Map<String, String> headers) {
        String body = error("E" + status, "Fel " + status);
        List<String> violations = contract.violations("/" + endpoint, status == 403 || status == 400
                ? Integer.toString(status) : "default", body);
        if (!violations.isEmpty()) {
            throw new AssertionError("the error stub for GET /" + endpoint + " breaks SS 12000: " + violations);
        }
        ResponseDefinitionBuilder response = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body);
        headers.forEach(response::withHeader);
        return response;
    }

    private ResponseDefinitionBuilder json(String endpoint, int status, String body) {
        List<String> violations = contract.violations("/" + endpoint, status, body);
        if (!violations.isEmpty()) {
            throw new AssertionError("the stub for GET /" + endpoint + " breaks SS 12000: " + violations + "\n" + body);
        }
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String list(List<JsonObject> data, String next) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        data.forEach(array::add);
        JsonObjectBuilder page = Json.createObjectBuilder().add("data", array);
        if (next == null) {
            page.addNull("pageToken");
        } else {
            page.add("pageToken", next);
        }
        return page.build().toString();
    }

    private static String error(String code, String message) {
        return Json.createObjectBuilder().add("code", code).add("message", message).build().toString();
    }

    // The entities, shaped as the specification describes them. Ids are UUIDs named after their entity.

    public static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static JsonObject meta(String modified) {
        return Json.createObjectBuilder().add("created", CREATED).add("modified", modified).build();
    }

    public static JsonObject ref(String name) {
        return Json.createObjectBuilder().add("id", id(name)).build();
    }

    public static JsonObject organisation(String name, String displayName, String type, String parent) {
        JsonObjectBuilder org = Json.createObjectBuilder().add("id", id(name)).add("meta", meta(CREATED))
                .add("displayName", displayName).add("organisationType", type);
        if (parent != null) {
            org.add("parentOrganisation", ref(parent));
        }
        if (type.equals("Skolenhet")) {
            org.add("schoolUnitCode", Integer.toString(Math.abs(name.hashCode()) % 90_000_000 + 10_000_000))
                    .add("schoolTypes", Json.createArrayBuilder().add("GR"));
        }
        return org.build();
    }

    /** A person; extras are added as they are (emails, responsibles, enrolments, securityMarking, birthDate). */
    public static JsonObject person(String name, String givenName, String familyName, String modified,
                             Map<String, JsonValue> extras) {
        JsonObjectBuilder person = Json.createObjectBuilder().add("id", id(name)).add("meta", meta(modified))
                .add("givenName", givenName).add("familyName", familyName);
        extras.forEach(person::add);
        return person.build();
    }

    public static JsonValue emails(String type, String value) {
        return Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", type).add("value", value)).build();
    }

    public static JsonValue responsible(String guardian, String relationType) {
        return Json.createArrayBuilder().add(Json.createObjectBuilder().add("person", ref(guardian))
                .add("relationType", relationType)).build();
    }

    public static JsonValue enrolment(String schoolUnit, String startDate) {
        return Json.createArrayBuilder().add(Json.createObjectBuilder().add("enroledAt", ref(schoolUnit))
                .add("schoolType", "GR").add("schoolYear", 7).add("startDate", startDate)).build();
    }

    public static JsonObject placement(String name, String child, String schoolUnit, String startDate) {
        return Json.createObjectBuilder().add("id", id(name)).add("meta", meta(CREATED)).add("child", ref(child))
                .add("placedAt", ref(schoolUnit)).add("schoolType", "FTH").add("startDate", startDate).build();
    }

    public static JsonObject duty(String name, String person, String schoolUnit, String role, String startDate,
                           String mentorOf) {
        JsonObjectBuilder duty = Json.createObjectBuilder().add("id", id(name)).add("meta", meta(CREATED))
                .add("person", ref(person)).add("dutyAt", ref(schoolUnit)).add("dutyRole", role)
                .add("startDate", startDate);
        if (mentorOf != null) {
            duty.add("assignmentRole", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("group", ref(mentorOf)).add("assignmentRoleType", "Mentor")));
        }
        return duty.build();
    }

    public static JsonObject group(String name, String displayName, String type, String schoolUnit, String startDate,
                            String endDate, String modified, List<String> members) {
        JsonArrayBuilder memberships = Json.createArrayBuilder();
        members.forEach(member -> memberships.add(Json.createObjectBuilder().add("person", ref(member))));
        return Json.createObjectBuilder().add("id", id(name)).add("meta", meta(modified))
                .add("displayName", displayName).add("groupType", type).add("schoolType", "GR")
                .add("organisation", ref(schoolUnit)).add("startDate", startDate).add("endDate", endDate)
                .add("groupMemberships", memberships).build();
    }

    public static JsonObject syllabus(String name, String subjectCode, String subjectName, String designation) {
        return Json.createObjectBuilder().add("id", id(name)).add("meta", meta(CREATED)).add("schoolType", "GR")
                .add("subjectCode", subjectCode).add("subjectName", subjectName).add("subjectDesignation", designation)
                .add("official", true).build();
    }

    public static JsonObject activity(String name, String displayName, String schoolUnit, String group, String teacherDuty,
                               String syllabus, String startDate, String endDate) {
        return Json.createObjectBuilder().add("id", id(name)).add("meta", meta(CREATED))
                .add("displayName", displayName).add("calendarEventsRequired", true)
                .add("startDate", startDate).add("endDate", endDate).add("activityType", "Undervisning")
                .add("groups", Json.createArrayBuilder().add(ref(group)))
                .add("teachers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("duty", ref(teacherDuty))))
                .add("syllabus", ref(syllabus)).add("organisation", ref(schoolUnit)).build();
    }

    public static List<JsonObject> none() {
        return new ArrayList<>();
    }
}
