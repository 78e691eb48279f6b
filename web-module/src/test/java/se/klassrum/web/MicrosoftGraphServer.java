package se.klassrum.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Microsoft Graph and Microsoft's token endpoint, and under {@code /ss12000} Norrå kommun's student register (its
 * SS 12000 API), played by WireMock on loopback, on the port the build reserved ({@code klassrum.test.graph.port})
 * and told Payara Micro about ({@code klassrum.graph.url}, {@code login-url}, {@code klassrum.ss12000.base-url});
 * started before Arquillian, once per test JVM. Each test stubs what it needs and resets the stubs after itself.
 */
public final class MicrosoftGraphServer implements BeforeAllCallback {

    private static WireMockServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    private static synchronized Running start() {
        int port = Integer.parseInt(System.getProperty("klassrum.test.graph.port"));
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1"));
        server.start();
        return new Running();
    }

    public static WireMockServer server() {
        return server;
    }

    /** Stops the server when the test JVM's root context closes. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop();
        }
    }
}
