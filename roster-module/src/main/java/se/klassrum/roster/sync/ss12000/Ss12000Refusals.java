package se.klassrum.roster.sync.ss12000;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import se.klassrum.roster.sync.Backoff;

import java.io.StringReader;

/**
 * Turns the register's error answers into {@link Ss12000Busy} (429 and 5xx but 501, with the Retry-After it gave) or
 * {@link Ss12000Refusal} (any other status of 400 and above), keeping the message of an SS 12000 Error body.
 */
public final class Ss12000Refusals implements ResponseExceptionMapper<Ss12000Refusal> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public Ss12000Refusal toThrowable(Response response) {
        int status = response.getStatus();
        String message = errorMessage(response);
        // 501 Not Implemented is an answer, not a passing failure: the register does not offer what was asked.
        if (status == 429 || (status >= 500 && status != 501)) {
            String retryAfter = response.getHeaderString(HttpHeaders.RETRY_AFTER);
            return new Ss12000Busy(status, message, retryAfter == null ? null : Backoff.retryAfter(retryAfter));
        }
        return new Ss12000Refusal(status, message, null);
    }

    /** The {@code message} of an SS 12000 Error body, or null. */
    private static String errorMessage(Response response) {
        try {
            String body = response.readEntity(String.class);
            try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
                JsonObject error = reader.readObject();
                return Ss12000Model.text(error, "message");
            }
        } catch (RuntimeException notAnError) {
            return null;
        }
    }
}
