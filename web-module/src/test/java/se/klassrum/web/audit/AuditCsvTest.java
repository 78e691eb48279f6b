package se.klassrum.web.audit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    private static AuditExtract.Row row(long seq, String actor, String sentence, boolean allowed, List<String> reasons) {
        return new AuditExtract.Row(seq, Instant.parse("2026-12-06T08:15:30Z"), "2026-12-06 09:15:30", "ACCESS", "PERSON",
                "6f1c0d6e-8a65-4b4c-9a57-0c4d1d1f2a10", actor, "ASSESSMENT", "READ", allowed,
                allowed ? List.of() : List.of("ROLE_TEACHER", "OWNS_TEACHING_GROUP"), "req-" + seq, sentence,
                allowed ? "tillåtet" : "nekat", reasons);
    }

    private static byte[] csv(List<AuditExtract.Row> rows, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditCsv.write(rows, new AuditSentences(locale), out);
        return out.toByteArray();
    }

    @Test
    void startsWithAByteOrderMarkAndHeadersInTheReadersLanguage() throws IOException {
        byte[] bytes = csv(List.of(), Locale.forLanguageTag("sv"));

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFF\"Tidpunkt\",\"Händelse\",\"Vem\",\"Vem (id)\","
                + "\"Slags information\",\"Åtgärd\",\"Utfall\",\"Skäl\",\"Koder\",\"Förfrågan\",\"Post\"\r\n");
        assertThat(new String(csv(List.of(), Locale.ENGLISH), StandardCharsets.UTF_8)).startsWith("\uFEFF\"Time\",\"Event\",\"Who\"");
    }

    @Test
    void commasQuotesAndLineBreaksSurviveAndEveryRowReadsBackAsWritten() throws IOException {
        String awkward = "Anna \"Annie\" Andersson, lärare\nrad två";
        List<AuditExtract.Row> rows = List.of(
                row(12, awkward, "Anna läste Elsas omdömen", true, List.of()),
                row(11, "Cecilia Carlsson", "Cecilia Carlsson försökte läsa Elsas omdömen", false,
                        List.of("Användaren har inte rollen Lärare på någon berörd skola", "Ingen grupp")));

        String text = new String(csv(rows, Locale.forLanguageTag("sv")), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();

        assertThat(records).hasSize(3);
        assertThat(records.get(1).values()).containsExactly("2026-12-06 09:15:30", "Anna läste Elsas omdömen", awkward,
                "6f1c0d6e-8a65-4b4c-9a57-0c4d1d1f2a10", "omdömen", "READ", "tillåtet", "", "", "req-12", "12");
        assertThat(records.get(2).get(6)).isEqualTo("nekat");
        assertThat(records.get(2).get(7)).isEqualTo("Användaren har inte rollen Lärare på någon berörd skola; Ingen grupp");
        assertThat(records.get(2).get(8)).isEqualTo("ROLE_TEACHER,OWNS_TEACHING_GROUP");
    }

    @Test
    void aFieldASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws IOException {
        List<AuditExtract.Row> rows = List.of(row(1, "=HYPERLINK(\"http://example.invalid\")", "+1 läste", true, List.of()),
                row(2, "@SUM(A1)", "-2", true, List.of()));

        String text = new String(csv(rows, Locale.forLanguageTag("sv")), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();

        assertThat(records.get(1).get(2)).isEqualTo("'=HYPERLINK(\"http://example.invalid\")");
        assertThat(records.get(1).get(1)).isEqualTo("'+1 läste");
        assertThat(records.get(2).get(2)).isEqualTo("'@SUM(A1)");
        assertThat(records.get(2).get(1)).isEqualTo("'-2");
    }
}
