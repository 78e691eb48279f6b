package se.klassrum.roster.importer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One CSV file of a roster folder, read with Apache Commons CSV (RFC 4180: quoted values may hold commas,
 * quotes and line breaks).
 * <p>
 * Tolerant where real exports differ harmlessly: a UTF-8 byte order mark, CRLF or LF line ends, surrounding
 * spaces, blank lines, columns in any order and in any case, extra columns, empty trailing header cells.
 * Strict where a difference would change meaning: text that is not UTF-8, a missing required column, a
 * line with more or fewer values than the header. Every line number is the physical line in the file, the
 * header being line 1, also when a quoted value spans lines.
 */
final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            // Blank lines are skipped here rather than by the parser, so that line numbers stay exact.
            .setIgnoreEmptyLines(false)
            // Spaces around a value, also before an opening quote: ' "Berg, af" ' is the value Berg, af.
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();

    private CsvTable() {
    }

    /** The file of that name in the folder, compared without regard to case, or null. */
    static Path find(Path folder, String name) {
        Path exact = folder.resolve(name);
        if (Files.isRegularFile(exact)) {
            return exact;
        }
        try (var files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().equalsIgnoreCase(name))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every line after the header.
     *
     * @param name     the name used in problems, e.g. "users.csv"
     * @param required columns that must be in the header
     * @return the columns of the header, in lower case; null if the file could not be used whole (unreadable, also
     *         half-way, or a required column is missing): its problems are then in {@code problems}, and rows before
     *         a break half-way may have been passed on
     */
    static Set<String> read(Path file, String name, Collection<String> required, Problems problems, Consumer<Row> rows) {
        try (InputStream bytes = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
             Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)
                     .onUnmappableCharacter(CodingErrorAction.REPORT));
             CSVParser parser = CSVParser.builder().setReader(text).setFormat(FORMAT).get()) {
            Map<String, Integer> columns = columns(parser.getHeaderNames(), name, problems);
            boolean complete = true;
            for (String column : required) {
                if (!columns.containsKey(key(column))) {
                    problems.add(name, 1, "the required column '" + column + "' is missing");
                    complete = false;
                }
            }
            if (!complete) {
                return null;
            }
            int width = parser.getHeaderNames().size();
            // Some exports end the header in unnamed columns (",,") and leave their values out of the lines.
            int named = width;
            while (named > 0 && (parser.getHeaderNames().get(named - 1) == null
                    || parser.getHeaderNames().get(named - 1).isBlank())) {
                named--;
            }
            if (named < width) {
                problems.note(name + ": the header ends in " + (width - named) + " unnamed column"
                        + (width - named == 1 ? "" : "s") + "; lines without values for them are read as they are");
            }
            long endOfPrevious = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException broken) {
                    if (notUtf8(broken)) {
                        problems.add(name, firstLineNotUtf8(file), NOT_UTF_8);
                    } else {
                        problems.add(name, endOfPrevious + 1, unreadable(broken));
                    }
                    return null; // not read whole: what refers to its rows is not checked against it

                }
                long line = endOfPrevious + 1;
                endOfPrevious = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (record.size() != width && (record.size() < named || record.size() > width)) {
                    problems.add(name, line, "the line has " + record.size() + " values but the header has " + width
                            + " columns");
                    continue;
                }
                rows.accept(new Row(name, line, columns, record));
            }
            return columns.keySet();
        } catch (CharacterCodingException e) {
            problems.add(name, firstLineNotUtf8(file), NOT_UTF_8);
            return null;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            problems.fileProblem(name, "the file cannot be read as CSV: " + message(e));
            return null;
        }
    }

    private static Map<String, Integer> columns(List<String> header, String name, Problems problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i) == null ? "" : header.get(i).strip();
            if (column.isEmpty()) {
                continue;
            }
            if (columns.putIfAbsent(key(column), i) != null) {
                problems.add(name, 1, "the column '" + column + "' appears twice in the header");
            }
        }
        return columns;
    }

    static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    static final String NOT_UTF_8 = "the file is not UTF-8 text: this line is the first that is not (save the file"
            + " as UTF-8)";

    private static boolean notUtf8(RuntimeException broken) {
        for (Throwable cause = broken; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /** The physical line (from 1) of the first bytes that are not UTF-8, found by decoding the file once more. */
    static long firstLineNotUtf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            while (true) {
                java.nio.charset.CoderResult result = decoder.decode(in, out, true);
                if (result.isOverflow()) {
                    out.clear();
                } else if (result.isError()) {
                    break;
                } else {
                    return 0;
                }
            }
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return line;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String unreadable(RuntimeException broken) {
        for (Throwable cause = broken; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return "the file is not UTF-8 text (found on reading about this far)";
            }
        }
        return "the line cannot be read as CSV: " + message(broken);
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** One line of values, read by column name. */
    static final class Row {

        private final String file;
        private final long line;
        private final Map<String, Integer> columns;
        private final CSVRecord record;

        private Row(String file, long line, Map<String, Integer> columns, CSVRecord record) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.record = record;
        }

        Where where() {
            return new Where(file, line);
        }

        String file() {
            return file;
        }

        long line() {
            return line;
        }

        boolean has(String column) {
            return columns.containsKey(key(column));
        }

        /** The value without surrounding spaces; empty if blank or if the file has no such column. */
        String get(String column) {
            Integer index = columns.get(key(column));
            return index == null ? "" : record.get(index).strip();
        }
    }
}
