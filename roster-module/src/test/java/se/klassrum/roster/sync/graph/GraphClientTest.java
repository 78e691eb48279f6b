package se.klassrum.roster.sync.graph;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Graph client against a stand-in for Microsoft Graph and its token endpoint on loopback. */
class GraphClientTest {

    private static final String TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final String GROUP = "02bd9fd6-8f93-4758-87c3-1fb73740a315";

    private GraphServer graph;
    private GraphClient client;

    @BeforeEach
    void start() {
        graph = new GraphServer();
        graph.tokenEndpoint(TENANT);
        client = graph.client();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void signs_in_with_client_credentials_once_and_follows_next_links_to_the_last_page() {
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners")).willReturn(okJson(
                GraphServer.directoryObjects(graph.link("groups/" + GROUP + "/owners?$skiptoken=page2"), "u1", "u2"))));
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners")).withQueryParam("$skiptoken", equalTo("page2"))
                .willReturn(okJson(GraphServer.directoryObjects(null, "u3", "device-1"))));

        List<GraphClient.DirectoryObject> owners = client.owners(TENANT, GROUP);
        client.owners(TENANT, GROUP);

        assertThat(owners).extracting(GraphClient.DirectoryObject::id).containsExactly("u1", "u2", "u3", "device-1");
        assertThat(owners).filteredOn(GraphClient.DirectoryObject::isUser).hasSize(3);
        graph.server.verify(1, postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("client_id=klassrum-app"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("client_secret=app-secret"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("scope=" + java.net.URLEncoder.encode(
                        graph.server.baseUrl() + "/.default", java.nio.charset.StandardCharsets.UTF_8))));
        graph.server.verify(4, getRequestedFor(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners"))
                .withHeader("Authorization", equalTo("Bearer " + GraphServer.TOKEN)));
    }

    @Test
    void a_groups_delta_query_gives_the_owners_and_members_added_and_removed_over_every_page() {
        graph.stub(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$filter", equalTo("id eq '" + GROUP + "'"))
                .withQueryParam("$select", equalTo("id,owners,members"))
                .willReturn(okJson(GraphServer.groupDeltaPage(graph.link("groups/delta?$skiptoken=p2"), null,
                        GraphServer.groupChange(GROUP, List.of("U1"), List.of(), List.of("U1", "u2", "u3", "device-4"),
                                List.of())))));
        graph.stub(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$skiptoken", equalTo("p2"))
                .willReturn(okJson(GraphServer.groupDeltaPage(null, graph.link("groups/delta?$deltatoken=g1"),
                        GraphServer.groupChange("another-group", List.of("u9"), List.of(), List.of("u9"), List.of()),
                        GraphServer.groupChange(GROUP, List.of(), List.of(), List.of("u5"), List.of("u3"))))));

        GraphClient.GroupDelta delta = client.groupMembers(TENANT, GROUP, null);

        assertThat(delta.owners()).containsExactly(Map.entry("u1", true));
        // u3 was listed on the first page and removed on the second: the later mention counts.
        assertThat(delta.members()).containsExactly(Map.entry("u1", true), Map.entry("u2", true),
                Map.entry("u3", false), Map.entry("u5", true));
        assertThat(delta.notUsers()).isEqualTo(1);
        assertThat(delta.groupRemoved()).isFalse();
        assertThat(delta.deltaLink()).isEqualTo(graph.link("groups/delta?$deltatoken=g1"));
        assertThat(GraphClient.GroupDelta.apply(Set.of("u3", "u7"), delta.members()))
                .containsExactlyInAnyOrder("u1", "u2", "u5", "u7");
    }

    @Test
    void waits_as_long_as_graph_says_when_throttled_and_then_reads_the_answer() {
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners")).inScenario("throttled")
                .whenScenarioStateIs(GraphServer.scenario()).willSetStateTo("once")
                .willReturn(GraphServer.error(429, "TooManyRequests", "Too many requests").withHeader("Retry-After", "7")));
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners")).inScenario("throttled")
                .whenScenarioStateIs("once").willSetStateTo("twice")
                .willReturn(GraphServer.error(503, "serviceNotAvailable", "Service unavailable")));
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners")).inScenario("throttled")
                .whenScenarioStateIs("twice").willReturn(okJson(GraphServer.directoryObjects(null, "u9"))));

        assertThat(client.owners(TENANT, GROUP)).extracting(GraphClient.DirectoryObject::id).containsExactly("u9");
        assertThat(graph.pauses).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
    }

    @Test
    void gives_up_after_the_configured_tries_with_the_status_and_graphs_message() {
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners"))
                .willReturn(GraphServer.error(503, "serviceNotAvailable", "Service unavailable")));

        assertThatThrownBy(() -> client.owners(TENANT, GROUP)).isInstanceOf(GraphException.class)
                .hasMessage("Microsoft Graph answered 503 for /groups/" + GROUP + "/owners after 4 tries: Service unavailable")
                .satisfies(e -> assertThat(((GraphException) e).status()).isEqualTo(503));
        assertThat(graph.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void a_forbidden_request_fails_at_once_and_says_which_permissions_to_grant() {
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners"))
                .willReturn(GraphServer.error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")));

        assertThatThrownBy(() -> client.owners(TENANT, GROUP)).isInstanceOf(GraphException.class)
                .hasMessageContaining("refused Klassrum's application /groups/" + GROUP + "/owners in tenant " + TENANT
                        + " (403)")
                .hasMessageContaining("GroupMember.Read.All, User.Read.All")
                .hasMessageEndingWith("Insufficient privileges to complete the operation.");
        assertThat(graph.pauses).isEmpty();
    }

    @Test
    void an_unauthorised_answer_is_tried_once_more_with_a_new_token_then_refused() {
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners"))
                .willReturn(GraphServer.error(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.")));

        assertThatThrownBy(() -> client.owners(TENANT, GROUP)).isInstanceOf(GraphException.class)
                .satisfies(e -> assertThat(((GraphException) e).status()).isEqualTo(401));
        graph.server.verify(2, postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")));
        graph.server.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners")));
    }

    @Test
    void a_refused_sign_in_tells_which_settings_to_check_with_microsofts_reason() {
        String other = "0d1e2f3a-0000-4000-8000-000000000001";
        graph.stub(post(urlPathEqualTo("/" + other + "/oauth2/v2.0/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\",\"error_description\":"
                        + "\"AADSTS7000215: Invalid client secret provided.\"}")));

        assertThatThrownBy(() -> client.owners(other, GROUP)).isInstanceOf(GraphException.class)
                .hasMessage("Microsoft's sign-in refused Klassrum's application for tenant " + other + " (401); check"
                        + " KLASSRUM_GRAPH_CLIENT_ID, KLASSRUM_GRAPH_CLIENT_SECRET and the administrator's consent in that"
                        + " tenant: AADSTS7000215: Invalid client secret provided.");
    }

    @Test
    void a_next_link_to_another_host_is_not_followed_with_the_token() {
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP + "/owners")).willReturn(okJson(
                GraphServer.directoryObjects("https://attacker.example/v1.0/groups?$skiptoken=x", "u1"))));

        assertThatThrownBy(() -> client.owners(TENANT, GROUP)).isInstanceOf(GraphException.class)
                .hasMessageContaining("a link to another address (attacker.example)");
    }

    @Test
    void a_delta_query_reads_every_page_and_returns_the_delta_link_with_changed_and_removed_users() {
        graph.stub(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$select", equalTo("id,assignedLicenses"))
                .willReturn(okJson(GraphServer.deltaPage(graph.link("users/delta?$skiptoken=p2"), null,
                        GraphServer.user("A1", Set.of(GraphServer.FACULTY_SKU.toUpperCase()))))));
        graph.stub(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("p2"))
                .willReturn(okJson(GraphServer.deltaPage(null, graph.link("users/delta?$deltatoken=d1"),
                        GraphServer.user("B2", null), "{\"id\":\"C3\",\"displayName\":\"Renamed\"}"))));

        GraphClient.UserDelta delta = client.userLicences(TENANT, null);

        assertThat(delta.deltaLink()).isEqualTo(graph.link("users/delta?$deltatoken=d1"));
        assertThat(delta.changes()).containsExactly(
                new GraphClient.UserChange("A1", Set.of(GraphServer.FACULTY_SKU), false),
                new GraphClient.UserChange("B2", Set.of(), true),
                new GraphClient.UserChange("C3", null, false));
    }

    @Test
    void a_group_that_is_not_an_education_class_has_no_external_id() {
        graph.stub(get(urlPathEqualTo("/v1.0/education/classes/" + GROUP))
                .willReturn(GraphServer.error(404, "Request_ResourceNotFound", "Resource does not exist.")));
        graph.stub(get(urlPathEqualTo("/v1.0/groups/" + GROUP)).willReturn(okJson(
                "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName)/$entity\","
                        + "\"id\":\"" + GROUP + "\",\"displayName\":\"Mentorsgrupp 7B\"}")));

        assertThat(client.educationClassExternalId(TENANT, GROUP)).isEmpty();
        assertThat(client.group(TENANT, GROUP)).contains(new GraphClient.Group(GROUP, "Mentorsgrupp 7B"));
        assertThat(client.group(TENANT, "unknown-group")).isEmpty();
    }
}
