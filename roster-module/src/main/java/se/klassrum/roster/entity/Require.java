package se.klassrum.roster.entity;

import java.util.Objects;

/**
 * The checks every constructor repeats, raising the same coded errors everywhere. Public for the roster import, which
 * writes new rows in bulk without building entities and applies the same checks to them.
 */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw RosterException.of(RosterError.VALUE_REQUIRED, "field", field);
        }
        return value;
    }

    /** Trims, because values from the student register often carry stray spaces that would break uniqueness. */
    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw RosterException.of(RosterError.VALUE_REQUIRED, "field", field);
        }
        return optionalText(value, field, maxLength);
    }

    /** Like {@link #text} but blank means absent. */
    public static String optionalText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw RosterException.of(RosterError.VALUE_TOO_LONG, "field", field, "max", maxLength);
        }
        return trimmed;
    }

    public static void sameTenant(Tenant first, String firstName, Tenant second, String secondName) {
        if (!Objects.equals(first.id(), second.id())) {
            throw RosterException.of(RosterError.DIFFERENT_TENANT, "first", firstName, "second", secondName);
        }
    }
}
