package se.klassrum.roster.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading one CSV file: exact physical line numbers, and what is tolerated and what is not. */
class CsvTableTest {

    @TempDir
    Path temp;

    @Test
    void line_numbers_are_physical_lines_also_after_quoted_line_breaks_and_blank_lines() throws IOException {
        Path file = temp.resolve("users.csv");
        Files.writeString(file, "\uFEFFsourcedId, GivenName ,familyName\r\n"
                + "1,\"Anna\r\nMaria\",Ek\r\n"
                + "\r\n"
                + "2,  Olle , \"Berg, af\"\r\n"
                + "3,too,many,values\n"
                + "4,Saga,Holm");
        Problems problems = new Problems();
        List<String> rows = new ArrayList<>();

        var columns = CsvTable.read(file, "users.csv", List.of("sourcedId", "givenName"), problems,
                row -> rows.add(row.line() + ":" + row.get("sourcedId") + "|" + row.get("givenname") + "|"
                        + row.get("familyName") + "|" + row.get("email")));

        assertThat(columns).containsExactlyInAnyOrder("sourcedid", "givenname", "familyname");
        assertThat(rows).containsExactly("2:1|Anna\r\nMaria|Ek|", "5:2|Olle|Berg, af|", "7:4|Saga|Holm|");
        assertThat(problems.sorted()).extracting(ImportProblem::toString)
                .containsExactly("users.csv:6: the line has 4 values but the header has 3 columns");
    }

    @Test
    void a_missing_required_column_refuses_the_file_on_its_header() throws IOException {
        Path file = temp.resolve("orgs.csv");
        Files.writeString(file, "sourcedId,name\n1,Skolan\n");
        Problems problems = new Problems();

        var columns = CsvTable.read(file, "orgs.csv", List.of("sourcedId", "name", "type"), problems, row -> {
            throw new AssertionError("no row of a refused file is read");
        });

        assertThat(columns).isNull();
        assertThat(problems.sorted()).extracting(ImportProblem::toString)
                .containsExactly("orgs.csv:1: the required column 'type' is missing");
    }

    @Test
    void text_that_is_not_utf_8_is_refused() throws IOException {
        Path file = temp.resolve("users.csv");
        byte[] header = "sourcedId,givenName\n1,Ada\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "2,\u00c5sa\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[header.length + latin1.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(latin1, 0, all, header.length, latin1.length);
        Files.write(file, all);
        Problems problems = new Problems();
        List<String> rows = new ArrayList<>();

        CsvTable.read(file, "users.csv", List.of("sourcedId"), problems, row -> rows.add(row.get("givenName")));

        assertThat(problems.sorted()).extracting(ImportProblem::toString)
                .containsExactly("users.csv:3: the file is not UTF-8 text: this line is the first that is not (save the"
                        + " file as UTF-8)");
    }

    @Test
    void dates_are_iso_or_in_school_data_sync_v1_us_month_day_year() {
        assertThat(Dates.iso("2026-08-17")).hasToString("2026-08-17");
        assertThat(Dates.iso("2026-08-17T00:00:00Z")).hasToString("2026-08-17");
        assertThat(Dates.usOrIso("7/1/2017")).hasToString("2017-07-01");
        assertThat(Dates.usOrIso("2017-07-01")).hasToString("2017-07-01");
        assertThat(Dates.schoolYearOf(java.time.LocalDate.of(2026, 8, 17))).isEqualTo("2026/27");
        assertThat(Dates.schoolYearOf(java.time.LocalDate.of(2027, 1, 8))).isEqualTo("2026/27");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Dates.usOrIso("13/1/2017"))
                .hasMessage("'13/1/2017' is not a valid date");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Dates.iso("17.08.2026"))
                .hasMessage("'17.08.2026' is not a date in the form YYYY-MM-DD");
    }
}
