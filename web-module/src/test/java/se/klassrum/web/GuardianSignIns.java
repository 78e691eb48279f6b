package se.klassrum.web;

import jakarta.mail.internet.MimeMessage;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A guardian's sign-in to the portal with a code mailed through the test's SMTP server, as the scenarios need it. */
final class GuardianSignIns {

    private GuardianSignIns() {
    }

    /** Signs the guardian in with their e-mail login; the session cookie ("klassrum_guardian=..."). */
    static String signIn(Function<String, URI> uri, HttpClient http, DataSource database, UUID guardian) throws Exception {
        String address = emailLoginOf(database, guardian);
        Set<String> before = MailServer.messageIds();
        assertThat(post(uri, http, "/api/v1/guardian/sign-in/code", "{\"email\":\"" + address + "\"}").statusCode())
                .isEqualTo(202);
        MimeMessage mail = MailServer.awaitNewMailTo(address, before, 10_000);
        HttpResponse<String> signedIn = post(uri, http, "/api/v1/guardian/sign-in",
                "{\"email\":\"" + address + "\",\"code\":\"" + BrowserTest.codeIn(mail) + "\"}");
        assertThat(signedIn.statusCode()).isEqualTo(204);
        return sessionCookie(signedIn);
    }

    static String sessionCookie(HttpResponse<String> response) {
        String header = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("klassrum_guardian=")).findFirst().orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    static String emailLoginOf(DataSource database, UUID guardian) throws Exception {
        var subjects = Sql.strings(database,
                "select subject from guardian_login where guardian_id = ? and method = 'EMAIL' and enabled", guardian);
        assertThat(subjects).isNotEmpty();
        return subjects.get(0);
    }

    private static HttpResponse<String> post(Function<String, URI> uri, HttpClient http, String path, String json)
            throws Exception {
        return http.send(HttpRequest.newBuilder(uri.apply(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
