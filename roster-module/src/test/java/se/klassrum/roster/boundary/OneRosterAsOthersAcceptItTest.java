package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.testing.RosterView;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.boundary.RosterImportsTest.DAY;

/**
 * OneRoster files as other consumers accept them: a class naming a course the manifest leaves out, inactive rows
 * in bulk files, empty manifest values for files Klassrum never reads, unnamed trailing header columns. And what a
 * refused file says: no follow-on problems, the first problems of a file with a count of the rest, the first line
 * that is not UTF-8, and two files whose names differ only in case.
 */
class OneRosterAsOthersAcceptItTest {

    private static TestDatabase db;
    private static TestTransactions transactions;

    @TempDir
    Path temp;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("oneroster_accept");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    static final List<String> USERS = List.of(
            "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                    + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
            "U1,,,true,S1,student,alva,,Alva,Ek,,,,,,,10,",
            "U2,,,true,S1,student,hugo,,Hugo,Lind,,,,,,,10,",
            "T1,,,true,S1,teacher,anna,,Anna,Berg,,,,,,,,");

    /** A OneRoster 1.1 bulk folder; manifest values and files may be replaced. */
    private Path folder(String name, Map<String, String> manifest, Map<String, List<String>> files) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        List<String> lines = new ArrayList<>(List.of("propertyName,value", "manifest.version,1.0", "oneroster.version,1.1"));
        Map<String, String> modes = new java.util.LinkedHashMap<>(Map.of("file.academicSessions", "bulk",
                "file.classes", "bulk", "file.courses", "bulk", "file.demographics", "bulk", "file.enrollments", "bulk",
                "file.orgs", "bulk", "file.users", "bulk", "file.roles", "absent"));
        modes.putAll(manifest);
        modes.forEach((key, value) -> lines.add(key + "," + value));
        Files.write(folder.resolve("manifest.csv"), lines);
        Map<String, List<String>> all = new java.util.LinkedHashMap<>(Map.of("orgs.csv", OneRosterImportTest.ORGS,
                "academicSessions.csv", OneRosterImportTest.SESSIONS, "courses.csv", OneRosterImportTest.COURSES,
                "classes.csv", OneRosterImportTest.CLASSES, "enrollments.csv", OneRosterImportTest.ENROLLMENTS,
                "demographics.csv", OneRosterImportTest.DEMOGRAPHICS, "users.csv", USERS));
        all.putAll(files);
        for (var file : all.entrySet()) {
            if (file.getValue() != null) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
        }
        return folder;
    }

    private ImportSummary importFolder(UUID tenant, Path folder) {
        return RosterImportsTest.importsOn(transactions, DAY).importFolder(tenant, folder, "test");
    }

    @Test
    void a_class_naming_a_course_the_manifest_says_is_absent_comes_in_without_a_syllabus_with_a_note() throws IOException {
        Map<String, List<String>> files = new java.util.HashMap<>();
        files.put("courses.csv", null);
        Path folder = folder("absent-courses", Map.of("file.courses", "absent"), files);
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportSummary run = importFolder(tenant, folder);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(RosterView.of(db, tenant).groups()).singleElement().asString().startsWith("K1|").endsWith("|-");
        assertThat(run.notes()).contains("classes.csv: 1 class names a course, but the manifest says file.courses=absent:"
                + " imported without a syllabus");
    }

    @Test
    void inactive_and_tobedeleted_rows_in_bulk_files_are_taken_as_ended_with_a_note() throws IOException {
        List<String> users = new ArrayList<>(USERS);
        users.set(2, users.get(2).replace("U2,,", "U2,inactive,"));
        List<String> enrollments = new ArrayList<>(OneRosterImportTest.ENROLLMENTS);
        enrollments.set(3, enrollments.get(3).replace("E3,,", "E3,tobedeleted,"));
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportSummary run = importFolder(tenant, folder("inactive", Map.of(), Map.of("users.csv", users,
                "enrollments.csv", enrollments)));

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        RosterView roster = RosterView.of(db, tenant);
        assertThat(roster.persons()).noneMatch(person -> person.startsWith("U2|"));
        assertThat(roster.memberships()).noneMatch(membership -> membership.contains("|U2|"));
        assertThat(run.notes()).contains(
                "users.csv: 1 line ignored: the status 'inactive' in a bulk file is taken as ended",
                "enrollments.csv: 1 line ignored: the status 'tobedeleted' in a bulk file is taken as ended");
    }

    @Test
    void empty_manifest_values_for_files_klassrum_never_reads_and_unnamed_trailing_columns_are_tolerated()
            throws IOException {
        List<String> orgs = new ArrayList<>();
        orgs.add(OneRosterImportTest.ORGS.get(0) + ",,");
        orgs.addAll(OneRosterImportTest.ORGS.subList(1, OneRosterImportTest.ORGS.size()));
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportSummary run = importFolder(tenant, folder("lenient", Map.of("file.lineItems", "", "file.results", ""),
                Map.of("orgs.csv", orgs)));

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(RosterView.of(db, tenant).schools()).containsExactly("S1|Norra skolan");
        assertThat(run.notes()).contains(
                "manifest.csv: file.lineitems, file.results have no value; Klassrum does not read those files",
                "orgs.csv: the header ends in 2 unnamed columns; lines without values for them are read as they are");
    }

    @Test
    void a_refused_class_gives_no_follow_on_problems_and_a_file_reports_its_first_20_problems_and_a_count()
            throws IOException {
        List<String> classes = new ArrayList<>(OneRosterImportTest.CLASSES);
        classes.set(1, classes.get(1).replace(",S1,Y1,", ",,Y1,")); // K1 without its school: refused
        List<String> users = new ArrayList<>(USERS);
        for (int i = 1; i <= 25; i++) {
            users.add("X" + i + ",,,true,S1,student,x" + i + ",,,Utan,,,,,,,10,"); // no givenName
        }
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportSummary run = importFolder(tenant, folder("refused", Map.of(), Map.of("classes.csv", classes,
                "users.csv", users)));

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).contains("classes.csv:2: the value of 'schoolSourcedId' is missing")
                .noneMatch(problem -> problem.contains("is not in classes.csv"));
        assertThat(run.problems().stream().filter(problem -> problem.startsWith("users.csv:"))).hasSize(21);
        assertThat(run.problems()).contains("users.csv: 5 more problems in this file are not listed");
    }

    @Test
    void a_file_that_is_not_utf_8_names_its_first_bad_line() throws IOException {
        List<String> users = new ArrayList<>(USERS);
        Path folder = folder("latin1", Map.of(), Map.of("users.csv", users));
        byte[] text = String.join("\n", users).replace("Hugo,Lind", "Hugo,Lindstr\u00f6m")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(folder.resolve("users.csv"), text);
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportSummary run = importFolder(tenant, folder);

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).containsExactly("users.csv:3: the file is not UTF-8 text: this line is the first"
                + " that is not (save the file as UTF-8)");
    }

    @Test
    void two_files_whose_names_differ_only_in_case_are_refused_not_one_picked() throws IOException {
        Path folder = folder("twice", Map.of(), Map.of());
        Files.write(folder.resolve("Users.csv"), USERS);
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportSummary run = importFolder(tenant, folder);

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).containsExactly("twice: the folder holds Users.csv and users.csv, whose names differ"
                + " only in case; keep one of them");
    }
}
