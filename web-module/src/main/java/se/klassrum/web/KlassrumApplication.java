package se.klassrum.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The integration API. Resources carry their version in the path ({@code /api/v1/...}). */
@ApplicationPath("/api")
public class KlassrumApplication extends Application {
}
