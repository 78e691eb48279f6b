package se.klassrum.teaching.boundary;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/**
 * A page request: at most {@code limit} items after the position that {@code cursor} encodes. A cursor is
 * opaque to clients; it names the last item of the previous page by its sort time and id, so pages stay
 * stable while new items arrive.
 */
public record Page(int limit, String cursor) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public Page {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT);
        }
    }

    public static Page first(int limit) {
        return new Page(limit, null);
    }

    /** The position after which this page starts, or null for the first page. */
    Position position() {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            return new Position(OffsetDateTime.parse(decoded.substring(0, bar)), UUID.fromString(decoded.substring(bar + 1)));
        } catch (RuntimeException malformed) {
            throw new InvalidCursorException();
        }
    }

    static String cursorAfter(OffsetDateTime time, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((time.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    record Position(OffsetDateTime time, UUID id) {
    }

    /** A cursor that this server did not hand out. */
    public static final class InvalidCursorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidCursorException() {
            super("The cursor is not one this server handed out");
        }
    }
}
