package se.klassrum.web;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A real OpenID Connect provider (NAV's mock-oauth2-server) on loopback, on the port the build reserved
 * ({@code klassrum.test.oidc.port}) and told Payara Micro about as {@code klassrum.guardian.oidc.issuer}
 * ({@code http://127.0.0.1:<port>/default}); started before Arquillian, once per test JVM.
 * <p>
 * Its authorization endpoint signs the guardian in at once (no login form) and redirects back with a code; the
 * token endpoint then issues an ID token for the subject of the last {@link #nextSignInAs} not yet used (the
 * provider takes it at the code exchange, so a test enqueues it only for a code that will be exchanged). Its
 * discovery document, keys, token endpoint and ID tokens (signed RS256, nonce echoed) are real.
 */
public final class OidcServer implements BeforeAllCallback {

    public static final String ISSUER_ID = "default";
    private static MockOAuth2Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    private static synchronized Running start() {
        String port = System.getProperty("klassrum.test.oidc.port");
        if (port == null) {
            throw new IllegalStateException("Run the server tests through Maven (./mvnw verify): the build reserves "
                    + "klassrum.test.oidc.port and passes it to Payara Micro");
        }
        server = new MockOAuth2Server();
        try {
            server.start(InetAddress.getByName("127.0.0.1"), Integer.parseInt(port));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new Running();
    }

    /** The issuer URL, as Payara Micro was told. */
    public static String issuer() {
        return "http://127.0.0.1:" + System.getProperty("klassrum.test.oidc.port") + "/" + ISSUER_ID;
    }

    /** The next code exchanged at the provider yields an ID token with this {@code sub}. */
    public static void nextSignInAs(String subject) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject));
    }

    /** The issuer that Payara Micro was told for staff sign-in ({@code klassrum.staff.oidc.issuer}). */
    public static final String STAFF_ISSUER_ID = "staff";

    /**
     * The next code exchanged at the staff issuer yields an ID token of this Entra tenant ({@code tid}) and object
     * id ({@code oid}), as Entra ID issues them.
     */
    public static void nextStaffSignInAs(java.util.UUID entraTenant, java.util.UUID objectId) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(STAFF_ISSUER_ID, objectId.toString(), "JWT", null,
                java.util.Map.of("tid", entraTenant.toString(), "oid", objectId.toString())));
    }

    private static final class Running implements AutoCloseable {
        @Override
        public void close() {
            server.shutdown();
        }
    }
}
