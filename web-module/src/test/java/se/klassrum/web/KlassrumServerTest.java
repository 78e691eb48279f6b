package se.klassrum.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suite of tests of the WAR as built, deployed on Payara Micro and called over HTTP: the real PostgreSQL, SMTP
 * server, OpenID Connect provider, a stand-in for Microsoft Graph and the token issuer are started first (once per
 * test JVM), then Arquillian deploys the WAR. Each suite is one deployment (one Payara Micro); its scenarios are
 * {@code @Nested} classes extending the {@code *Checks} classes, which reach the deployment through
 * {@link ServerCalls#uri}.
 */
@ExtendWith(EmbeddedDatabase.class)
@ExtendWith(MailServer.class)
@ExtendWith(OidcServer.class)
@ExtendWith(MicrosoftGraphServer.class)
@ExtendWith(TestIssuer.class)
@ExtendWith(ArquillianExtension.class)
abstract class KlassrumServerTest extends ServerCalls {

    @Deployment(testable = false)
    static WebArchive klassrumWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("klassrum.war")));
    }

    /**
     * The application answers ready (schema migrated, demo data loaded, pages and API initialised) as soon as it
     * is deployed.
     */
    @Test
    void theDeployedApplicationIsReady() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"");
    }
}
