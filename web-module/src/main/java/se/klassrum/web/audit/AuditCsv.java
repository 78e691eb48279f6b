package se.klassrum.web.audit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A student's audit log as a CSV file (RFC 4180, written by Apache Commons CSV): UTF-8 with a byte order mark, so
 * that Excel reads "å", "ä" and "ö" right, comma-separated with every field quoted, lines ending in CRLF, headers in
 * the reader's language. A field that a spreadsheet would take for a formula (it starts with =, +, -, @ or a tab)
 * is prefixed with an apostrophe, so that a name from the register never runs as one.
 */
public final class AuditCsv {

    /** The media type of the export. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(org.apache.commons.csv.QuoteMode.ALL)
            .get();

    private AuditCsv() {
    }

    /** The file name offered for the download: {@code logg-<student id>.csv}. */
    public static String fileName(java.util.UUID student) {
        return "logg-" + student + ".csv";
    }

    /** The file name offered for the download of the log of an administrator's schools: {@code logg-skolor.csv}. */
    public static final String SCHOOLS_FILE_NAME = "logg-skolor.csv";

    /** Writes the rows, newest first as given, and flushes; the stream stays open. */
    public static void write(List<AuditExtract.Row> rows, AuditSentences words, OutputStream out) throws IOException {
        CSVPrinter csv = start(words, out, false);
        for (AuditExtract.Row row : rows) {
            csv.printRecord(fields(row, words));
        }
        csv.flush();
    }

    /**
     * Writes the entries of the log of an administrator's schools, newest first as given, each with the students it
     * concerns (names, "; "-separated, and ids), and flushes; the stream stays open.
     */
    public static void writeLines(List<OrganisationLog.Line> lines, AuditSentences words, OutputStream out) throws IOException {
        CSVPrinter csv = start(words, out, true);
        for (OrganisationLog.Line line : lines) {
            List<Object> fields = new java.util.ArrayList<>(fields(line.row(), words));
            fields.add(safe(line.students().stream().map(student -> student.name() == null ? words.text("student.protected")
                    : student.name()).collect(java.util.stream.Collectors.joining("; "))));
            fields.add(line.students().stream().map(student -> student.id().toString())
                    .collect(java.util.stream.Collectors.joining(";")));
            csv.printRecord(fields);
        }
        csv.flush();
    }

    private static CSVPrinter start(AuditSentences words, OutputStream out, boolean students) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        List<String> headers = new java.util.ArrayList<>(List.of(words.text("csv.time"), words.text("csv.event"),
                words.text("csv.actor"), words.text("csv.actorId"), words.text("csv.kind"), words.text("csv.operation"),
                words.text("csv.outcome"), words.text("csv.reasons"), words.text("csv.codes"), words.text("csv.request"),
                words.text("csv.seq")));
        if (students) {
            headers.add(words.text("csv.students"));
            headers.add(words.text("csv.studentIds"));
        }
        csv.printRecord(headers);
        return csv;
    }

    private static List<String> fields(AuditExtract.Row row, AuditSentences words) {
        return java.util.Arrays.asList(row.when(), safe(row.sentence()), safe(row.actor()), safe(row.actorId()),
                safe(words.kind(row.kind())), safe(row.operation()), row.outcome(),
                safe(String.join("; ", row.reasons())), String.join(",", row.failingCodes()), safe(row.requestId()),
                Long.toString(row.seq()));
    }

    /** A field as a spreadsheet shows it as text, never evaluates it. */
    static String safe(String field) {
        if (field == null || field.isEmpty()) {
            return field;
        }
        char first = field.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + field : field;
    }
}
