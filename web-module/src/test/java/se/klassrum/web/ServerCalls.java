package se.klassrum.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * What the scenarios of a server test need of the deployed server: its address. The scenarios (the
 * {@code *Checks} classes) run as nested classes of the two suites {@link ApiIT} and {@link BrowserIT}, so that
 * they share one deployment per suite instead of starting Payara Micro once each.
 */
abstract class ServerCalls {

    /** The current deployment's address, recorded as soon as Arquillian has deployed it ({@link DeployedAddress}). */
    static volatile URL deployed;

    /** The address of a path on the deployed server. */
    URI uri(String path) {
        URL base = deployed;
        if (base == null) {
            throw new IllegalStateException("no deployment yet: scenarios run as @Nested classes of a suite that "
                    + "extends KlassrumServerTest");
        }
        try {
            return base.toURI().resolve(URI.create(path));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
