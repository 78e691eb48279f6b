package se.klassrum.web.api;

import java.util.Locale;
import java.util.UUID;

/** Parsing of request parameters with messages that name the parameter, instead of a bare 404 or 500. */
final class Params {

    private Params() {
    }

    static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " saknas", field + " is missing");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInputException(field, field + " måste vara ett UUID, inte '" + value + "'",
                    field + " must be a UUID, not '" + value + "'");
        }
    }

    static UUID optionalUuid(String field, String value) {
        return value == null || value.isBlank() ? null : uuid(field, value);
    }

    /** A page request from the {@code limit} and {@code cursor} query parameters. */
    static se.klassrum.access.api.Page page(int limit, String cursor) {
        if (limit < 1 || limit > se.klassrum.access.api.Page.MAX_LIMIT) {
            int max = se.klassrum.access.api.Page.MAX_LIMIT;
            throw new InvalidInputException("limit", "limit måste vara 1–" + max, "limit must be 1–" + max);
        }
        return new se.klassrum.access.api.Page(limit, cursor);
    }

    static <E extends Enum<E>> E oneOf(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " saknas", field + " is missing");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            String allowed = java.util.Arrays.toString(type.getEnumConstants());
            throw new InvalidInputException(field, field + " måste vara en av " + allowed,
                    field + " must be one of " + allowed);
        }
    }
}
