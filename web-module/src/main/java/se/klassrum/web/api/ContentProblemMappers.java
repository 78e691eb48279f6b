package se.klassrum.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import se.klassrum.access.api.Page;
import se.klassrum.teaching.entity.TeachingException;

/** Refusals of input and of the teaching domain as RFC 9457 problems. */
final class ContentProblemMappers {

    private ContentProblemMappers() {
    }

    /** Bean Validation: one entry per invalid field, with the field's path and the constraint's message. */
    @Provider
    public static class InvalidBody implements ExceptionMapper<ConstraintViolationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ConstraintViolationException invalid) {
            boolean english = Language.english(Language.of(headers));
            JsonArrayBuilder fields = Json.createArrayBuilder();
            for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
                fields.add(Json.createObjectBuilder()
                        .add("field", field(violation))
                        .add("message", violation.getMessage()));
            }
            return Problem.of("invalid-input", english ? "Invalid input" : "Ogiltig indata", Response.Status.BAD_REQUEST,
                            english ? "Some fields are missing or invalid." : "Några fält saknas eller är ogiltiga.")
                    .with("errors", fields)
                    .response();
        }

        /** "create.arg1.title" -> "title": the client knows its JSON fields, not our method parameters. */
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

    @Provider
    public static class Refused implements ExceptionMapper<TeachingException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(TeachingException refused) {
            boolean english = Language.english(Language.of(headers));
            return Problem.of("refused", english ? "Not possible" : "Inte möjligt", Response.Status.CONFLICT,
                            english ? refused.english() : refused.swedish())
                    .with("code", refused.code())
                    .response();
        }
    }

    @Provider
    public static class InvalidCursor implements ExceptionMapper<Page.InvalidCursorException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Page.InvalidCursorException invalid) {
            boolean english = Language.english(Language.of(headers));
            return Problem.of("invalid-input", english ? "Invalid input" : "Ogiltig indata", Response.Status.BAD_REQUEST,
                            english ? "The cursor is not one this server handed out." : "Markören kommer inte från den här servern.")
                    .with("field", "cursor")
                    .response();
        }
    }
}
