package se.klassrum.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem ("application/problem+json"). The type URIs are stable identifiers documented in
 * README; they need not resolve.
 */
final class Problem {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://klassrum.se/problems/";

    private final JsonObjectBuilder body = Json.createObjectBuilder();
    private final int status;

    private Problem(String type, String title, int status, String detail) {
        this.status = status;
        body.add("type", TYPE_BASE + type).add("title", title).add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
    }

    static Problem of(String type, String title, Response.Status status, String detail) {
        return new Problem(type, title, status.getStatusCode(), detail);
    }

    /** A problem in the caller's language: English when Accept-Language prefers it, Swedish otherwise. */
    static Problem in(HttpHeaders headers, String type, Response.Status status, Text title, Text detail) {
        boolean english = Language.english(Language.of(headers));
        return of(type, title.in(english), status, detail.in(english));
    }

    /** A text in both languages. */
    record Text(String swedish, String english) {
        String in(boolean inEnglish) {
            return inEnglish ? english : swedish;
        }
    }

    Problem with(String name, String value) {
        body.add(name, value);
        return this;
    }

    Problem with(String name, JsonArrayBuilder values) {
        body.add(name, values);
        return this;
    }

    JsonObject json() {
        return body.build();
    }

    Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(json().toString()).build();
    }
}
