package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.testing.RosterView;
import se.klassrum.roster.testing.SampleData;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.boundary.RosterImportsTest.DAY;

/**
 * Corrupted copies of the sample sets are refused with every problem named by file and line, and the
 * roster stays exactly as it was: a run is all or nothing.
 */
class RosterImportRejectionTest {

    private static TestDatabase db;
    private static TestTransactions transactions;

    @TempDir
    Path temp;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("roster_import_rejection");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    @Test
    void sds_v2_1_a_bad_date_is_refused_on_its_line() throws IOException {
        assertRefused(SampleData.sdsV21(), folder -> edit(folder, "roles.csv",
                        line -> line.replace("114003,110003,student,SY2021K12,10,TRUE,2021-08-24",
                                "114003,110003,student,SY2021K12,10,TRUE,2021-02-30")),
                "roles.csv:3: 'roleStartDate': '2021-02-30' is not a valid date");
    }

    @Test
    void sds_v2_1_a_missing_column_is_refused_on_the_header() throws IOException {
        assertRefused(SampleData.sdsV21(), folder -> dropColumn(folder, "users.csv", 3),
                "users.csv:1: the required column 'familyName' is missing");
    }

    @Test
    void sds_v2_1_a_dangling_reference_is_refused_on_its_line() throws IOException {
        assertRefused(SampleData.sdsV21(), folder -> edit(folder, "enrollments.csv",
                        line -> line.replace("112002,114003,student", "112002,119999,student")),
                "enrollments.csv:5: the user '119999' is not in users.csv");
    }

    @Test
    void sds_v2_1_a_duplicate_id_is_refused_on_its_second_line() throws IOException {
        assertRefused(SampleData.sdsV21(), folder -> append(folder, "users.csv",
                        "114003,other@classrmtest31.org,Other,Hutch,P@ssword123,,,,"),
                "users.csv:10: the sourcedId '114003' appears twice (first at line 4)");
    }

    @Test
    void sds_v2_1_every_problem_is_listed_not_only_the_first() throws IOException {
        assertRefused(SampleData.sdsV21(), folder -> {
                    edit(folder, "roles.csv", line -> line.replace("2022-06-11", "11/6/2022"));
                    edit(folder, "classes.csv", line -> line.replace("112002,110003", "112002,110099"));
                    edit(folder, "relationships.csv", line -> line.replace("114004,114005,guardian", "114004,114005,uncle"));
                    Files.delete(folder.resolve("courses.csv"));
                },
                "classes.csv:2: the course 'C12001' is not in courses.csv",
                "classes.csv:3: the course 'B102021' is not in courses.csv",
                "classes.csv:3: the organisation '110099' is not in orgs.csv",
                "relationships.csv:4: 'uncle' is not a relationship role of School Data Sync",
                "roles.csv:2: 'roleEndDate': '11/6/2022' is not a date in the form YYYY-MM-DD",
                "roles.csv:3: 'roleEndDate': '11/6/2022' is not a date in the form YYYY-MM-DD",
                "roles.csv:4: 'roleEndDate': '11/6/2022' is not a date in the form YYYY-MM-DD",
                "roles.csv:6: 'roleEndDate': '11/6/2022' is not a date in the form YYYY-MM-DD",
                "roles.csv:7: 'roleEndDate': '11/6/2022' is not a date in the form YYYY-MM-DD");
    }

    @Test
    void sds_v1_a_bad_date_is_refused_on_its_line() throws IOException {
        assertRefused(SampleData.sdsV1(), folder -> edit(folder, "Section.csv",
                        line -> line.startsWith("11002,") ? line.replace("7/1/2017", "13/1/2017") : line),
                "Section.csv:3: 'Term StartDate': '13/1/2017' is not a valid date");
    }

    @Test
    void sds_v1_a_missing_column_is_refused_on_the_header() throws IOException {
        assertRefused(SampleData.sdsV1(), folder -> dropColumn(folder, "Section.csv", 2),
                "Section.csv:1: the required column 'Section Name' is missing");
    }

    @Test
    void sds_v1_a_dangling_reference_is_refused_on_its_line() throws IOException {
        assertRefused(SampleData.sdsV1(), folder -> edit(folder, "StudentEnrollment.csv",
                        line -> line.equals("11001,13002") ? "99999,13002" : line),
                "StudentEnrollment.csv:3: the section '99999' is not in Section.csv");
    }

    @Test
    void sds_v1_a_missing_file_is_refused() throws IOException {
        assertRefused(SampleData.sdsV1(), folder -> Files.delete(folder.resolve("TeacherRoster.csv")),
                "TeacherRoster.csv: the required file is missing");
    }

    @Test
    void sds_v1_a_person_who_is_both_student_and_teacher_is_refused() throws IOException {
        assertRefused(SampleData.sdsV1(), folder -> append(folder, "Teacher.csv",
                        "13001,10001,Ora,Klein,OKlein2,P@ssw0rd,WA,199,Active,,,,"),
                "Teacher.csv:14: the SIS ID '13001' is also a student at Student.csv:2; one person cannot be both");
    }

    @Test
    void a_conflict_with_the_roster_is_found_before_anything_is_written() throws IOException {
        UUID tenant = RosterImportsTest.newTenant(db);
        db.runInTransaction(em -> {
            RosterAdministration admin = new RosterAdministration(em);
            UUID subject = admin.createSubject(null, tenant, "BIO", "Biologi");
            admin.createSyllabus(null, subject, "B10", "Biologi 1");
            UUID school = admin.createSchool(null, tenant, "Skolan", null, "110003");
            admin.createGroup(null, school, new NewGroup(GroupKind.MENTOR, "Mentorsgrupp", "2021/22", "112002", null));
        });
        RosterView before = RosterView.of(db, tenant);

        ImportSummary run = RosterImportsTest.importsOn(transactions, DAY).importFolder(tenant, SampleData.sdsV21(), "test");

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).containsExactly(
                "classes.csv:3: the group '112002' is a mentor group in Klassrum, not a teaching group; a group cannot change its kind",
                "courses.csv:4: the syllabus 'B10' has the subject 'BIO' in Klassrum, not '14'");
        assertThat(RosterView.of(db, tenant)).isEqualTo(before);
    }

    /** Imports the sample, then the corrupted copy, and checks the refusal and that nothing changed. */
    private void assertRefused(Path sample, Corruption corruption, String... problems) throws IOException {
        UUID tenant = RosterImportsTest.newTenant(db);
        RosterImports imports = RosterImportsTest.importsOn(transactions, DAY);
        assertThat(imports.importFolder(tenant, sample, "test").status()).isEqualTo(ImportStatus.SUCCEEDED);
        RosterView before = RosterView.of(db, tenant);
        Map<String, Long> rowsBefore = rosterRows();
        long versions = RosterView.versions(db, tenant);
        Path corrupted = SampleData.copy(sample, temp.resolve("corrupted"));
        corruption.apply(corrupted);

        ImportSummary run = RosterImportsTest.importsOn(transactions, DAY.plusDays(1))
                .importFolder(tenant, corrupted, "test");

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).containsExactly(problems);
        assertThat(run.changedNothing()).isTrue();
        assertThat(RosterView.of(db, tenant)).isEqualTo(before);
        assertThat(rosterRows()).isEqualTo(rowsBefore);
        assertThat(RosterView.versions(db, tenant)).isEqualTo(versions);
        assertThat(imports.run(tenant, run.runId()).orElseThrow().problems()).containsExactly(problems);
    }

    private Map<String, Long> rosterRows() {
        Map<String, Long> rows = new java.util.LinkedHashMap<>(db.rowCounts());
        rows.keySet().removeIf(table -> table.startsWith("import_run"));
        return rows;
    }

    @FunctionalInterface
    private interface Corruption {
        void apply(Path folder) throws IOException;
    }

    private static void edit(Path folder, String file, UnaryOperator<String> line) throws IOException {
        Path path = folder.resolve(file);
        List<String> lines = new ArrayList<>();
        for (String each : Files.readAllLines(path)) {
            lines.add(line.apply(each));
        }
        Files.write(path, lines);
    }

    private static void append(Path folder, String file, String line) throws IOException {
        Path path = folder.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path));
        lines.add(line);
        Files.write(path, lines);
    }

    /** Removes the column at the (0-based) index from every line; the files hold no quoted commas. */
    private static void dropColumn(Path folder, String file, int column) throws IOException {
        edit(folder, file, line -> {
            List<String> values = new ArrayList<>(List.of(line.split(",", -1)));
            values.remove(column);
            return String.join(",", values);
        });
    }
}
