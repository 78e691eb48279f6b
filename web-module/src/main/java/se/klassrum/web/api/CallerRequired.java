package se.klassrum.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import se.klassrum.access.api.CallerProvider;

import java.util.List;

/**
 * Authentication before anything else: a request to the API without a caller Klassrum knows (a verified token of a
 * known person or application, or a guardian's portal session) is answered 401 before its body is read or a resource
 * runs. Only the guardian's sign-in and sign-out take requests without a caller.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerRequired implements ContainerRequestFilter {

    /** The API paths (below /api) open to requests without a caller. */
    static final List<String> OPEN = List.of("v1/guardian/sign-in", "v1/guardian/sign-out");

    @Inject
    CallerProvider caller;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (OPEN.stream().anyMatch(open -> relative.equals(open) || relative.startsWith(open + "/"))) {
            return;
        }
        if (caller.currentActor().isEmpty()) {
            request.abortWith(ProblemMappers.NotSignedIn.answer(headers));
        }
    }
}
