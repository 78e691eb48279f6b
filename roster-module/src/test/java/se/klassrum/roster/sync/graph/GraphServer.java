package se.klassrum.roster.sync.graph;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Microsoft Graph and Microsoft's token endpoint on loopback, answering as Microsoft's documentation shows: lists as
 * {@code {"@odata.context": ..., "value": [...], "@odata.nextLink": ...}}, directory objects with their
 * {@code @odata.type}, delta pages ending in {@code @odata.deltaLink}, removed users with {@code @removed}, errors as
 * {@code {"error": {"code": ..., "message": ...}}}, throttling as 429 with {@code Retry-After}.
 */
final class GraphServer implements AutoCloseable {

    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.graph-test-token";

    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final List<Duration> pauses = new ArrayList<>();

    GraphServer() {
        server.start();
    }

    URI graphUrl() {
        return URI.create(server.baseUrl() + "/v1.0/");
    }

    String link(String path) {
        return server.baseUrl() + "/v1.0/" + path;
    }

    GraphSettings settings() {
        return new GraphSettings(graphUrl(), URI.create(server.baseUrl() + "/"), "klassrum-app", "app-secret",
                GraphSettings.TEACHER_SKUS, GraphSettings.STUDENT_SKUS, Duration.ofSeconds(5), 4);
    }

    GraphClient client() {
        return new GraphClient(settings(), java.net.http.HttpClient.newHttpClient(), pauses::add,
                java.time.Clock.systemUTC());
    }

    /** The token endpoint of a tenant, answering with a token valid for an hour. */
    void tokenEndpoint(String tenant) {
        server.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + TOKEN
                        + "\"}")));
    }

    void stub(MappingBuilder request) {
        server.stubFor(request);
    }

    /** One page of a list of directory objects (users unless the id starts with "device-"). */
    static String directoryObjects(String nextLink, String... ids) {
        StringBuilder json = new StringBuilder("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#"
                + "directoryObjects(id)\",\"value\":[");
        for (int i = 0; i < ids.length; i++) {
            json.append(i > 0 ? "," : "").append("{\"@odata.type\":\"#microsoft.graph.")
                    .append(ids[i].startsWith("device-") ? "device" : "user").append("\",\"id\":\"").append(ids[i])
                    .append("\"}");
        }
        json.append("]");
        if (nextLink != null) {
            json.append(",\"@odata.nextLink\":\"").append(nextLink).append("\"");
        }
        return json.append("}").toString();
    }

    /**
     * The first round of a group's delta query (filtered to the group): its owners and members, all as additions,
     * ending in the delta link {@code groups/delta?$deltatoken=<groupId>-1}.
     */
    void group(String groupId, List<String> owners, List<String> members) {
        server.stubFor(get(urlPathEqualTo("/v1.0/groups/delta"))
                .withQueryParam("$filter", equalTo("id eq '" + groupId + "'"))
                .willReturn(okJson(groupDeltaPage(null, link("groups/delta?$deltatoken=" + groupId + "-1"),
                        groupChange(groupId, owners, List.of(), members, List.of())))));
    }

    /** A later round of the group's delta query: from one delta token to the next, with who came and who went. */
    void groupChanges(String groupId, String token, String nextToken, List<String> ownersAdded,
                      List<String> ownersRemoved, List<String> membersAdded, List<String> membersRemoved) {
        server.stubFor(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$deltatoken", equalTo(token))
                .willReturn(okJson(groupDeltaPage(null, link("groups/delta?$deltatoken=" + nextToken),
                        groupChange(groupId, ownersAdded, ownersRemoved, membersAdded, membersRemoved)))));
    }

    /** A group of a groups/delta page: {@code owners@delta} and {@code members@delta}, removed ones with @removed. */
    static String groupChange(String groupId, List<String> ownersAdded, List<String> ownersRemoved,
                              List<String> membersAdded, List<String> membersRemoved) {
        return "{\"id\":\"" + groupId + "\",\"owners@delta\":" + deltaObjects(ownersAdded, ownersRemoved)
                + ",\"members@delta\":" + deltaObjects(membersAdded, membersRemoved) + "}";
    }

    /** A group that left the directory, as a delta page lists it. */
    static String groupRemoved(String groupId) {
        return "{\"id\":\"" + groupId + "\",\"@removed\":{\"reason\":\"deleted\"}}";
    }

    private static String deltaObjects(List<String> added, List<String> removed) {
        List<String> objects = new ArrayList<>();
        added.forEach(id -> objects.add("{\"@odata.type\":\"#microsoft.graph." + (id.startsWith("device-") ? "device"
                : "user") + "\",\"id\":\"" + id + "\"}"));
        removed.forEach(id -> objects.add("{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"" + id
                + "\",\"@removed\":{\"reason\":\"deleted\"}}"));
        return "[" + String.join(",", objects) + "]";
    }

    /** A page of groups/delta: groups, then a next link or the delta link. */
    static String groupDeltaPage(String nextLink, String deltaLink, String... groups) {
        return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#groups(id,owners,members)\","
                + (nextLink != null ? "\"@odata.nextLink\":\"" + nextLink + "\"," : "")
                + (deltaLink != null ? "\"@odata.deltaLink\":\"" + deltaLink + "\"," : "")
                + "\"value\":[" + String.join(",", groups) + "]}";
    }

    /**
     * A round of education/users/delta: the users as {@code "objectId=student:externalId"} or
     * {@code "objectId=teacher:externalId"}, then the delta link {@code education/users/delta?$deltatoken=<next>};
     * the first round when {@code token} is null.
     */
    void educationUsers(String token, String next, String... users) {
        List<String> values = new ArrayList<>();
        for (String user : users) {
            String[] idAndRecord = user.split("=", 2);
            String[] record = idAndRecord[1].split(":", 2);
            values.add("{\"id\":\"" + idAndRecord[0] + "\",\"" + record[0] + "\":{\"externalId\":\"" + record[1]
                    + "\"}," + "\"" + (record[0].equals("student") ? "teacher" : "student") + "\":null}");
        }
        MappingBuilder request = get(urlPathEqualTo("/v1.0/education/users/delta"));
        request = token == null ? request.withQueryParam("$select", equalTo("id,student,teacher"))
                : request.withQueryParam("$deltatoken", equalTo(token));
        server.stubFor(request.willReturn(okJson("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#"
                + "education/users(id,student,teacher)\",\"@odata.deltaLink\":\""
                + link("education/users/delta?$deltatoken=" + next) + "\",\"value\":[" + String.join(",", values)
                + "]}")));
    }

    /** The tenant's subscriptions: Office 365 A1 for faculty and for students. */
    static final String FACULTY_SKU = "94763226-9b3c-4e75-a931-5c89701abe66";
    static final String STUDENT_SKU = "314c4481-f395-4525-be8b-2ec4bb1e9d91";
    static final String OTHER_SKU = "18181a46-0d4e-45cd-891e-60aabd171b4e";

    void subscribedSkus() {
        server.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(
                "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#subscribedSkus(skuId,skuPartNumber)\","
                        + "\"value\":[{\"skuId\":\"" + FACULTY_SKU + "\",\"skuPartNumber\":\"STANDARDWOFFPACK_FACULTY\"},"
                        + "{\"skuId\":\"" + STUDENT_SKU + "\",\"skuPartNumber\":\"STANDARDWOFFPACK_STUDENT\"},"
                        + "{\"skuId\":\"" + OTHER_SKU + "\",\"skuPartNumber\":\"STANDARDPACK\"}]}")));
    }

    /** A user of a delta page: with these licences, or removed when {@code skus} is null. */
    static String user(String id, Set<String> skus) {
        if (skus == null) {
            return "{\"id\":\"" + id + "\",\"@removed\":{\"reason\":\"changed\"}}";
        }
        StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"assignedLicenses\":[");
        int i = 0;
        for (String sku : skus) {
            json.append(i++ > 0 ? "," : "").append("{\"disabledPlans\":[],\"skuId\":\"").append(sku).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** A page of users/delta: users, then a next link or the delta link. */
    static String deltaPage(String nextLink, String deltaLink, String... users) {
        return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users(id,assignedLicenses)\","
                + (nextLink != null ? "\"@odata.nextLink\":\"" + nextLink + "\"," : "")
                + (deltaLink != null ? "\"@odata.deltaLink\":\"" + deltaLink + "\"," : "")
                + "\"value\":[" + String.join(",", users) + "]}";
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{"
                        + "\"date\":\"2026-11-27T10:00:00\",\"request-id\":\"5d1c3a5e-0000-4000-8000-000000000000\"}}}");
    }

    static String scenario() {
        return Scenario.STARTED;
    }

    @Override
    public void close() {
        server.stop();
    }
}
