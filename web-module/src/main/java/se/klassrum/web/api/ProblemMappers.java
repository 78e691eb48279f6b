package se.klassrum.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.web.security.ForeignTenantException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.util.Locale;

/** Every refusal of the access rules as an RFC 9457 problem, in the caller's language. */
final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class AccessDenied implements ExceptionMapper<AccessDeniedException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(AccessDeniedException denied) {
            Locale locale = Language.of(headers);
            boolean english = Language.english(locale);
            return Problem.of("access-denied",
                            english ? "Access denied" : "Åtkomst nekad",
                            Response.Status.FORBIDDEN,
                            english ? "A prerequisite for seeing this student's information is missing."
                                    : "En förutsättning för att se elevens information saknas.")
                    .with("prerequisites", DecisionJson.missing(denied.decision(), locale))
                    .response();
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<StudentDataNotFoundException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(StudentDataNotFoundException notFound) {
            boolean english = Language.english(Language.of(headers));
            return Problem.of("not-found",
                            english ? "Not found" : "Hittades inte",
                            Response.Status.NOT_FOUND,
                            english ? "There is no such student or group." : "Det finns ingen sådan elev eller grupp.")
                    .response();
        }
    }

    @Provider
    public static class NotSignedIn implements ExceptionMapper<NotSignedInException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(NotSignedInException notSignedIn) {
            boolean english = Language.english(Language.of(headers));
            return Problem.of("not-signed-in",
                            english ? "Not signed in" : "Inte inloggad",
                            Response.Status.UNAUTHORIZED,
                            english ? "Send a token of a person or application that Klassrum knows."
                                    : "Skicka en token för en person eller applikation som Klassrum känner till.")
                    .response();
        }
    }

    @Provider
    public static class NotPermitted implements ExceptionMapper<NotPermittedException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(NotPermittedException notPermitted) {
            boolean english = Language.english(Language.of(headers));
            return Problem.of("not-permitted",
                            english ? "Not permitted" : "Inte tillåtet",
                            Response.Status.FORBIDDEN,
                            english ? "This needs a school administrator or an application permission."
                                    : "Det här kräver en skoladministratör eller en applikationsbehörighet.")
                    .response();
        }
    }

    @Provider
    public static class ForeignTenant implements ExceptionMapper<ForeignTenantException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ForeignTenantException foreign) {
            boolean english = Language.english(Language.of(headers));
            JsonArrayBuilder missing = Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("code", "SAME_TENANT")
                    .add("message", english ? "The token belongs to another organisation than the one it names."
                            : "Token hör till en annan organisation än den den anger."));
            return Problem.of("access-denied", english ? "Access denied" : "Åtkomst nekad", Response.Status.FORBIDDEN,
                            english ? "The token is for another organisation." : "Token gäller en annan organisation.")
                    .with("prerequisites", missing)
                    .response();
        }
    }

    @Provider
    public static class BadInput implements ExceptionMapper<InvalidInputException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(InvalidInputException invalid) {
            boolean english = Language.english(Language.of(headers));
            return Problem.of("invalid-input",
                            english ? "Invalid input" : "Ogiltig indata",
                            Response.Status.BAD_REQUEST,
                            english ? invalid.english() : invalid.swedish())
                    .with("field", invalid.field())
                    .response();
        }
    }
}
