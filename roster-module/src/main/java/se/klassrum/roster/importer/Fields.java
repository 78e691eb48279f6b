package se.klassrum.roster.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads the values of a line, adding a problem for each one that cannot be used. */
final class Fields {

    /** The longest id the roster stores (external ids of schools, people and groups). */
    static final int ID = 100;
    static final int NAME = 100;
    static final int TITLE = 200;
    static final int CODE = 30;
    static final int EMAIL = 320;

    private Fields() {
    }

    /** A value that must be there; null (with a problem) if blank or too long. */
    static String required(CsvTable.Row row, String column, int max, Problems problems) {
        String value = row.get(column);
        if (value.isEmpty()) {
            problems.add(row.where(), "the value of '" + column + "' is missing");
            return null;
        }
        return checked(row, column, value, max, problems);
    }

    /** A value that may be blank (null then); null with a problem if too long. */
    static String optional(CsvTable.Row row, String column, int max, Problems problems) {
        String value = row.get(column);
        return value.isEmpty() ? null : checked(row, column, value, max, problems);
    }

    /** A date, or null if blank; null with a problem if it cannot be read. */
    static LocalDate date(CsvTable.Row row, String column, Function<String, LocalDate> parser, Problems problems) {
        try {
            return parser.apply(row.get(column));
        } catch (IllegalArgumentException invalid) {
            problems.add(row.where(), "'" + column + "': " + invalid.getMessage());
            return null;
        }
    }

    /** A comma-separated list, e.g. "id1,id2" (quoted in the file); blank entries are dropped. */
    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static String checked(CsvTable.Row row, String column, String value, int max, Problems problems) {
        if (value.length() > max) {
            problems.add(row.where(), "the value of '" + column + "' is longer than " + max + " characters");
            return null;
        }
        return value;
    }
}
