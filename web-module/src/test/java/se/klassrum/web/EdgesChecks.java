package se.klassrum.web;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * The edges of the API and the pages, as an attacker meets them: tokens meant for something else, bodies that
 * are not what they claim, errors that would tell too much, and the headers and cookies every answer carries.
 */
abstract class EdgesChecks extends ServerCalls {

    private static final String ELSA = "/api/v1/students/" + PERSON_ELSA;
    private static final String POSTS = "/api/v1/groups/" + GROUP_MA1C_A + "/posts";
    private static final String ASSIGNMENTS = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments";
    private static final String POLICY = "/api/v1/guardian/administration/policy";

    private final HttpClient http = HttpClient.newHttpClient();

    private static String anna() {
        return TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA);
    }

    private static Date inAnHour() {
        return Date.from(Instant.now().plus(1, ChronoUnit.HOURS));
    }

    // --- Tokens ---

    @Test
    void tokensMeantForAnotherApplicationAreRefused() throws Exception {
        assertThat(send("GET", ELSA, anna(), null).statusCode()).as("Klassrum's own audience").isEqualTo(200);

        String anotherApi = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA, claims -> claims.audience("api://timetable"));
        String graph = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA,
                claims -> claims.audience("https://graph.microsoft.com"));
        String none = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA, claims -> claims.audience((String) null));

        for (String token : List.of(anotherApi, graph, none)) {
            HttpResponse<String> refused = send("GET", ELSA, token, null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertProblem(refused);
        }
    }

    @Test
    void tokensNotYetValidOrValidForYearsAreRefused() throws Exception {
        String notBefore = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA, claims -> claims.notBeforeTime(inAnHour()));
        String issuedLater = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA, claims -> claims.issueTime(inAnHour()));
        String forTenYears = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA,
                claims -> claims.expirationTime(Date.from(Instant.now().plus(3650, ChronoUnit.DAYS))));
        String issuedYesterday = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA,
                claims -> claims.issueTime(Date.from(Instant.now().minus(1, ChronoUnit.DAYS))));
        String aFewSecondsAhead = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA,
                claims -> claims.issueTime(Date.from(Instant.now().plusSeconds(5))).notBeforeTime(Date.from(Instant.now().plusSeconds(5))));

        assertThat(send("GET", ELSA, notBefore, null).statusCode()).as("nbf an hour ahead").isEqualTo(401);
        assertThat(send("GET", ELSA, issuedLater, null).statusCode()).as("iat an hour ahead").isEqualTo(401);
        assertThat(send("GET", ELSA, forTenYears, null).statusCode()).as("exp ten years ahead").isEqualTo(401);
        assertThat(send("GET", ELSA, issuedYesterday, null).statusCode()).as("issued a day ago").isEqualTo(401);
        assertThat(send("GET", ELSA, aFewSecondsAhead, null).statusCode()).as("a clock a few seconds fast").isEqualTo(200);
    }

    @Test
    void anUnknownTenantAnUnknownPersonAndAnotherOrganisationsPersonGetOneAnswer() throws Exception {
        // One request id for all three: it is the only part of a problem that differs from request to request.
        String requestId = "alike-" + UUID.randomUUID();
        HttpResponse<String> unknownTenant = send("GET", POSTS, TestIssuer.personToken(UUID.randomUUID(), OID_ANNA), null,
                "X-Request-Id", requestId);
        HttpResponse<String> unknownPerson = send("GET", POSTS, TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, UUID.randomUUID()),
                null, "X-Request-Id", requestId);
        HttpResponse<String> othersPerson = send("GET", POSTS, TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_ANNA), null,
                "X-Request-Id", requestId);

        assertThat(unknownTenant.statusCode()).isEqualTo(401);
        assertThat(unknownPerson.statusCode()).isEqualTo(unknownTenant.statusCode());
        assertThat(othersPerson.statusCode()).isEqualTo(unknownTenant.statusCode());
        assertThat(unknownPerson.body()).isEqualTo(unknownTenant.body());
        assertThat(othersPerson.body()).isEqualTo(unknownTenant.body());
    }

    @Test
    void aTokenNamingAnotherOrganisationsPersonIsAuditedInItsOwnOrganisationOnly(DataSource database) throws Exception {
        String requestId = "crossed-" + UUID.randomUUID();
        HttpResponse<String> refused = send("GET", ELSA, TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_ANNA), null,
                "X-Request-Id", requestId);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Sql.strings(database, "select tenant_id || ' ' || decision || ' ' || failing_codes from audit_entry "
                + "where request_id = ?", requestId))
                .singleElement().asString()
                .startsWith(TENANT_NORRA + " DENY").contains("SAME_TENANT");
        assertThat(send("GET", "/api/v1/access/audit/verify",
                TestIssuer.applicationToken(ENTRA_TENANT_NORRA, "auditor", List.of("AuditLog.Read.All")), null).body())
                .contains("\"intact\":true");
    }

    // --- Request bodies and errors ---

    @Test
    void aCallerIsRequiredBeforeTheBodyIsRead() throws Exception {
        String broken = "{\"body\": [1, 2";
        HttpResponse<String> anonymous = send("POST", POSTS, null, broken);
        HttpResponse<String> badSignature = send("POST", POSTS, TestIssuer.foreignToken(ENTRA_TENANT_SOLBACKA, OID_ANNA), broken);
        HttpResponse<String> unknownPerson = send("POST", POSTS, TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, UUID.randomUUID()),
                broken);

        for (HttpResponse<String> refused : List.of(anonymous, badSignature, unknownPerson)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertProblem(refused);
        }
    }

    @Test
    void malformedMistypedOrIncompleteBodiesAreBadRequestsNamingTheField() throws Exception {
        String due = "\"title\":\"Prov\",\"instructions\":\"Kap. 3\",\"dueAt\":\"2031-03-14T10:00:00+01:00\"";
        String deep = "{\"body\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";

        assertBadField(send("POST", POSTS, anna(), "{\"body\": \"<p>hej</p>\""), "body");
        assertBadField(send("POST", POSTS, anna(), deep), "body");
        assertBadField(send("POST", POSTS, anna(), "{\"body\": {\"p\": \"hej\"}}"), "body");
        assertBadField(send("POST", ASSIGNMENTS, anna(), "{\"title\":\"Prov\",\"instructions\":\"x\",\"dueAt\":\"next friday\"}"),
                "dueAt");
        assertBadField(send("POST", ASSIGNMENTS, anna(), "{" + due + ",\"publish\":\"yes\"}"), "publish");
        assertBadField(send("POST", ASSIGNMENTS, anna(), "{" + due + ",\"title\":42}"), "title");
        assertBadField(send("PUT", ELSA + "/assessments", anna(),
                "{\"group\":\"" + GROUP_MA1C_A + "\",\"grade\":\"Z\",\"comment\":\"\"}"), "grade");
        assertBadField(send("PUT", ELSA + "/assessments", anna(),
                "{\"group\":\"not-a-group\",\"grade\":\"C\",\"comment\":\"\"}"), "group");
        assertBadField(send("POST", ELSA + "/development-talks", TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_BERTIL),
                "{\"group\":\"" + GROUP_NA24A_MENTOR + "\",\"heldOn\":\"2031-02-30\",\"notes\":\"\",\"agreedGoals\":\"\"}"), "heldOn");
        assertBadField(send("POST", POSTS, anna(), "[\"hej\"]"), "body");
    }

    @Test
    void theGuardianSignInPolicyNeedsBothValues() throws Exception {
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        try {
            HttpResponse<String> empty = send("PUT", POLICY, sara, "{}");

            assertThat(empty.statusCode()).isEqualTo(400);
            assertProblem(empty);
            assertThat(empty.body()).contains("\"field\":\"emailEnabled\"").contains("\"field\":\"idpEnabled\"");
            assertThat(send("GET", POLICY, sara, null).body()).contains("\"emailEnabled\":true").contains("\"idpEnabled\":true");
        } finally {
            send("PUT", POLICY, sara, "{\"emailEnabled\":true,\"idpEnabled\":true}");
        }
    }

    @Test
    void unknownPathsWrongMethodsAndRefusedTokensAnswerProblemsNeverPages() throws Exception {
        HttpResponse<String> unknown = send("GET", "/api/v1/nothing-here", anna(), null);
        HttpResponse<String> unknownAnonymous = send("GET", "/api/v1/nothing-here", null, null);
        HttpResponse<String> wrongMethod = send("DELETE", "/api/v1/schools", anna(), null);
        HttpResponse<String> expired = send("GET", ELSA, TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA,
                claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(1200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(600)))), null);
        HttpResponse<String> wrongMediaType = send("POST", POSTS, anna(), "body=hej", "Content-Type", "text/plain");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknownAnonymous.statusCode()).isIn(401, 404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(wrongMediaType.statusCode()).isEqualTo(415);
        for (HttpResponse<String> problem : List.of(unknown, unknownAnonymous, wrongMethod, expired, wrongMediaType)) {
            assertProblem(problem);
        }
        HttpResponse<String> noPage = send("GET", "/no-such-page.xhtml", null, null);
        HttpResponse<String> noFile = send("GET", "/no-such-file.txt", null, null);
        for (HttpResponse<String> missing : List.of(noPage, noFile)) {
            assertThat(missing.statusCode()).isEqualTo(404);
            assertNothingTold(missing);
        }
    }

    @Test
    void aForeignViewStatePostedToAPageLeadsToAFriendlyPage() throws Exception {
        HttpResponse<String> posted = send("POST", "/demo.xhtml", null,
                "personas=personas&personas%3Aanna=x&jakarta.faces.ViewState=-123456789%3A987654321",
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(posted.statusCode()).isIn(200, 302, 303, 400);
        assertNothingTold(posted);
        assertThat(posted.body()).doesNotContain("ViewExpiredException");
    }

    // --- Headers and cookies ---

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoBanner() throws Exception {
        List<HttpResponse<String>> answers = List.of(send("GET", ELSA, anna(), null), send("GET", ELSA, null, null),
                send("GET", "/demo.xhtml", null, null), send("GET", "/api/v1/nothing-here", anna(), null),
                send("GET", "/no-such-file.txt", null, null));
        for (HttpResponse<String> answer : answers) {
            HttpHeaders headers = answer.headers();
            assertThat(headers.allValues("Content-Security-Policy")).as(answer.uri() + " CSP")
                    .anySatisfy(policy -> assertThat(policy).contains("frame-ancestors 'none'").contains("object-src 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(answer.uri().toString()).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(answer.uri().toString()).contains("no-referrer");
            assertThat(headers.firstValue("Cache-Control")).as(answer.uri().toString()).get().asString().contains("no-store");
            assertThat(headers.firstValue("X-Powered-By")).as(answer.uri().toString()).isEmpty();
            assertThat(headers.allValues("Server")).as(answer.uri().toString()).noneMatch(server -> server.contains("Payara"));
        }
    }

    /**
     * A page runs only the scripts of its own answer: every script element carries the answer's nonce, a second
     * policy allows no other script, and no policy allows {@code eval}. The guardian's sign-in page, which has no
     * PrimeFaces component, is held to the same.
     */
    @Test
    void aPageRunsOnlyTheScriptsThatCarryItsNonce() throws Exception {
        for (String page : List.of("/demo.xhtml", "/guardian/sign-in.xhtml")) {
            HttpResponse<String> answer = send("GET", page, null, null);
            List<String> policies = answer.headers().allValues("Content-Security-Policy");
            java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'")
                    .matcher(String.join(", ", policies));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(nonce.find()).as(page + " " + policies).isTrue();
            assertThat(policies).as(page).noneMatch(policy -> policy.contains("unsafe-eval"));
            java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script\\b[^>]*>").matcher(answer.body());
            int count = 0;
            while (scripts.find()) {
                count++;
                assertThat(scripts.group()).as(page).contains("nonce=\"" + nonce.group(1) + "\"");
            }
            assertThat(count).as(page + ": PrimeFaces' core, which gives every form the nonce").isGreaterThan(2);
            assertThat(answer.body()).as(page).doesNotContainPattern("<[a-z]+\\s[^>]*\\son[a-z]+=");
        }
    }

    @Test
    void thePageSessionCookieIsSameSiteAndSecureWhenTheRequestCameOverHttps() throws Exception {
        String plain = sessionCookie(send("GET", "/demo.xhtml", null, null));
        String https = sessionCookie(send("GET", "/demo.xhtml", null, null, "X-Forwarded-Proto", "https"));

        assertThat(plain).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");
        assertThat(https).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure");
    }

    private static String sessionCookie(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        return page.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + page.headers().map()));
    }

    private static void assertBadField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri() + " " + response.body())
                .get().asString().startsWith("application/problem+json");
        assertThat(response.body()).startsWith("{").contains("\"status\":" + response.statusCode());
        assertNothingTold(response);
    }

    private static void assertNothingTold(HttpResponse<String> response) {
        assertThat(response.body()).as(response.uri().toString())
                .doesNotContain("Payara").doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Yasson")
                .doesNotContain("org.glassfish").doesNotContain("org.eclipse");
        assertThat(response.statusCode()).as(response.uri().toString()).isLessThan(500);
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept-Language", "en");
        if (body != null && !List.of(headers).contains("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Text answers are compressed for a client that accepts gzip: the pages' PrimeFaces script (the largest thing a
     * phone downloads), the page itself; and not for a client that does not ask for it. Over HTTP/1.1, as a reverse
     * proxy asks (Payara does not compress HTTP/2 answers; README.md, "Behind a reverse proxy").
     */
    @Test
    void textAnswersAreCompressedForAClientThatAcceptsGzip() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/sign-in.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"([^\"]*jakarta\\.faces\\.resource/[^\"]*core\\.js[^\"]*)\"")
                .matcher(page.body());
        assertThat(script.find()).as("the page loads PrimeFaces' core script: " + page.body()).isTrue();
        java.net.URI core = uri("/").resolve(script.group(1).replace("&amp;", "&"));

        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(core).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(core).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unpacked;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            unpacked = in.readAllBytes();
        }
        assertThat(unpacked).as("the same script").isEqualTo(plain.body());
        assertThat(gzipped.body().length).as("compressed to less than half").isLessThan(plain.body().length / 2);

        HttpResponse<byte[]> html = http.send(HttpRequest.newBuilder(uri("/sign-in.xhtml")).header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(html.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }
}
