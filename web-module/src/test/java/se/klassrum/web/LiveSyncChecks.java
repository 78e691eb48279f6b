package se.klassrum.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.testing.ss12000.Register;

import javax.sql.DataSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_SOLBACKA;
import static se.klassrum.roster.demo.DemoIds.OID_ANNA;
import static se.klassrum.roster.demo.DemoIds.OID_BERTIL;
import static se.klassrum.roster.demo.DemoIds.OID_ELSA;
import static se.klassrum.roster.demo.DemoIds.OID_FILIP;
import static se.klassrum.roster.demo.DemoIds.OID_SARA;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKA_GYMNASIUM;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * The live syncs through the API: Microsoft 365, with Microsoft Graph played on loopback: a school administrator connects a Team, its
 * owner and members are read at once and the owner sees the members through it; a teacher who does not own the Team
 * may not connect it; the manual sync is for administrators, and one that Microsoft fails changes nothing. And the
 * student register's SS 12000 sync, started by hand, with the register played on the same loopback server.
 */
abstract class LiveSyncChecks extends ServerCalls {

    /** The organisation whose register the test server syncs with: the register named registerby in the pom. */
    private static final UUID REGISTERBY = UUID.fromString("7c0c5b8e-4d61-4f53-9a0e-2f4b9c1d3e5a");
    private static final UUID ENTRA_TENANT_REGISTERBY = UUID.fromString("3b6f1e2d-8a9c-4d7e-b1f0-5c2a9e8d7f61");
    /** The Microsoft accounts School Data Sync made for Registerby's teacher Rut and pupil Sixten. */
    private static final UUID RUT_ACCOUNT = UUID.fromString("5a7c9e1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d");
    private static final UUID SIXTEN_ACCOUNT = UUID.fromString("6b8d0f2c-3e5a-4b7c-9d1e-2f3a4b5c6d7e");

    /** The organisation of the second register the pom sets up, with client credentials: Tokenby kommun. */
    private static final UUID TOKENBY = UUID.fromString("2d4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f");
    private static final UUID ENTRA_TENANT_TOKENBY = UUID.fromString("8e1f2a3b-4c5d-4e6f-9a0b-1c2d3e4f5a6b");

    private static final String TEAM = "4f1e7c2a-9b3d-4e5f-8a6b-7c8d9e0f1a2b";

    private final HttpClient http = HttpClient.newHttpClient();
    private final WireMockServer graph = MicrosoftGraphServer.server();

    @AfterEach
    void resetGraph() {
        graph.resetAll();
    }

    @Test
    void saraConnectsATeamAndItsOwnerSeesItsMembersThroughIt(DataSource database) throws Exception {
        team(List.of(OID_ANNA), List.of(OID_ANNA, OID_ELSA, OID_FILIP));
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        String groupId = null;
        try {
            HttpResponse<String> connected = post(sara, "/api/v1/microsoft/groups", "{\"microsoftGroupId\":\"" + TEAM
                    + "\",\"schoolId\":\"" + SCHOOL_SOLBACKA_GYMNASIUM + "\",\"kind\":\"TEACHING\"}");

            assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
            assertThat(connected.body()).contains("\"created\":true").contains("\"status\":\"SUCCEEDED\"")
                    .contains("\"format\":\"MICROSOFT_GRAPH\"")
                    .contains("{\"kind\":\"MEMBERSHIP\",\"created\":4,\"updated\":0,\"ended\":0}");
            groupId = connected.body().replaceFirst(".*\"groupId\":\"([0-9a-f-]{36})\".*", "$1");
            assertThat(Sql.strings(database, "select name || '|' || connected || '|' || microsoft_group_id from study_group"
                    + " where id = ?", UUID.fromString(groupId))).containsExactly("Fysik 1a i Teams|true|" + TEAM);

            HttpResponse<String> members = send(TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA),
                    "/api/v1/groups/" + groupId + "/members");
            assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
            assertThat(members.body()).contains("\"givenName\":\"Elsa\"").contains("\"givenName\":\"Filip\"");
        } finally {
            forget(database, groupId);
        }
    }

    @Test
    void aTeacherWhoDoesNotOwnTheTeamMayNotConnectIt(DataSource database) throws Exception {
        team(List.of(OID_ANNA), List.of(OID_ANNA, OID_ELSA));
        long groups = Sql.number(database, "select count(*) from study_group");

        HttpResponse<String> refused = post(TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_BERTIL),
                "/api/v1/microsoft/groups", "{\"microsoftGroupId\":\"" + TEAM + "\",\"schoolId\":\""
                        + SCHOOL_SOLBACKA_GYMNASIUM + "\",\"kind\":\"TEACHING\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(Sql.number(database, "select count(*) from study_group")).isEqualTo(groups);
    }

    @Test
    void theManualSyncIsForAdministratorsAndOneThatMicrosoftFailsChangesNothing(DataSource database) throws Exception {
        token();
        graph.stubFor(get(urlPathMatching("/v1.0/.*")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"serviceNotAvailable\",\"message\":\"Service unavailable\"}}")));
        long memberships = Sql.number(database, "select count(*) from membership");
        long licences = Sql.number(database, "select count(*) from licence where valid_to is null");
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);

        assertThat(post(TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA), "/api/v1/microsoft/sync", "")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> failed = post(sara, "/api/v1/microsoft/sync", "");

        try {
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(201);
            assertThat(failed.body()).contains("\"status\":\"FAILED\"").contains("answered 503")
                    .contains("after 2 tries").contains("Service unavailable");
            assertThat(Sql.number(database, "select count(*) from membership")).isEqualTo(memberships);
            assertThat(Sql.number(database, "select count(*) from licence where valid_to is null")).isEqualTo(licences);
            assertThat(send(sara, "/api/v1/imports").body()).contains("\"format\":\"MICROSOFT_GRAPH\"");
        } finally {
            Sql.update(database, "delete from import_run where tenant_id = ? and format = 'MICROSOFT_GRAPH'",
                    TENANT_SOLBACKA);
        }
    }

    /**
     * The student register's sync (SS 12000), set up in the test server for an organisation of its own, Registerby
     * kommun: an administrator of another organisation is told none is set up; Registerby's integration that the
     * register refuses gets a 400 with the register's refusal, and the roster is unchanged.
     */
    @Test
    void theRegistersSyncIsStartedByTheOrganisationsIntegrationAndARefusalChangesNothing(DataSource database)
            throws Exception {
        registerby(database);
        graph.stubFor(get(urlPathMatching("/ss12000/.*")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"unauthorized\"}")));
        long persons = Sql.number(database, "select count(*) from person");
        try {
            HttpResponse<String> notSetUp = post(TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA),
                    "/api/v1/imports/ss12000", "");
            assertThat(notSetUp.statusCode()).as(notSetUp.body()).isEqualTo(404);
            assertThat(notSetUp.body()).contains("ss12000-sync-not-set-up");

            HttpResponse<String> refused = post(registerbyIntegration(), "/api/v1/imports/ss12000", "");

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("ss12000-sync-rejected").contains("HTTP 401").contains("check the token");
            assertThat(Sql.number(database, "select count(*) from person")).isEqualTo(persons);
        } finally {
            forgetRegisterby(database);
        }
    }

    /**
     * The whole data path, student register → Microsoft 365 → Klassrum. A register that throttles and fails now and
     * then: Payara's MicroProfile Fault Tolerance sends the request again, after the register's Retry-After when it
     * gives one, and the run brings the register's school, people, group and activity into the roster. Then the
     * Microsoft Graph sync links the register's people to the accounts School Data Sync made for them and gives the
     * teacher her licence, and the teacher's own token finds her group.
     */
    @Test
    void theRegistersRosterComesInAndMicrosoftLinksItsPeopleToTheirAccounts(DataSource database) throws Exception {
        registerby(database);
        Register register = new Register(graph, "/ss12000");
        serveRegisterby(register);
        register.failOnce("persons", 429, Map.of("Retry-After", "1"));
        register.failOnce("groups", 503, Map.of());

        try {
            HttpResponse<String> run = post(registerbyIntegration(), "/api/v1/imports/ss12000", "");

            assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
            assertThat(run.body()).contains("\"status\":\"SUCCEEDED\"").contains("\"format\":\"SS12000_V2_1\"");
            List<LoggedRequest> persons = register.requests("persons");
            assertThat(persons).as("the first page throttled, then answered, then the second page").hasSize(3);
            assertThat(Duration.between(persons.get(0).getLoggedDate().toInstant(),
                    persons.get(1).getLoggedDate().toInstant())).as("the register's Retry-After: 1 is waited out")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(register.requests("groups")).as("failed once, then answered").hasSize(2);
            assertThat(Sql.number(database, "select count(*) from person where tenant_id = ?", REGISTERBY)).isEqualTo(3);
            assertThat(Sql.number(database, "select count(*) from ss12000_snapshot where tenant_id = ?", REGISTERBY))
                    .as("the register's snapshot kept for the next run, here or after a restart").isEqualTo(1);
            assertThat(Sql.number(database, "select count(*) from membership m join person p on p.id = m.person_id"
                    + " join study_group g on g.id = m.group_id where g.tenant_id = ? and g.name = 'Engelska 7'"
                    + " and ((p.given_name = 'Sixten' and m.role = 'MEMBER') or (p.given_name = 'Rut' and m.role = 'OWNER'))",
                    REGISTERBY)).as("the pupil in the group, the activity's teacher owning it").isEqualTo(2);

            String rut = TestIssuer.personToken(ENTRA_TENANT_REGISTERBY, RUT_ACCOUNT);
            assertThat(send(rut, "/api/v1/me/groups").body()).as("not linked yet").doesNotContain("Engelska 7");
            registerbyInMicrosoft();
            HttpResponse<String> linked = post(registerbyIntegration(), "/api/v1/microsoft/sync", "");

            assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
            assertThat(linked.body()).contains("\"status\":\"SUCCEEDED\"")
                    .contains("{\"kind\":\"PERSON\",\"created\":0,\"updated\":2,\"ended\":0}");
            assertThat(Sql.number(database, "select count(*) from licence l join person p on p.id = l.person_id"
                    + " where p.tenant_id = ? and p.entra_object_id = ? and l.kind = 'TEACHER'", REGISTERBY, RUT_ACCOUNT))
                    .isEqualTo(1);
            HttpResponse<String> groups = send(rut, "/api/v1/me/groups");
            assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
            assertThat(groups.body()).contains("Engelska 7");
        } finally {
            forgetRegisterby(database);
        }
    }

    /**
     * A register that answers nothing but 503: the request is sent as often as the retry policy allows (the first
     * try and four more), the run says so, and nothing is written.
     */
    @Test
    void aRegisterThatKeepsFailingIsTriedAsThePolicySaysAndChangesNothing(DataSource database) throws Exception {
        registerby(database);
        Register register = new Register(graph, "/ss12000");
        serveRegisterby(register);
        register.fail("organisations", null, 503, Map.of());
        long persons = Sql.number(database, "select count(*) from person");

        try {
            HttpResponse<String> run = post(registerbyIntegration(), "/api/v1/imports/ss12000", "");

            assertThat(run.statusCode()).as(run.body()).isEqualTo(400);
            assertThat(run.body()).contains("ss12000-sync-rejected")
                    .contains("did not answer GET /organisations after 5 attempts (last: HTTP 503: Fel 503)");
            assertThat(register.requests("organisations")).hasSize(5);
            assertThat(register.requests("persons")).isEmpty();
            assertThat(Sql.number(database, "select count(*) from person")).isEqualTo(persons);
        } finally {
            forgetRegisterby(database);
        }
    }

    /**
     * Tokenby kommun's register, as many real ones are: it implements only part of the standard (no /placements, no
     * /syllabuses: its web server answers 404 text/plain), hands out tokens for Klassrum's client credentials that
     * expire in a few seconds, pages by the limit of 5 the pom sets, and refuses (400) a pageToken beside a filter, as
     * the standard allows. The first run reads it all with a token; a run when that token is about to expire gets a
     * new one first, and reads a delta of several pages by page token alone.
     */
    @Test
    void aPartialRegisterWithShortLivedTokensIsSyncedAndItsDeltaPagedByTokenAlone(DataSource database) throws Exception {
        Sql.update(database, "insert into tenant (id, entra_tenant_id, name) values (?, ?, 'Tokenby kommun')"
                + " on conflict (id) do nothing", TOKENBY, ENTRA_TENANT_TOKENBY);
        Register register = new Register(graph, "/tokenby/v2.0");
        register.issueTokens("/tokenby/oauth2/token", 4);
        String start = "2026-08-17";
        register.serve("organisations", List.of(Register.organisation("tokenby", "Tokenby kommun", "Huvudman", null),
                Register.organisation("tokenskolan", "Tokenskolan", "Skolenhet", "tokenby")), 5);
        List<jakarta.json.JsonObject> persons = new java.util.ArrayList<>();
        persons.add(Register.person("tora", "Tora", "Lund", Register.CREATED, Map.of()));
        for (int i = 1; i <= 6; i++) {
            persons.add(Register.person("elev-" + i, "Elev", "Nummer " + i, Register.CREATED,
                    Map.of("enrolments", Register.enrolment("tokenskolan", start))));
        }
        register.serve("persons", persons, 5);
        register.withhold("placements", 404);
        register.serve("duties", List.of(Register.duty("tora-larare", "tora", "tokenskolan", "Lärare", "2024-08-01",
                null)), 5);
        register.serve("groups", List.of(Register.group("sv-8", "Svenska 8", "Undervisning", "tokenskolan", start,
                "2027-06-11", Register.CREATED, List.of("elev-1", "elev-2", "elev-3", "elev-4", "elev-5", "elev-6"))), 5);
        register.serve("activities", List.of(Register.activity("sv-8-lektioner", "Svenska 8", "tokenskolan", "sv-8",
                "tora-larare", "grgrsve01", start, "2027-06-11")), 5);
        register.withhold("syllabuses", 404);
        String integration = TestIssuer.applicationToken(ENTRA_TENANT_TOKENBY, "tokenby-register-sync",
                List.of("RosterImport.ReadWrite.All"));
        try {
            HttpResponse<String> first = post(integration, "/api/v1/imports/ss12000", "");

            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            assertThat(first.body()).contains("\"status\":\"SUCCEEDED\"")
                    .contains("placements: the student register does not offer GET /placements (HTTP 404)")
                    .contains("syllabuses: the student register does not offer GET /syllabuses (HTTP 404)");
            assertThat(Sql.number(database, "select count(*) from person where tenant_id = ?", TOKENBY)).isEqualTo(7);
            assertThat(Sql.strings(database, "select coalesce(syllabus_id::text, '-') from study_group where tenant_id = ?",
                    TOKENBY)).containsExactly("-");
            assertThat(register.requests("persons")).hasSize(2).allSatisfy(request ->
                    assertThat(request.queryParameter("limit").firstValue()).isEqualTo("5"));
            assertThat(register.tokenRequests("/tokenby/oauth2/token")).hasSize(1);
            String firstToken = register.requests("persons").get(0).getHeader("Authorization");

            // Seven new pupils and a deletion, in pages of five; the token is about to expire.
            List<jakarta.json.JsonObject> changed = new java.util.ArrayList<>();
            for (int i = 7; i <= 13; i++) {
                changed.add(Register.person("elev-" + i, "Elev", "Nummer " + i, "2026-09-01T10:00:00+02:00",
                        Map.of("enrolments", Register.enrolment("tokenskolan", start))));
            }
            for (String endpoint : List.of("organisations", "duties", "groups", "activities")) {
                register.serveChanges(endpoint, List.of());
            }
            register.serveChanges("persons", changed, 5);
            register.serveDeleted(List.of(Map.of("groups", List.of(Register.id("old-group"))),
                    Map.of("persons", List.of(Register.id("elev-6")))));
            Thread.sleep(Math.max(0, 3_500 - Duration.between(register.tokenRequests("/tokenby/oauth2/token").get(0)
                    .getLoggedDate().toInstant(), java.time.Instant.now()).toMillis()));
            register.forgetRequests();

            HttpResponse<String> next = post(integration, "/api/v1/imports/ss12000", "");

            assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
            assertThat(next.body()).contains("\"status\":\"SUCCEEDED\"").contains("changes after ");
            assertThat(register.tokenRequests("/tokenby/oauth2/token")).as("renewed before it expired").hasSize(1);
            List<LoggedRequest> read = register.requests("persons");
            assertThat(read).as("two pages of changes, none refused").hasSize(2);
            assertThat(read.get(0).getHeader("Authorization")).isNotEqualTo(firstToken);
            assertThat(read.get(1).getQueryParams()).containsOnlyKeys("pageToken", "limit");
            assertThat(register.requests("deletedEntities")).hasSize(2);
            assertThat(Sql.number(database, "select count(*) from person where tenant_id = ?", TOKENBY)).isEqualTo(14);
            assertThat(Sql.number(database, "select count(*) from school_role r join person p on p.id = r.person_id"
                    + " where p.tenant_id = ? and p.given_name = 'Elev' and r.valid_to is null", TOKENBY))
                    .as("the deleted pupil's role ended, the new ones began").isEqualTo(12);
        } finally {
            forget(database, TOKENBY);
        }
    }

    /** Registerby kommun, the organisation whose register the test server syncs with (set up in the module's pom). */
    private static void registerby(DataSource database) throws Exception {
        Sql.update(database, "insert into tenant (id, entra_tenant_id, name) values (?, ?, 'Registerby kommun')"
                + " on conflict (id) do nothing", REGISTERBY, ENTRA_TENANT_REGISTERBY);
    }

    /**
     * Registerby kommun's Microsoft 365 as School Data Sync leaves it: education users carrying the register's ids
     * (the register's person id as {@code teacher.externalId} / {@code student.externalId}), the A1 licences, and Rut
     * holding the faculty one.
     */
    private void registerbyInMicrosoft() {
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/" + ENTRA_TENANT_REGISTERBY
                + "/oauth2/v2.0/token")).willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                + "\"access_token\":\"registerby-graph-token\"}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/education/users/delta")).willReturn(okJson("{\"@odata.context\":"
                + "\"https://graph.microsoft.com/v1.0/$metadata#education/users(id,student,teacher)\",\"@odata.deltaLink\":\""
                + graph.baseUrl() + "/v1.0/education/users/delta?$deltatoken=e1\",\"value\":["
                + "{\"id\":\"" + RUT_ACCOUNT + "\",\"student\":null,\"teacher\":{\"externalId\":\"" + Register.id("rut")
                + "\",\"teacherNumber\":\"\"}},{\"id\":\"" + SIXTEN_ACCOUNT + "\",\"student\":{\"externalId\":\""
                + Register.id("sixten") + "\"},\"teacher\":null}]}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson("{\"@odata.context\":"
                + "\"https://graph.microsoft.com/v1.0/$metadata#subscribedSkus(skuId,skuPartNumber)\",\"value\":["
                + "{\"skuId\":\"94763226-9b3c-4e75-a931-5c89701abe66\",\"skuPartNumber\":\"STANDARDWOFFPACK_FACULTY\"},"
                + "{\"skuId\":\"314c4481-f395-4525-be8b-2ec4bb1e9d91\",\"skuPartNumber\":\"STANDARDWOFFPACK_STUDENT\"}]}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).willReturn(okJson("{\"@odata.context\":"
                + "\"https://graph.microsoft.com/v1.0/$metadata#users(id,assignedLicenses)\",\"@odata.deltaLink\":\""
                + graph.baseUrl() + "/v1.0/users/delta?$deltatoken=d1\",\"value\":[{\"id\":\"" + RUT_ACCOUNT
                + "\",\"assignedLicenses\":[{\"disabledPlans\":[],\"skuId\":\"94763226-9b3c-4e75-a931-5c89701abe66\"}]}]}")));
    }

    /** Registerby kommun and all the register brought in go again: the other server tests know the demo tenants only. */
    private static void forgetRegisterby(DataSource database) throws Exception {
        forget(database, REGISTERBY);
    }

    /** An organisation a register fed, and all it brought in, go again. */
    private static void forget(DataSource database, UUID tenant) throws Exception {
        UUID REGISTERBY = tenant;
        Sql.update(database, "delete from import_run_count where run_id in (select id from import_run where tenant_id = ?)",
                REGISTERBY);
        Sql.update(database, "delete from licence where person_id in (select id from person where tenant_id = ?)",
                REGISTERBY);
        for (String table : List.of("import_run", "membership", "teacher_subject", "guardian_link", "school_role",
                "study_group", "syllabus", "subject", "person", "school")) {
            Sql.update(database, "delete from " + table + " where tenant_id = ?", REGISTERBY);
        }
        Sql.update(database, "delete from graph_sync_state where tenant_id = ?", REGISTERBY);
        Sql.update(database, "delete from ss12000_snapshot where tenant_id = ?", REGISTERBY);
        Sql.update(database, "delete from tenant where id = ?", REGISTERBY);
    }

    private static String registerbyIntegration() {
        return TestIssuer.applicationToken(ENTRA_TENANT_REGISTERBY, "registerby-register-sync",
                List.of("RosterImport.ReadWrite.All"));
    }

    /** One school unit with a teacher, a pupil and the pupil's guardian, and an English group with its activity. */
    private static void serveRegisterby(Register register) {
        String start = "2026-08-17";
        String end = "2027-06-11";
        register.serve("organisations", List.of(Register.organisation("registerby", "Registerby kommun", "Huvudman", null),
                Register.organisation("registerskolan", "Registerskolan", "Skolenhet", "registerby")), 100);
        register.serve("persons", List.of(
                Register.person("rut", "Rut", "Rask", Register.CREATED, Map.of()),
                Register.person("sixten", "Sixten", "Strand", Register.CREATED, Map.of(
                        "responsibles", Register.responsible("tove", "Vårdnadshavare"),
                        "enrolments", Register.enrolment("registerskolan", start))),
                Register.person("tove", "Tove", "Strand", Register.CREATED, Map.of())), 2);
        register.serve("placements", Register.none(), 100);
        register.serve("duties", List.of(Register.duty("rut-larare", "rut", "registerskolan", "Lärare", "2024-08-01",
                null)), 100);
        register.serve("groups", List.of(Register.group("en-7", "Engelska 7", "Undervisning", "registerskolan", start,
                end, Register.CREATED, List.of("sixten"))), 100);
        register.serve("activities", List.of(Register.activity("en-7-lektioner", "Engelska 7", "registerskolan",
                "en-7", "rut-larare", "grgreng01", start, end)), 100);
        register.serve("syllabuses", List.of(Register.syllabus("grgreng01", "GRGRENG01", "Engelska", "EN")), 100);
    }

    /** The Team in Microsoft Graph, as its documentation shows the answers; not an education class. */
    private void team(List<UUID> owners, List<UUID> members) {
        token();
        graph.stubFor(get(urlPathEqualTo("/v1.0/groups/" + TEAM)).willReturn(okJson("{\"@odata.context\":"
                + "\"https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName)/$entity\",\"id\":\"" + TEAM
                + "\",\"displayName\":\"Fysik 1a i Teams\"}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/education/classes/" + TEAM)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":"
                        + "\"Request_ResourceNotFound\",\"message\":\"Resource '" + TEAM + "' does not exist.\"}}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/groups/" + TEAM + "/owners")).willReturn(okJson(users(owners))));
        // The group's first round of a groups delta query: everyone as added, then the link for the next round.
        graph.stubFor(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$filter", equalTo("id eq '" + TEAM + "'"))
                .willReturn(okJson("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#groups(id,owners,"
                        + "members)\",\"@odata.deltaLink\":\"" + graph.baseUrl() + "/v1.0/groups/delta?$deltatoken=t1\","
                        + "\"value\":[{\"id\":\"" + TEAM + "\",\"owners@delta\":" + directoryObjects(owners)
                        + ",\"members@delta\":" + directoryObjects(members) + "}]}")));
    }

    private void token() {
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/" + ENTRA_TENANT_SOLBACKA + "/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"graph-test-token\"}")));
    }

    private static String users(List<UUID> ids) {
        return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id)\",\"value\":"
                + directoryObjects(ids) + "}";
    }

    /** Users as Graph lists directory objects, in a JSON array. */
    private static String directoryObjects(List<UUID> ids) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            json.append(i > 0 ? "," : "").append("{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"")
                    .append(ids.get(i)).append("\"}");
        }
        return json.append("]").toString();
    }

    /** The group this test connected goes again, with its memberships and runs: other tests know the demo data only. */
    private static void forget(DataSource database, String groupId) throws Exception {
        if (groupId != null && groupId.length() == 36) {
            UUID id = UUID.fromString(groupId);
            Sql.update(database, "delete from membership where group_id = ?", id);
            Sql.update(database, "delete from study_group where id = ?", id);
        }
        Sql.update(database, "delete from import_run where tenant_id = ? and format = 'MICROSOFT_GRAPH'", TENANT_SOLBACKA);
        Sql.update(database, "delete from graph_group_state where tenant_id = ?", TENANT_SOLBACKA);
    }

    private HttpResponse<String> post(String token, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
