package se.klassrum.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import se.klassrum.access.audit.AuditUnavailableException;

/**
 * A decision that could not be recorded is not acted on: 503 with Retry-After, and nothing of the data asked
 * for. It happens only when the database does not take the audit log's writes in time.
 */
@Provider
public class AuditUnavailableMapper implements ExceptionMapper<AuditUnavailableException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(AuditUnavailableException unavailable) {
        return Response.fromResponse(Problem.in(headers, "audit-unavailable", Response.Status.SERVICE_UNAVAILABLE,
                        new Problem.Text("Tillfälligt otillgänglig", "Temporarily unavailable"),
                        new Problem.Text("Beslutet kunde inte loggas. Försök igen om en stund.",
                                "The decision could not be recorded. Try again in a moment."))
                        .response())
                .header("Retry-After", "5")
                .build();
    }
}
