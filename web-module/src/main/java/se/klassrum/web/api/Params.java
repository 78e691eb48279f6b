package se.klassrum.web.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

    /** An optional ISO 8601 time with its offset, e.g. {@code 2026-11-01T00:00:00Z}; null when absent. */
    static OffsetDateTime optionalTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException notATime) {
            throw new InvalidInputException(field, field + " måste vara en tid enligt ISO 8601 med tidszon, t.ex. "
                    + "2026-11-01T00:00:00Z", field + " must be an ISO 8601 time with its offset, e.g. 2026-11-01T00:00:00Z");
        }
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
