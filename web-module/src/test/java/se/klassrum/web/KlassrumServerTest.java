package se.klassrum.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * A test of the WAR as built, deployed on Payara Micro and called over HTTP: the real PostgreSQL, SMTP
 * server, OpenID Connect provider, a stand-in for Microsoft Graph and the token issuer are started first (once per test JVM), then Arquillian
 * deploys the WAR. Each test class is one deployment (one Payara Micro).
 */
@ExtendWith(EmbeddedDatabase.class)
@ExtendWith(MailServer.class)
@ExtendWith(OidcServer.class)
@ExtendWith(MicrosoftGraphServer.class)
@ExtendWith(TestIssuer.class)
@ExtendWith(ArquillianExtension.class)
abstract class KlassrumServerTest {

    @Deployment(testable = false)
    static WebArchive klassrumWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("klassrum.war")));
    }

    @ArquillianResource
    URL base;

    /** The address of a path on the deployed server. */
    URI uri(String path) {
        try {
            return base.toURI().resolve(URI.create(path));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
