package se.klassrum.web;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Records the address of each deployment for {@link ServerCalls}: Arquillian injects {@code @ArquillianResource}
 * only into a suite's own instance, not into the instances of its {@code @Nested} scenarios, so the address is
 * taken where Arquillian learns it, right after the deployment.
 */
public class DeployedAddress implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Recorder.class);
    }

    public static class Recorder {

        @Inject
        Instance<ProtocolMetaData> protocolMetaData;

        public void deployed(@Observes AfterDeploy event) throws MalformedURLException, URISyntaxException {
            ProtocolMetaData metaData = protocolMetaData.get();
            if (metaData == null || !metaData.hasContext(HTTPContext.class)) {
                throw new IllegalStateException("the deployment " + event.getDeployment().getName()
                        + " reported no HTTP address");
            }
            HTTPContext http = metaData.getContexts(HTTPContext.class).iterator().next();
            // The WAR is deployed at the context root "/" (KlassrumServerTest).
            ServerCalls.deployed = new URI("http", null, http.getHost(), http.getPort(), "/", null, null).toURL();
        }
    }
}
