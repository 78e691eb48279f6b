package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.klassrum.roster.entity.ImportKind;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.testing.RosterView;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.boundary.RosterImportsTest.DAY;

/** OneRoster 1.1 and 1.2 CSV, bulk and delta, written here after the 1EdTech specification's columns. */
class OneRosterImportTest {

    private static TestDatabase db;
    private static TestTransactions transactions;

    @TempDir
    Path temp;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("oneroster_import");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    static final List<String> ORGS = List.of("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
            "D1,,,Provkommun,district,,", "S1,,,Norra skolan,school,12345678,D1");
    static final List<String> SESSIONS = List.of(
            "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
            "Y1,,,Läsår 2025/26,schoolYear,2025-08-18,2026-06-12,,2026");
    static final List<String> COURSES = List.of(
            "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
            "C1,,,Y1,Matematik 1c,MATMAT01c,10,S1,Matematik,MAT");
    static final List<String> CLASSES = List.of(
            "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,"
                    + "termSourcedIds,subjects,subjectCodes,periods",
            "K1,,,Ma1c NA25a,10,C1,MA1C-A,scheduled,,S1,Y1,Matematik,MAT,\"1,2\"");
    static final List<String> ENROLLMENTS = List.of(
            "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
            "E1,,,K1,S1,U1,student,false,,", "E2,,,K1,S1,T1,teacher,true,,", "E3,,,K1,S1,U2,student,false,2026-01-12,");
    static final List<String> DEMOGRAPHICS = List.of("sourcedId,status,dateLastModified,birthDate,sex",
            "U1,,,2010-04-01,female");

    @Test
    void a_oneroster_1_1_bulk_set_imports_people_roles_groups_memberships_and_guardians_from_agents() throws IOException {
        Path folder = write(temp.resolve("v11"), "1.1", "bulk", List.of(
                "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                        + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
                "U1,,,true,S1,student,alva,,Alva,Ek,,,alva@skola.se,,,\"P1,P2\",10,",
                "U2,,,true,S1,student,hugo,,Hugo,Lind,,,,,,,10,",
                "T1,,,true,\"S1,D1\",teacher,anna,,Anna,Berg,,,anna@skola.se,,,,,",
                "P1,,,true,S1,parent,pia,,Pia,Ek,,,pia@mail.se,,,U1,,",
                "P2,,,true,S1,relative,rut,,Rut,Ek,,,,,,U1,,"), null);
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportSummary run = RosterImportsTest.importsOn(transactions, DAY).importFolder(tenant, folder, "test");

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.format()).isEqualTo("ONEROSTER_1_1");
        assertThat(run.fullSet()).isTrue();
        RosterView roster = RosterView.of(db, tenant);
        assertThat(roster.schools()).containsExactly("S1|Norra skolan");
        assertThat(roster.persons()).containsExactly("P1|Pia|Ek|pia@mail.se|-", "P2|Rut|Ek|-|-", "T1|Anna|Berg|anna@skola.se|-",
                "U1|Alva|Ek|alva@skola.se|2010-04-01", "U2|Hugo|Lind|-|-");
        assertThat(roster.roles()).containsExactly("T1|S1|TEACHER|" + DAY + "|-", "U1|S1|STUDENT|" + DAY + "|-",
                "U2|S1|STUDENT|" + DAY + "|-");
        assertThat(roster.groups()).containsExactly("K1|S1|TEACHING|Ma1c NA25a|2025/26|false|false|MATMAT01c");
        assertThat(roster.syllabi()).containsExactly("MATMAT01c|MAT|Matematik 1c");
        assertThat(roster.memberships()).containsExactly("K1|T1|MEMBER|2025-08-18|2026-06-12",
                "K1|T1|OWNER|2025-08-18|2026-06-12", "K1|U1|MEMBER|2025-08-18|2026-06-12",
                "K1|U2|MEMBER|2026-01-12|2026-06-12");
        assertThat(roster.guardianLinks()).containsExactly("P1|U1|VARDNADSHAVARE|true|" + DAY + "|-");
    }

    @Test
    void a_oneroster_1_2_bulk_set_takes_roles_from_roles_csv_and_a_delta_applies_only_its_rows() throws IOException {
        List<String> users = List.of(
                "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,"
                        + "email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,"
                        + "preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
                "U1,,,true,alva,,Alva,Ek,,,,,,P1,,,,,,,,S1,",
                "U2,,,true,hugo,,Hugo,Lind,,,,,,,,,,,,,,S1,",
                "T1,,,true,anna,,Anna,Berg,,,,,,,,,,,,,,S1,",
                "R1,,,true,rektor,,Rolf,Rek,,,,,,,,,,,,,,S1,",
                "P1,,,true,pia,,Pia,Ek,,,,,,U1,,,,,,,,S1,");
        List<String> roles = List.of(
                "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
                "r1,,,U1,primary,student,2025-08-18,,S1,", "r2,,,U2,primary,student,2025-08-18,,S1,",
                "r3,,,T1,primary,teacher,2025-08-18,,S1,", "r4,,,R1,primary,principal,2024-08-01,,S1,",
                "r5,,,P1,primary,parent,,,S1,");
        Path bulk = write(temp.resolve("v12"), "1.2", "bulk", users, roles);
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportSummary run = RosterImportsTest.importsOn(transactions, DAY).importFolder(tenant, bulk, "test");

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.format()).isEqualTo("ONEROSTER_1_2");
        assertThat(RosterView.of(db, tenant).roles()).containsExactly("R1|S1|PRINCIPAL|2024-08-01|-",
                "T1|S1|TEACHER|2025-08-18|-", "U1|S1|STUDENT|2025-08-18|-", "U2|S1|STUDENT|2025-08-18|-");
        assertThat(RosterView.of(db, tenant).guardianLinks()).containsExactly("P1|U1|VARDNADSHAVARE|true|" + DAY + "|-");

        // A week later, a delta: Hugo leaves (tobedeleted), Alva's enrollment is deleted, a new student arrives.
        Path delta = temp.resolve("delta");
        Files.createDirectories(delta);
        Files.write(delta.resolve("manifest.csv"), List.of("propertyName,value", "manifest.version,1.0",
                "oneroster.version,1.2", "file.users,delta", "file.roles,delta", "file.enrollments,delta",
                "file.orgs,absent", "file.classes,absent"));
        Files.write(delta.resolve("users.csv"), List.of(users.get(0),
                "U2,tobedeleted,2026-03-08T10:00:00Z,true,hugo,,Hugo,Lind,,,,,,,,,,,,,,S1,",
                "U3,active,2026-03-08T10:00:00Z,true,saga,,Saga,Holm,,,,,,,,,,,,,,S1,"));
        Files.write(delta.resolve("roles.csv"), List.of(roles.get(0),
                "r6,active,2026-03-08T10:00:00Z,U3,primary,student,2026-03-09,,S1,"));
        Files.write(delta.resolve("enrollments.csv"), List.of(ENROLLMENTS.get(0),
                "E1,tobedeleted,2026-03-08T10:00:00Z,K1,S1,U1,student,false,,",
                "E4,active,2026-03-08T10:00:00Z,K1,S1,U3,student,false,2026-03-09,"));
        RosterView before = RosterView.of(db, tenant);

        ImportSummary deltaRun = RosterImportsTest.importsOn(transactions, DAY.plusDays(7)).importFolder(tenant, delta, "test");

        assertThat(deltaRun.status()).as(String.join("\n", deltaRun.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(deltaRun.fullSet()).isFalse();
        RosterView after = RosterView.of(db, tenant);
        String dayBefore = DAY.plusDays(6).toString();
        assertThat(after.roles()).containsExactly("R1|S1|PRINCIPAL|2024-08-01|-", "T1|S1|TEACHER|2025-08-18|-",
                "U1|S1|STUDENT|2025-08-18|-", "U2|S1|STUDENT|2025-08-18|" + dayBefore, "U3|S1|STUDENT|2026-03-09|-");
        // The class is not in the delta, so the new enrollment has only its own dates (beginDate, no endDate).
        assertThat(after.memberships()).contains("K1|U1|MEMBER|2025-08-18|" + dayBefore, "K1|U3|MEMBER|2026-03-09|-",
                "K1|U2|MEMBER|2026-01-12|" + dayBefore, "K1|T1|OWNER|2025-08-18|2026-06-12");
        assertThat(after.guardianLinks()).isEqualTo(before.guardianLinks());
        assertThat(after.groups()).isEqualTo(before.groups());
        assertThat(deltaRun.ended(ImportKind.PERSON)).isEqualTo(1);
        assertThat(deltaRun.created(ImportKind.PERSON)).isEqualTo(1);
    }

    @Test
    void a_delta_class_whose_course_is_not_in_the_delta_keeps_its_syllabus_and_one_without_a_course_loses_it()
            throws IOException {
        List<String> users = List.of(
                "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                        + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
                "U1,,,true,S1,student,alva,,Alva,Ek,,,,,,,10,", "U2,,,true,S1,student,hugo,,Hugo,Lind,,,,,,,10,",
                "T1,,,true,S1,teacher,anna,,Anna,Berg,,,,,,,,");
        UUID tenant = RosterImportsTest.newTenant(db);
        ImportSummary bulk = RosterImportsTest.importsOn(transactions, DAY)
                .importFolder(tenant, write(temp.resolve("syllabus-bulk"), "1.1", "bulk", users, null), "test");
        assertThat(bulk.status()).as(String.join("\n", bulk.problems())).isEqualTo(ImportStatus.SUCCEEDED);

        // The register renames the class and sends it alone: its course C1 is not in the delta.
        Path renamed = delta(temp.resolve("syllabus-renamed"),
                "K1,active,2026-03-08T10:00:00Z,Ma1c NA25b,10,C1,MA1C-A,scheduled,,S1,Y1,Matematik,MAT,");
        ImportSummary run = RosterImportsTest.importsOn(transactions, DAY.plusDays(1)).importFolder(tenant, renamed, "test");

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(RosterView.of(db, tenant).groups())
                .containsExactly("K1|S1|TEACHING|Ma1c NA25b|2025/26|false|false|MATMAT01c");

        // A class sent with no course at all has none any more.
        Path withoutCourse = delta(temp.resolve("syllabus-none"),
                "K1,active,2026-03-09T10:00:00Z,Ma1c NA25b,10,,MA1C-A,scheduled,,S1,Y1,Matematik,MAT,");
        ImportSummary unlinked = RosterImportsTest.importsOn(transactions, DAY.plusDays(2))
                .importFolder(tenant, withoutCourse, "test");

        assertThat(unlinked.status()).as(String.join("\n", unlinked.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(RosterView.of(db, tenant).groups())
                .containsExactly("K1|S1|TEACHING|Ma1c NA25b|2025/26|false|false|-");
    }

    /** A OneRoster 1.1 delta of classes.csv alone. */
    private static Path delta(Path folder, String classRow) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("manifest.csv"), List.of("propertyName,value", "manifest.version,1.0",
                "oneroster.version,1.1", "file.classes,delta", "file.users,absent", "file.orgs,absent"));
        Files.write(folder.resolve("classes.csv"), List.of(CLASSES.get(0), classRow));
        return folder;
    }

    @Test
    void a_oneroster_set_with_problems_is_refused_with_file_and_line() throws IOException {
        Path folder = write(temp.resolve("bad"), "1.1", "bulk", List.of(
                "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                        + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
                "U1,,,true,S1,student,alva,,Alva,Ek,,,,,,P9,10,",
                "U2,active,,true,S9,student,hugo,,Hugo,Lind,,,,,,,10,",
                "T1,tobedeleted,,true,S1,teacher,anna,,Anna,Berg,,,,,,,,"), null);
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportSummary run = RosterImportsTest.importsOn(transactions, DAY).importFolder(tenant, folder, "test");

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        // A tobedeleted user in a bulk file is taken as ended, as other consumers read it; what refers to them is left out.
        assertThat(run.problems()).containsExactly(
                "users.csv:2: the agent 'P9' is not in users.csv",
                "users.csv:3: the organisation 'S9' is not in orgs.csv");
        assertThat(run.notes()).contains("users.csv: 1 line ignored: the status 'tobedeleted' in a bulk file is taken"
                + " as ended", "enrollments.csv: 1 line ignored: a reference to a user whose status ends them");
        assertThat(RosterView.of(db, tenant).persons()).isEmpty();
    }

    private static Path write(Path folder, String version, String mode, List<String> users, List<String> roles)
            throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("manifest.csv"), List.of("propertyName,value", "manifest.version,1.0",
                "oneroster.version," + version, "file.academicSessions," + mode, "file.categories,absent",
                "file.classes," + mode, "file.courses," + mode, "file.demographics," + mode,
                "file.enrollments," + mode, "file.orgs," + mode, "file.users," + mode,
                "file.roles," + (roles == null ? "absent" : mode), "source.systemName,Provregistret"));
        Files.write(folder.resolve("orgs.csv"), ORGS);
        Files.write(folder.resolve("academicSessions.csv"), SESSIONS);
        Files.write(folder.resolve("courses.csv"), COURSES);
        Files.write(folder.resolve("classes.csv"), CLASSES);
        Files.write(folder.resolve("enrollments.csv"), ENROLLMENTS);
        Files.write(folder.resolve("demographics.csv"), DEMOGRAPHICS);
        Files.write(folder.resolve("users.csv"), users);
        if (roles != null) {
            Files.write(folder.resolve("roles.csv"), roles);
        }
        return folder;
    }
}
