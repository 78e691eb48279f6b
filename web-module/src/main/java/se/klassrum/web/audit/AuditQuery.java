package se.klassrum.web.audit;

import se.klassrum.access.api.DataKind;
import se.klassrum.access.audit.AuditFilter;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The filters of a student's audit log as the page, the API and the export take them, as text: who asked (an id as
 * the log keeps it), what kind of data, from and to which day (inclusive, Swedish time) and the outcome
 * ({@code allowed} or {@code denied}). Blank means "any".
 */
public record AuditQuery(String actor, String kind, String from, String to, String outcome) {

    /** The kinds a log's entry may have: the kinds of student data, and the administrative changes. */
    public static final List<String> KINDS;

    static {
        List<String> kinds = new ArrayList<>();
        for (DataKind kind : DataKind.values()) {
            kinds.add(kind.name());
        }
        kinds.add("GUARDIAN_LINK");
        kinds.add("GUARDIAN_LOGIN");
        kinds.add("STUDENT_DATA");
        KINDS = List.copyOf(kinds);
    }

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    private static final int MAX_ACTOR = 200;

    /** A filter that cannot be read, naming its field, in Swedish and English. */
    public static final class InvalidFilter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String field;
        private final String swedish;

        InvalidFilter(String field, String swedish, String english) {
            super(english);
            this.field = field;
            this.swedish = swedish;
        }

        public String field() {
            return field;
        }

        public String swedish() {
            return swedish;
        }

        public String english() {
            return getMessage();
        }
    }

    /**
     * The filter for the log.
     *
     * @throws InvalidFilter naming the first field that cannot be read
     */
    public AuditFilter filter() {
        String actorId = blank(actor) ? null : actor.strip();
        if (actorId != null && actorId.length() > MAX_ACTOR) {
            throw new InvalidFilter("actor", "actor får vara högst " + MAX_ACTOR + " tecken",
                    "actor may be at most " + MAX_ACTOR + " characters");
        }
        String dataKind = blank(kind) ? null : kind.strip().toUpperCase(Locale.ROOT);
        if (dataKind != null && !KINDS.contains(dataKind)) {
            throw new InvalidFilter("kind", "kind måste vara en av " + KINDS, "kind must be one of " + KINDS);
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidFilter("to", "to får inte vara före from", "to may not be before from");
        }
        Boolean allowed = null;
        if (!blank(outcome)) {
            switch (outcome.strip().toLowerCase(Locale.ROOT)) {
                case "allowed" -> allowed = true;
                case "denied" -> allowed = false;
                default -> throw new InvalidFilter("outcome", "outcome måste vara allowed eller denied",
                        "outcome must be allowed or denied");
            }
        }
        return new AuditFilter(actorId, dataKind,
                first == null ? null : first.atStartOfDay(SCHOOL_ZONE).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(SCHOOL_ZONE).toInstant(), allowed);
    }

    private static LocalDate day(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADay) {
            throw new InvalidFilter(field, field + " måste vara ett datum som 2026-08-20", field + " must be a date like 2026-08-20");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
