package se.klassrum.access.api;

import java.util.List;

/**
 * A page request: at most {@code limit} items after the position that {@code cursor} names. A cursor is
 * sealed by {@link Cursors}: it holds the sort keys of the last item the caller received on the previous page
 * (always ending with its id), so pages stay stable while items are added, and the client can read nothing
 * from it.
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

    /**
     * The sort keys of the item this page starts after, or null for the first page.
     *
     * @param count how many keys the list's cursor has; another count means the cursor is not from this list
     * @throws InvalidCursorException when the cursor was not handed out by this server or was changed
     */
    public List<String> after(int count) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        return Cursors.open(cursor, count);
    }

    /** The page of {@code limit} items after the item with these sort keys. */
    public static Page after(int limit, List<String> sortKeys) {
        return new Page(limit, Cursors.seal(sortKeys));
    }

    /** A cursor that this server did not hand out. */
    public static final class InvalidCursorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidCursorException() {
            super("The cursor is not one this server handed out");
        }
    }
}
