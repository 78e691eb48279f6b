package se.klassrum.web.platform;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import se.klassrum.access.api.Actor;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Gives every request its id ({@link RequestIds}, answered in {@code X-Request-Id}) and, for the API, writes one JSON
 * line per request to the logger {@value #LOGGER} and times it per endpoint (README.md, "Operations"). The line holds
 * the request id, the method, the endpoint's path template (never the path itself, whose ids could name a student),
 * the status, the duration in milliseconds and the kind of caller: never a name or an id of a person.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class RequestLog extends HttpFilter {

    /** The logger of the request lines, for operators to route. */
    public static final String LOGGER = "klassrum.requests";
    /** The endpoint of a request that matched no resource method. */
    public static final String UNMATCHED = "unmatched";

    private static final long serialVersionUID = 1L;
    private static final Logger LINES = Logger.getLogger(LOGGER);
    private static final String ENDPOINT = RequestLog.class.getName() + ".endpoint";
    private static final String CALLER_KIND = RequestLog.class.getName() + ".caller";
    private static final Metadata HTTP = Metadata.builder().withName("klassrum.http.requests")
            .withDescription("API requests by method, endpoint (path template) and status, and how long they took")
            .withUnit(MetricUnits.SECONDS).build();

    @Inject
    transient MetricRegistry registry;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestIds.of(request);
        response.setHeader(RequestIds.HEADER, id);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            long took = System.nanoTime() - started;
            String endpoint = request.getAttribute(ENDPOINT) instanceof String template ? template : UNMATCHED;
            String caller = request.getAttribute(CALLER_KIND) instanceof String kind ? kind : "none";
            registry.timer(HTTP, new Tag("method", request.getMethod()), new Tag("endpoint", endpoint),
                    new Tag("status", Integer.toString(status))).update(Duration.ofNanos(took));
            LINES.info(line(id, request.getMethod(), endpoint, status, took, caller));
        }
    }

    /** The request's line: one JSON object. */
    public static String line(String requestId, String method, String endpoint, int status, long nanos, String caller) {
        return Json.createObjectBuilder()
                .add("requestId", requestId)
                .add("method", method)
                .add("endpoint", endpoint)
                .add("status", status)
                .add("durationMs", Math.round(nanos / 10_000.0) / 100.0)
                .add("caller", caller)
                .build().toString();
    }

    /** Told by the API which resource method answers the request: its path template. */
    public static void endpoint(HttpServletRequest request, String template) {
        request.setAttribute(ENDPOINT, template);
    }

    /** Told who the caller turned out to be. */
    public static void caller(HttpServletRequest request, Optional<Actor> actor) {
        request.setAttribute(CALLER_KIND, callerKind(actor));
    }

    /** The kind of caller, as the line and nothing else names it: person, guardian, application or none. */
    public static String callerKind(Optional<Actor> actor) {
        return actor.map(known -> switch (known) {
            case Actor.Person person -> person.guardianLogin() ? "guardian" : "person";
            case Actor.Application application -> "application";
        }).orElse("none");
    }
}
