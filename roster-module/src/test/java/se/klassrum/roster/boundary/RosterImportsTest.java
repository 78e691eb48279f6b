package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.klassrum.roster.entity.ImportKind;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.RosterImporter;
import se.klassrum.roster.testing.RosterView;
import se.klassrum.roster.testing.SampleData;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two School Data Sync sample sets import into exactly the roster their files describe, a re-run changes
 * nothing, and a changed full set ends what it leaves out, the day before the import date.
 */
class RosterImportsTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static TestDatabase db;
    private static TestTransactions transactions;

    @TempDir
    Path temp;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("roster_imports");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    static UUID newTenant(TestDatabase database) {
        return database.inTransaction(em -> new RosterAdministration(em).createTenant(null, UUID.randomUUID(),
                "Provkommun " + UUID.randomUUID()));
    }

    static RosterImports importsOn(TestTransactions transactions, LocalDate day) {
        return new RosterImports(transactions,
                Clock.fixed(day.atTime(9, 30).atZone(RosterImporter.SCHOOL_ZONE).toInstant(), RosterImporter.SCHOOL_ZONE));
    }

    private static ImportSummary importOn(LocalDate day, UUID tenant, Path folder) {
        return importsOn(transactions, day).importFolder(tenant, folder, "integration:test");
    }

    @Test
    void the_sds_v2_1_sample_yields_exactly_its_school_people_roles_group_memberships_and_guardian_links() {
        UUID tenant = newTenant(db);

        ImportSummary run = importOn(DAY, tenant, SampleData.sdsV21());

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.format()).isEqualTo("SDS_V2_1");
        assertThat(run.fullSet()).isTrue();
        assertThat(run.importDate()).isEqualTo(DAY);
        assertThat(run.problems()).isEmpty();
        RosterView roster = RosterView.of(db, tenant);
        // Only 110003 is of type school; the college, department and ministry are not schools.
        assertThat(roster.schools()).containsExactly("110003|School of TwoDotOne");
        // Everyone in users.csv, guardians too; e-mail from "email" (not the username), birth dates from demographics.
        assertThat(roster.persons()).containsExactly(
                "114001|Jack|Craig|-|2001-07-02",
                "114002|Jean|Craig|jean.craig@outlook.com|-",
                "114003|Fred|Hutch|-|2002-03-02",
                "114004|Alice|Smithee|-|2001-09-02",
                "114005|Bob|Smithee|bobsmithee@outlook.com|-",
                "114006|Jason|Jonzer|-|1980-02-12",
                "114007|Kristen|Fein|-|1973-10-26",
                "114008|Simon|Miller|-|2001-06-06");
        // Roles at the school; the professor at the department, the student at the college and the teacher's
        // role at the ministry are at no school.
        assertThat(roster.roles()).containsExactly(
                "114001|110003|STUDENT|2021-08-24|2022-06-11",
                "114003|110003|STUDENT|2021-08-24|2022-06-11",
                "114004|110003|STUDENT|2021-08-24|2022-06-11",
                "114007|110003|TEACHER|2021-08-24|2022-06-11");
        // Biology 10 at the school, in its session's school year, not connected, with its course as syllabus.
        // Computer Science 101 is at the college and not imported.
        assertThat(roster.groups()).containsExactly("112002|110003|TEACHING|Biology 10|2021/22|false|false|B10");
        assertThat(roster.syllabi()).containsExactly("B10|14|Biology 10 2021");
        assertThat(roster.subjects()).containsExactly("14|14");
        // Students are members, the teacher owner and member, for the class's session.
        assertThat(roster.memberships()).containsExactly(
                "112002|114001|MEMBER|2021-08-24|2022-06-11",
                "112002|114003|MEMBER|2021-08-24|2022-06-11",
                "112002|114004|MEMBER|2021-08-24|2022-06-11",
                "112002|114007|MEMBER|2021-08-24|2022-06-11",
                "112002|114007|OWNER|2021-08-24|2022-06-11");
        // Guardians from the guardian relationships; the "relative" gives no link.
        assertThat(roster.guardianLinks()).containsExactly(
                "114002|114001|VARDNADSHAVARE|true|2026-03-02|-",
                "114005|114004|VARDNADSHAVARE|true|2026-03-02|-");
        assertThat(run.created(ImportKind.PERSON)).isEqualTo(8);
        assertThat(run.created(ImportKind.SCHOOL_ROLE)).isEqualTo(4);
        assertThat(run.created(ImportKind.MEMBERSHIP)).isEqualTo(5);
        assertThat(run.created(ImportKind.GUARDIAN_LINK)).isEqualTo(2);
        assertThat(run.notes()).containsExactly(
                "classes.csv: 1 line ignored: the organisation is not a school and belongs to none",
                "enrollments.csv: 2 lines ignored: the class is not at a school",
                "relationships.csv: 1 line ignored: the relationship 'relative' gives no guardian link",
                "roles.csv: 3 lines ignored: the organisation is not a school and belongs to none");
        long licences = db.read(em -> em.createQuery("select count(l) from Licence l", Long.class).getSingleResult());
        assertThat(licences).as("Microsoft assigns licences; an import never invents them").isZero();
    }

    @Test
    void the_sds_v1_sample_yields_exactly_the_roster_its_files_describe() throws IOException {
        UUID tenant = newTenant(db);
        Path sample = SampleData.sdsV1();

        ImportSummary run = importOn(DAY, tenant, sample);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.format()).isEqualTo("SDS_V1");
        RosterView roster = RosterView.of(db, tenant);
        assertThat(roster.schools()).containsExactly("10001|Contoso High School", "10002|Fabrikam High School");

        // The expected roster, read from the sample files with a plain split (they hold no quoted values).
        Map<String, String[]> students = byId(lines(sample, "Student.csv"));
        Map<String, String[]> teachers = byId(lines(sample, "Teacher.csv"));
        Map<String, String[]> sections = byId(lines(sample, "Section.csv"));
        DateTimeFormatter us = DateTimeFormatter.ofPattern("M/d/yyyy");
        Set<String> persons = new TreeSet<>();
        Set<String> roles = new TreeSet<>();
        students.forEach((id, s) -> {
            persons.add(id + "|" + s[2] + "|" + s[3] + "|-|" + LocalDate.parse(s[12], us));
            roles.add(id + "|" + s[1] + "|STUDENT|" + DAY + "|-");
        });
        teachers.forEach((id, t) -> {
            persons.add(id + "|" + t[2] + "|" + t[3] + "|-|-");
            roles.add(id + "|" + t[1] + "|TEACHER|" + DAY + "|-");
        });
        roles.add("14007|10001|PRINCIPAL|" + DAY + "|-");
        roles.add("14008|10002|PRINCIPAL|" + DAY + "|-");
        Set<String> groups = new TreeSet<>();
        Set<String> syllabi = new TreeSet<>();
        sections.forEach((id, s) -> {
            groups.add(id + "|" + s[1] + "|TEACHING|" + s[2] + "|2017/18|false|false|" + s[10]);
            syllabi.add(s[10] + "|" + s[12] + "|" + s[9]);
        });
        Set<String> memberships = new TreeSet<>();
        for (String[] e : lines(sample, "StudentEnrollment.csv")) {
            memberships.add(e[0] + "|" + e[1] + "|MEMBER|2017-07-01|2018-06-30");
        }
        for (String[] e : lines(sample, "TeacherRoster.csv")) {
            memberships.add(e[0] + "|" + e[1] + "|MEMBER|2017-07-01|2018-06-30");
            memberships.add(e[0] + "|" + e[1] + "|OWNER|2017-07-01|2018-06-30");
        }

        assertThat(roster.persons()).hasSize(98).isEqualTo(persons);
        assertThat(roster.persons()).contains("13001|Ora|Klein|-|2000-04-02", "14001|Craig|Beane|-|-");
        assertThat(roster.roles()).hasSize(100).isEqualTo(roles);
        assertThat(roster.groups()).hasSize(28).isEqualTo(groups)
                .contains("11001|10001|TEACHING|Math - Algebra 1|2017/18|false|false|101");
        assertThat(roster.syllabi()).hasSize(14).isEqualTo(syllabi).contains("101|Math|Math 101");
        assertThat(roster.subjects()).containsExactly("English|English", "Gym|Gym", "Health|Health",
                "History|History", "Math|Math", "Science|Science", "Technology|Technology");
        assertThat(roster.memberships()).hasSize(602 + 2 * 28).isEqualTo(memberships)
                .contains("11001|13001|MEMBER|2017-07-01|2018-06-30", "11001|14001|OWNER|2017-07-01|2018-06-30");
        assertThat(roster.guardianLinks()).as("School Data Sync v1 has no guardians").isEmpty();
        assertThat(run.counts()).extracting(count -> count.kind() + ":" + count.created())
                .contains("SCHOOL:2", "PERSON:98", "SCHOOL_ROLE:100", "SUBJECT:7", "SYLLABUS:14", "GROUP:28",
                        "MEMBERSHIP:658", "GUARDIAN_LINK:0");
    }

    @Test
    void importing_the_same_files_again_changes_nothing() {
        for (Path sample : List.of(SampleData.sdsV21(), SampleData.sdsV1())) {
            UUID tenant = newTenant(db);
            importOn(DAY, tenant, sample);
            RosterView first = RosterView.of(db, tenant);
            long versions = RosterView.versions(db, tenant);

            ImportSummary again = importOn(DAY, tenant, sample);
            ImportSummary nextWeek = importOn(DAY.plusDays(7), tenant, sample);

            assertThat(again.status()).isEqualTo(ImportStatus.SUCCEEDED);
            assertThat(again.changedNothing()).as(again.counts().toString()).isTrue();
            assertThat(nextWeek.changedNothing()).as("a re-run on a later day: " + nextWeek.counts()).isTrue();
            assertThat(RosterView.of(db, tenant)).isEqualTo(first);
            assertThat(RosterView.versions(db, tenant)).as("no row was even touched").isEqualTo(versions);
        }
    }

    @Test
    void a_changed_full_set_ends_what_it_leaves_out_the_day_before_and_applies_only_the_differences() throws IOException {
        UUID tenant = newTenant(db);
        Path current = currentSdsV21(temp.resolve("current"));
        assertThat(importOn(DAY, tenant, current).status()).isEqualTo(ImportStatus.SUCCEEDED);

        // A week later Alice Smithee (114004) has left; Biology is renamed; Fred Hutch gets Jean Craig as parent.
        Path changed = SampleData.copy(current, temp.resolve("changed"));
        removeLinesContaining(changed, "114004", "users.csv", "roles.csv", "enrollments.csv", "demographics.csv",
                "relationships.csv", "userFlags.csv");
        replace(changed, "classes.csv", "Biology 10", "Biology 10 A");
        replace(changed, "relationships.csv", "114003,114002,relative", "114003,114002,parent");
        LocalDate later = DAY.plusDays(7);

        ImportSummary run = importOn(later, tenant, changed);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        RosterView roster = RosterView.of(db, tenant);
        LocalDate dayBefore = later.minusDays(1);
        assertThat(roster.persons()).as("people are never deleted").contains("114004|Alice|Smithee|-|2001-09-02");
        assertThat(roster.roles()).contains("114004|110003|STUDENT|2025-08-18|" + dayBefore)
                .contains("114001|110003|STUDENT|2025-08-18|2026-06-12");
        assertThat(roster.memberships()).contains("112002|114004|MEMBER|2025-08-18|" + dayBefore)
                .contains("112002|114001|MEMBER|2025-08-18|2026-06-12");
        assertThat(roster.guardianLinks()).containsExactlyInAnyOrder(
                "114002|114001|VARDNADSHAVARE|true|" + DAY + "|-",
                "114005|114004|VARDNADSHAVARE|true|" + DAY + "|" + dayBefore,
                "114002|114003|VARDNADSHAVARE|true|" + later + "|-");
        assertThat(roster.groups()).containsExactly("112002|110003|TEACHING|Biology 10 A|2025/26|false|false|B10");
        assertThat(roster.currentOn(later).roles()).noneMatch(role -> role.startsWith("114004|"));
        assertThat(run.ended(ImportKind.PERSON)).isEqualTo(1);
        assertThat(run.ended(ImportKind.SCHOOL_ROLE)).isEqualTo(1);
        assertThat(run.ended(ImportKind.MEMBERSHIP)).isEqualTo(1);
        assertThat(run.ended(ImportKind.GUARDIAN_LINK)).isEqualTo(1);
        assertThat(run.created(ImportKind.GUARDIAN_LINK)).isEqualTo(1);
        assertThat(run.updated(ImportKind.GROUP)).isEqualTo(1);
        assertThat(run.counts()).as("nothing else was written").extracting(Object::toString).containsExactly(
                "SCHOOL: +0 ~0 -0", "PERSON: +0 ~0 -1", "SCHOOL_ROLE: +0 ~0 -1", "SUBJECT: +0 ~0 -0",
                "SYLLABUS: +0 ~0 -0", "GROUP: +0 ~1 -0", "MEMBERSHIP: +0 ~0 -1", "GUARDIAN_LINK: +1 ~0 -1");
    }

    @Test
    void a_fact_without_dates_that_began_today_and_leaves_the_same_day_is_ended_before_it_began_never_deleted()
            throws IOException {
        UUID tenant = newTenant(db);
        Path current = currentSdsV21(temp.resolve("current"));
        importOn(DAY, tenant, current);
        Path changed = SampleData.copy(current, temp.resolve("changed"));
        removeLinesContaining(changed, "114005", "relationships.csv");

        // The same day: the link (the files give it no dates) began today, so it cannot end yesterday. It ends the
        // day before it began, holding on no day, and the roster keeps it.
        ImportSummary run = importOn(DAY, tenant, changed);

        assertThat(run.ended(ImportKind.GUARDIAN_LINK)).isEqualTo(1);
        assertThat(RosterView.of(db, tenant).guardianLinks()).containsExactly("114002|114001|VARDNADSHAVARE|true|" + DAY + "|-",
                "114005|114004|VARDNADSHAVARE|true|" + DAY + "|" + DAY.minusDays(1));
        assertThat(RosterView.of(db, tenant).currentOn(DAY).guardianLinks()).as("no access through it today")
                .containsExactly("114002|114001|VARDNADSHAVARE|true|" + DAY + "|-");

        // Another run the same day finds it ended already: nothing more to end.
        ImportSummary again = importOn(DAY, tenant, changed);
        assertThat(again.ended(ImportKind.GUARDIAN_LINK)).isZero();
        assertThat(again.changedNothing()).isTrue();
    }

    @Test
    void a_sds_v1_set_without_a_student_ends_the_student_role_at_once() throws IOException {
        UUID tenant = newTenant(db);
        importOn(DAY, tenant, SampleData.sdsV1());
        Path changed = SampleData.copy(SampleData.sdsV1(), temp.resolve("changed"));
        removeLinesContaining(changed, ",13086", "StudentEnrollment.csv");
        removeLinesContaining(changed, "13086,10002,", "Student.csv");
        LocalDate later = DAY.plusDays(1);

        ImportSummary run = importOn(later, tenant, changed);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(RosterView.of(db, tenant).roles()).contains("13086|10002|STUDENT|" + DAY + "|" + DAY);
        assertThat(RosterView.of(db, tenant).currentOn(later).roles()).noneMatch(role -> role.startsWith("13086|"));
        assertThat(run.ended(ImportKind.PERSON)).isEqualTo(1);
        assertThat(run.ended(ImportKind.SCHOOL_ROLE)).isEqualTo(1);
        assertThat(run.ended(ImportKind.MEMBERSHIP)).as("its memberships were in 2017/18 and had ended long ago")
                .isZero();
    }

    @Test
    void every_run_is_recorded_with_its_progress_and_listed_newest_first() throws IOException {
        UUID tenant = newTenant(db);
        List<String> phases = new CopyOnWriteArrayList<>();
        RosterImports imports = importsOn(transactions, DAY);

        ImportSummary first = imports.importFolder(tenant, SampleData.sdsV21(), "admin:anna",
                (runId, phase, done, total) -> phases.add(phase + " " + done + "/" + total));
        Path broken = SampleData.copy(SampleData.sdsV21(), temp.resolve("broken"));
        Files.delete(broken.resolve("users.csv"));
        ImportSummary second = importsOn(transactions, DAY.plusDays(1)).importFolder(tenant, broken, "integration:sis");

        assertThat(phases).startsWith("READING 0/0", "LOADING 0/0", "PLANNING 0/0").contains("COMMITTING 0/0");
        assertThat(phases).anyMatch(phase -> phase.startsWith("WRITING_MEMBERSHIPS"));
        assertThat(first.actor()).isEqualTo("admin:anna");
        assertThat(first.files()).contains("orgs.csv", "users.csv", "relationships.csv");
        assertThat(first.finishedAt()).isNotNull();
        assertThat(first.duration()).isNotNull();
        assertThat(second.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(second.problems()).containsExactly("users.csv: the required file is missing");
        assertThat(imports.runs(tenant)).extracting(ImportSummary::runId).containsExactly(second.runId(), first.runId());
        assertThat(imports.run(tenant, first.runId())).contains(first);
        assertThat(imports.run(newTenant(db), first.runId())).as("another tenant's run").isEmpty();
        assertThat(imports.runs(tenant).get(1).counts()).isEqualTo(first.counts());
    }

    /** The v2.1 sample moved to the current school year 2025/26, so that its facts hold on DAY. */
    static Path currentSdsV21(Path target) throws IOException {
        Path copy = SampleData.copy(SampleData.sdsV21(), target);
        for (String file : List.of("academicSessions.csv", "roles.csv")) {
            replace(copy, file, "2021-08-24", "2025-08-18");
            replace(copy, file, "2022-06-11", "2026-06-12");
            replace(copy, file, "2021-09-01", "2025-09-01");
            replace(copy, file, "2021-12-01", "2025-12-19");
        }
        return copy;
    }

    static void replace(Path folder, String file, String from, String to) throws IOException {
        Path path = folder.resolve(file);
        Files.writeString(path, Files.readString(path).replace(from, to));
    }

    static void removeLinesContaining(Path folder, String text, String... files) throws IOException {
        for (String file : files) {
            Path path = folder.resolve(file);
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                if (!line.contains(text)) {
                    kept.add(line);
                }
            }
            Files.write(path, kept);
        }
    }

    private static List<String[]> lines(Path folder, String file) throws IOException {
        List<String> all = Files.readAllLines(folder.resolve(file));
        return all.subList(1, all.size()).stream().filter(line -> !line.isBlank()).map(line -> line.split(",", -1))
                .toList();
    }

    private static Map<String, String[]> byId(List<String[]> lines) {
        Map<String, String[]> byId = new java.util.TreeMap<>();
        lines.forEach(line -> byId.put(line[0], line));
        return byId;
    }
}
