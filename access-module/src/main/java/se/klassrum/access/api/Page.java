package se.klassrum.access.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A page request: at most {@code limit} items after the position that {@code cursor} encodes. A cursor is
 * opaque to clients: it holds the sort keys of the last item of the previous page (always ending with its
 * id), so pages stay stable while items are added.
 */
public record Page(int limit, String cursor) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;
    private static final String SEPARATOR = "\u001F";

    public Page {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT);
        }
    }

    public static Page first(int limit) {
        return new Page(limit, null);
    }

    /**
     * The sort keys of the item this page starts after, or null for the first page.
     *
     * @param count how many keys the list's cursor has; another count means the cursor is not from this list
     */
    public List<String> after(int count) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] keys = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (keys.length != count) {
                throw new InvalidCursorException();
            }
            return Arrays.asList(keys);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidCursorException();
        }
    }

    /** The cursor that continues after an item with these sort keys. */
    public static String cursorAfter(Object... keys) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                joined.append(SEPARATOR);
            }
            joined.append(keys[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor that this server did not hand out. */
    public static final class InvalidCursorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidCursorException() {
            super("The cursor is not one this server handed out");
        }
    }
}
