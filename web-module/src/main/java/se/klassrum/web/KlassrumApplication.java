package se.klassrum.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The integration API. Resources carry their version in the path ({@code /api/v1/...}); callers
 * authenticate with a MicroProfile JWT (issuer and key from the {@code klassrum.jwt.*} settings).
 */
@ApplicationPath("/api")
// A bean-defining annotation, so that the MicroProfile JWT extension sees @LoginConfig in an "annotated" archive.
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
public class KlassrumApplication extends Application {
}
