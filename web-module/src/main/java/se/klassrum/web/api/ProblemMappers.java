package se.klassrum.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.importer.ImportNotAdmitted;
import se.klassrum.roster.sync.graph.GraphException;
import se.klassrum.teaching.entity.FileRefusedException;
import se.klassrum.teaching.entity.TeachingException;
import se.klassrum.web.api.Problem.Text;

import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import static jakarta.ws.rs.core.Response.Status.BAD_REQUEST;
import static jakarta.ws.rs.core.Response.Status.CONFLICT;
import static jakarta.ws.rs.core.Response.Status.FORBIDDEN;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;

/** Every refusal as an RFC 9457 problem, in the caller's language. */
final class ProblemMappers {

    private static final Text ACCESS_DENIED = new Text("Åtkomst nekad", "Access denied");
    private static final Text INVALID_INPUT = new Text("Ogiltig indata", "Invalid input");

    private ProblemMappers() {
    }

    @Provider
    public static class AccessDenied implements ExceptionMapper<AccessDeniedException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(AccessDeniedException denied) {
            Locale locale = Language.of(headers);
            return Problem.in(headers, "access-denied", FORBIDDEN, ACCESS_DENIED,
                            new Text("En förutsättning för att se elevens information saknas.",
                                    "A prerequisite for seeing this student's information is missing."))
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
            return Problem.in(headers, "not-found", NOT_FOUND, new Text("Hittades inte", "Not found"),
                            new Text("Det finns ingen sådan elev eller grupp.", "There is no such student or group."))
                    .response();
        }
    }

    @Provider
    public static class NotSignedIn implements ExceptionMapper<NotSignedInException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(NotSignedInException notSignedIn) {
            return answer(headers);
        }

        /** The 401 problem; also the answer of {@link CallerRequired} before a body is read. */
        static Response answer(HttpHeaders headers) {
            return Problem.in(headers, "not-signed-in", UNAUTHORIZED, new Text("Inte inloggad", "Not signed in"),
                            new Text("Skicka en token för en person eller applikation som Klassrum känner till.",
                                    "Send a token of a person or application that Klassrum knows."))
                    .response();
        }
    }

    @Provider
    public static class NotPermitted implements ExceptionMapper<NotPermittedException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(NotPermittedException notPermitted) {
            return Problem.in(headers, "not-permitted", FORBIDDEN, new Text("Inte tillåtet", "Not permitted"),
                            new Text("Det här kräver en skoladministratör eller en applikationsbehörighet.",
                                    "This needs a school administrator or an application permission."))
                    .response();
        }
    }

    @Provider
    public static class BadParameter implements ExceptionMapper<InvalidInputException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(InvalidInputException invalid) {
            return Problem.in(headers, "invalid-input", BAD_REQUEST, INVALID_INPUT,
                            new Text(invalid.swedish(), invalid.english()))
                    .with("field", invalid.field())
                    .response();
        }
    }

    @Provider
    public static class InvalidCursor implements ExceptionMapper<Page.InvalidCursorException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Page.InvalidCursorException invalid) {
            return Problem.in(headers, "invalid-input", BAD_REQUEST, INVALID_INPUT,
                            new Text("Markören kommer inte från den här servern.", "The cursor is not one this server handed out."))
                    .with("field", "cursor")
                    .response();
        }
    }

    /** Bean Validation: one entry per invalid field, with the field's name and the constraint's message. */
    @Provider
    public static class InvalidBody implements ExceptionMapper<ConstraintViolationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ConstraintViolationException invalid) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
                fields.add(Json.createObjectBuilder()
                        .add("field", field(violation))
                        .add("message", violation.getMessage()));
            }
            return Problem.in(headers, "invalid-input", BAD_REQUEST, INVALID_INPUT,
                            new Text("Några fält saknas eller är ogiltiga.", "Some fields are missing or invalid."))
                    .with("errors", fields)
                    .response();
        }

        /** "createAssignment.arg0.title" -> "title": the client knows its JSON fields, not our parameters. */
        private static String field(ConstraintViolation<?> violation) {
            String path = violation.getPropertyPath().toString();
            int argument = path.indexOf(".arg");
            if (argument >= 0) {
                int next = path.indexOf('.', argument + 1);
                return next < 0 ? "body" : path.substring(next + 1);
            }
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }
    }

    /** A roster change the roster refuses: unknown ids are 404, clashes 409, malformed values 400. */
    @Provider
    public static class RosterRefused implements ExceptionMapper<RosterException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(RosterException refused) {
            Response.Status status = switch (refused.code().kind()) {
                case NOT_FOUND -> NOT_FOUND;
                case CONFLICT -> CONFLICT;
                case INVALID -> BAD_REQUEST;
            };
            return Problem.in(headers, status == BAD_REQUEST ? "invalid-input" : "refused", status,
                            new Text("Inte möjligt", "Not possible"), new Text(refused.messageSv(), refused.messageEn()))
                    .with("code", refused.code().name())
                    .response();
        }
    }

    /**
     * An import or sync that was not started, nothing read: 409 naming the organisation's run in progress, or 503 when
     * this server already reads as many imports as {@code klassrum.import.parallel} allows; both with Retry-After.
     */
    @Provider
    public static class ImportRefused implements ExceptionMapper<ImportNotAdmitted> {
        /** Seconds before trying again: a large import takes minutes, a small one seconds. */
        static final String RETRY_AFTER = "30";

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ImportNotAdmitted refused) {
            Problem problem;
            if (refused.runningRun().isPresent()) {
                String run = refused.runningRun().get().toString();
                problem = Problem.in(headers, "import-running", CONFLICT,
                                new Text("En import pågår redan", "An import is already running"),
                                new Text("Organisationens import " + run + " pågår; ingenting av den här lästes. Försök"
                                        + " igen när den är klar (GET /api/v1/imports/" + run + ").",
                                        "The organisation's import " + run + " is running; nothing of this one was read."
                                                + " Try again when it has finished (GET /api/v1/imports/" + run + ")."))
                        .with("run", run);
            } else {
                problem = Problem.in(headers, "imports-busy", Response.Status.SERVICE_UNAVAILABLE,
                        new Text("Servern importerar redan", "The server is busy importing"),
                        new Text("Servern läser redan så många importer som den får samtidigt; ingenting av den här"
                                + " lästes. Försök igen om en stund.", "The server already reads as many imports as it"
                                + " may at once; nothing of this one was read. Try again in a while."));
            }
            return Response.fromResponse(problem.response()).header("Retry-After", RETRY_AFTER).build();
        }
    }

    /** Microsoft Graph failed or refused: 502, with the reason (what to grant, or Graph's own message). */
    @Provider
    public static class MicrosoftFailed implements ExceptionMapper<GraphException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(GraphException failed) {
            return Problem.in(headers, "microsoft-graph", Response.Status.BAD_GATEWAY,
                            new Text("Microsoft Graph svarade inte som väntat", "Microsoft Graph did not answer as expected"),
                            new Text("Microsoft Graph: " + failed.getMessage(), "Microsoft Graph: " + failed.getMessage()))
                    .with("graphStatus", String.valueOf(failed.status()))
                    .response();
        }
    }

    /** An upload not taken: too large (413) or of a type not allowed (415). Nothing of it was kept. */
    @Provider
    public static class FileRefused implements ExceptionMapper<FileRefusedException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(FileRefusedException refused) {
            boolean tooLarge = refused.reason() == FileRefusedException.Reason.TOO_LARGE;
            return Problem.in(headers, tooLarge ? "file-too-large" : "file-type-not-allowed",
                            tooLarge ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.UNSUPPORTED_MEDIA_TYPE,
                            tooLarge ? new Text("Filen är för stor", "The file is too large")
                                    : new Text("Filtypen tas inte emot", "The type of file is not accepted"),
                            new Text(refused.swedish(), refused.english()))
                    .with("code", refused.code())
                    .response();
        }
    }

    @Provider
    public static class Refused implements ExceptionMapper<TeachingException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(TeachingException refused) {
            return Problem.in(headers, "refused", CONFLICT, new Text("Inte möjligt", "Not possible"),
                            new Text(refused.swedish(), refused.english()))
                    .with("code", refused.code())
                    .response();
        }
    }

    /**
     * What the runtime refuses before a resource runs (no such path 404, wrong method 405 with {@code Allow}, a body of
     * another media type 415, ...): the same status and headers, as a problem instead of the runtime's page. A refusal
     * that already carries its own answer keeps it.
     */
    @Provider
    public static class RuntimeRefusal implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException refused) {
            Response original = refused.getResponse();
            if (original.hasEntity()) {
                return original;
            }
            int status = original.getStatus();
            Text title = switch (status) {
                case 400 -> INVALID_INPUT;
                case 401 -> new Text("Inte inloggad", "Not signed in");
                case 403 -> new Text("Inte tillåtet", "Not permitted");
                case 404 -> new Text("Hittades inte", "Not found");
                case 405 -> new Text("Metoden stöds inte", "Method not allowed");
                case 406 -> new Text("Formatet kan inte levereras", "Not acceptable");
                case 415 -> new Text("Innehållstypen stöds inte", "Unsupported media type");
                default -> status >= 500 ? new Text("Internt fel", "Internal error") : new Text("Felaktig begäran", "Bad request");
            };
            Text detail = switch (status) {
                case 404 -> new Text("Det finns ingen sådan adress i API:t.", "There is no such address in the API.");
                case 405 -> new Text("Adressen finns men tar inte emot den här metoden.", "The address exists but does not take this method.");
                case 415 -> new Text("Skicka innehållet som application/json.", "Send the body as application/json.");
                default -> title;
            };
            Response problem = Problem.in(headers, status == 404 ? "not-found" : "http-" + status,
                    Response.Status.fromStatusCode(status) == null ? Response.Status.BAD_REQUEST : Response.Status.fromStatusCode(status),
                    title, detail).response();
            Response.ResponseBuilder answer = Response.fromResponse(problem);
            original.getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                    values.forEach(value -> answer.header(name, value));
                }
            });
            return answer.build();
        }
    }

    /**
     * Anything else is a fault of ours: logged here with a reference, answered as a 500 problem that names the reference
     * and nothing of the code.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Exception unexpected) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, unexpected);
            return Problem.in(headers, "internal-error", Response.Status.INTERNAL_SERVER_ERROR,
                            new Text("Internt fel", "Internal error"),
                            new Text("Något gick fel hos Klassrum. Uppge referensen " + reference + " till supporten.",
                                    "Something went wrong in Klassrum. Give support the reference " + reference + "."))
                    .with("reference", reference)
                    .response();
        }
    }
}
