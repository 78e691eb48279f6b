package se.klassrum.web;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;
import static se.klassrum.roster.demo.DemoIds.idpSubject;

/**
 * A guardian's sign-in through an identity provider over OpenID Connect, end to end: the browser's part is played
 * by java.net.http (redirects followed by hand, cookies carried by hand), the provider is a real one on loopback
 * (mock-oauth2-server: discovery, JWKS, token endpoint, signed ID tokens), and the session it ends in is the
 * guardian portal's.
 */
abstract class GuardianOidcChecks extends ServerCalls {

    private static final String FLOW_COOKIE = "klassrum_guardian_oidc";
    private static final String SESSION_COOKIE = "klassrum_guardian";



    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void nilsSignsInThroughTheProviderAndSeesGreta() throws Exception {
        HttpResponse<String> started = get(uri("/api/v1/guardian/sign-in/oidc"), null);

        assertThat(started.statusCode()).isEqualTo(302);
        URI authorization = location(started);
        assertThat(authorization.toString()).startsWith(OidcServer.issuer() + "/authorize");
        Map<String, String> asked = query(authorization);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", "klassrum-test")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge", "redirect_uri");
        assertThat(asked.get("scope")).contains("openid");
        assertThat(asked.get("redirect_uri")).endsWith("/api/v1/guardian/sign-in/oidc/callback");
        String flowCookie = cookie(started, FLOW_COOKIE);
        assertThat(setCookie(started, FLOW_COOKIE)).contains("HttpOnly").contains("SameSite=Lax");

        URI callback = atProvider(authorization);
        assertThat(query(callback)).containsEntry("state", asked.get("state")).containsKey("code");
        HttpResponse<String> back = back(callback, flowCookie, idpSubject("nils"));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(location(back).getPath()).isEqualTo("/");
        assertThat(setCookie(back, SESSION_COOKIE)).contains("HttpOnly").contains("SameSite=Strict");
        String session = cookie(back, SESSION_COOKIE);
        HttpResponse<String> children = get(uri("/api/v1/guardian/children"), session);
        assertThat(children.statusCode()).isEqualTo(200);
        assertThat(children.body()).contains("Greta").doesNotContain("Elsa");

        HttpResponse<String> replayed = get(callback, flowCookie);
        assertThat(replayed.statusCode()).as("a state works once").isEqualTo(401);
    }

    @Test
    void aSubjectWithoutALoginIsNotSignedIn() throws Exception {
        HttpResponse<String> back = signInAs("no-such-guardian-" + UUID.randomUUID());

        assertThat(back.statusCode()).isEqualTo(401);
        assertThat(back.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(back.headers().allValues("Set-Cookie")).noneMatch(value -> value.startsWith(SESSION_COOKIE + "="));
    }

    @Test
    void aWrongStateOrAnotherBrowserIsNotSignedIn() throws Exception {
        HttpResponse<String> started = get(uri("/api/v1/guardian/sign-in/oidc"), null);
        String flowCookie = cookie(started, FLOW_COOKIE);
        // The code is never exchanged here, so the provider is told no subject for it.
        URI callback = atProvider(location(started));
        Map<String, String> returned = query(callback);
        URI callbackPath = callback.resolve(callback.getRawPath());

        HttpResponse<String> wrongState = get(URI.create(callbackPath + "?code=" + returned.get("code") + "&state="
                + "x" + returned.get("state")), flowCookie);
        HttpResponse<String> otherBrowser = get(callback, null);
        // The other browser's attempt took the state: the right browser now comes too late.
        HttpResponse<String> rightBrowserAfterwards = get(callback, flowCookie);

        assertThat(wrongState.statusCode()).isEqualTo(401);
        assertThat(wrongState.body()).doesNotContain("state");
        assertThat(otherBrowser.statusCode()).isEqualTo(401);
        assertThat(rightBrowserAfterwards.statusCode()).isEqualTo(401);
    }

    @Test
    void anOrganiserWithIdpSignInSwitchedOffLetsNobodyIn(DataSource database) throws Exception {
        setIdpLogin(database, TENANT_SOLBACKA, false);
        try {
            HttpResponse<String> back = signInAs(idpSubject("nils"));

            assertThat(back.statusCode()).isEqualTo(401);
            assertThat(back.headers().allValues("Set-Cookie")).noneMatch(value -> value.startsWith(SESSION_COOKIE + "="));
        } finally {
            setIdpLogin(database, TENANT_SOLBACKA, true);
        }
        assertThat(signInAs(idpSubject("nils")).statusCode()).as("switched on again").isEqualTo(302);
    }

    /** A whole sign-in as the provider's user with this subject, up to the callback's answer. */
    private HttpResponse<String> signInAs(String subject) throws Exception {
        HttpResponse<String> started = get(uri("/api/v1/guardian/sign-in/oidc"), null);
        assertThat(started.statusCode()).isEqualTo(302);
        return back(atProvider(location(started)), cookie(started, FLOW_COOKIE), subject);
    }

    /** Follows the redirect to the provider, which signs the guardian in at once and redirects back with a code. */
    private URI atProvider(URI authorization) throws Exception {
        HttpResponse<String> answer = get(authorization, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return location(answer);
    }

    /**
     * Follows the provider's redirect back to Klassrum's callback, whose code exchange at the provider yields an ID
     * token for this subject (the provider takes the subject at the token endpoint).
     */
    private HttpResponse<String> back(URI callback, String flowCookie, String subject) throws Exception {
        OidcServer.nextSignInAs(subject);
        return get(callback, flowCookie);
    }

    private static void setIdpLogin(DataSource database, UUID tenant, boolean enabled) throws SQLException {
        Sql.update(database, "insert into guardian_login_policy (tenant_id, idp_enabled) "
                     + "values (?, ?) on conflict (tenant_id) do update set idp_enabled = excluded.idp_enabled, "
                     + "version = guardian_login_policy.version + 1", tenant, enabled);
    }

    private static URI location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "=")).findFirst().orElseThrow();
    }

    /** The cookie as a browser would send it back: {@code name=value}. */
    private static String cookie(HttpResponse<String> response, String name) {
        String header = setCookie(response, name);
        int end = header.indexOf(';');
        return end < 0 ? header : header.substring(0, end);
    }

    private HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
