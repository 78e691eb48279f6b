package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.klassrum.roster.boundary.RosterImports.ImportPreview;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPerson;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPersonChange;
import se.klassrum.roster.control.BreakImpacts.AccessKind;
import se.klassrum.roster.control.GuardFacts;
import se.klassrum.roster.entity.ImportImpactCount;
import se.klassrum.roster.entity.ImportKind;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.SyntheticMunicipality;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import as a preview, on a generated municipality: the register's next nightly upload (students who left, new
 * students, moved enrollments, replaced teachers) is previewed on the roster of the first, then imported for real. The
 * preview must change nothing, record what the import then does, and name exactly the gains and losses of access that
 * the rules decide, on the facts the guard reads, before and after the real import.
 */
class ImportPreviewTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static TestDatabase db;
    private static TestTransactions transactions;

    @TempDir
    static Path temp;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("import_preview");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    /** One question of the preview's, with the answer it says the real import gives. */
    private record Asked(UUID person, UUID student, AccessKind kind, UUID group, UUID syllabus, boolean after) {
    }

    @Test
    void a_previewed_upload_changes_nothing_and_names_what_the_rules_decide_once_it_is_imported() throws Exception {
        Path full = temp.resolve("full");
        Path next = temp.resolve("next");
        SyntheticMunicipality.write(full, next, 4711, 2025, SyntheticMunicipality.Size.STOCKHOLM.scaled(0.002));
        UUID tenant = RosterImportsTest.newTenant(db);
        RosterImports imports = RosterImportsTest.importsOn(transactions, DAY);
        ImportSummary first = imports.importFolder(tenant, full, "integration:test");
        assertThat(first.status()).as(String.join("\n", first.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        // What an import never brings: licences, and the groups connected.
        db.executeSql("insert into licence (id, person_id, kind, valid_from) select gen_random_uuid(), person_id,"
                + " case role when 'STUDENT' then 'STUDENT' else 'TEACHER' end, date '" + DAY.minusYears(1) + "'"
                + " from (select distinct person_id, role from school_role where role in ('STUDENT', 'TEACHER')) r");
        db.executeSql("update study_group set connected = true");
        // Three enrollments ended here by mistake before they began: the register's upload has them, and gives them back.
        // They are chosen among those current on the day (a first term's course already ended gives nothing back), by
        // the register's ids, so that every run ends the same three.
        db.executeSql("update membership set valid_to = valid_from - 1 where id in (select m.id from membership m"
                + " join study_group g on g.id = m.group_id join person p on p.id = m.person_id"
                + " where m.role = 'MEMBER' and m.valid_from <= date '" + DAY + "'"
                + " and (m.valid_to is null or m.valid_to >= date '" + DAY + "')"
                + " order by md5(g.external_id || '/' || p.external_id) limit 3)");
        List<UUID> schools = db.read(em -> em.createNativeQuery("select id from school where tenant_id = cast(?1 as uuid)"
                + " order by name").setParameter(1, tenant.toString()).getResultList()).stream().map(UUID.class::cast).toList();
        String roster = rosterDigest();

        // The preview, once per school for its names; each one is a whole run that writes and rolls back.
        List<ImportPreview> previews = new ArrayList<>();
        for (UUID school : schools) {
            previews.add(imports.previewFolder(tenant, next, "person:admin", null, Set.copyOf(schools), school, false));
        }
        ImportPreview preview = previews.get(0);
        assertThat(preview.run().status()).as(String.join("\n", preview.run().problems())).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(preview.run().preview()).isTrue();
        assertThat(rosterDigest()).as("a preview writes nothing").isEqualTo(roster);
        assertThat(preview.run().ended(ImportKind.MEMBERSHIP)).isPositive();
        assertThat(preview.run().created(ImportKind.PERSON)).isPositive();
        assertThat(preview.run().impact()).extracting(ImportImpactCount::kind).contains("STUDENT_PROFILE", "GROUP_POSTS");
        assertThat(preview.run().impact()).anyMatch(count -> count.peopleLosing() > 0)
                .anyMatch(count -> count.peopleGaining() > 0);
        assertThat(imports.run(tenant, preview.run().runId()).orElseThrow()).as("the run is recorded with its impact")
                .satisfies(recorded -> {
                    assertThat(recorded.status()).isEqualTo(ImportStatus.PREVIEWED);
                    assertThat(recorded.impact()).containsExactlyInAnyOrderElementsOf(preview.run().impact());
                    assertThat(recorded.counts()).isEqualTo(preview.run().counts());
                });

        List<Asked> named = new ArrayList<>();
        for (ImportPreview one : previews) {
            for (BreakPersonChange change : one.details()) {
                if (change.person().id() == null) {
                    continue;
                }
                if (change.kind() == AccessKind.GROUP_POSTS) {
                    named.add(new Asked(change.person().id(), null, change.kind(), change.groupId(), null,
                            change.groupGained()));
                }
                for (BreakPerson student : change.gained()) {
                    named.add(new Asked(change.person().id(), student.id(), change.kind(), change.groupId(),
                            change.syllabusId(), true));
                }
                for (BreakPerson student : change.lost()) {
                    named.add(new Asked(change.person().id(), student.id(), change.kind(), change.groupId(),
                            change.syllabusId(), false));
                }
            }
        }
        // A person or group the import creates has another id in each run: only those that exist now can be asked again.
        Set<UUID> existing = new java.util.HashSet<>(db.read(em -> em.createNativeQuery("select id from person union all"
                + " select id from study_group").getResultList()).stream().map(UUID.class::cast).toList());
        named.removeIf(asked -> !existing.contains(asked.person()) || asked.student() != null && !existing.contains(asked.student())
                || asked.group() != null && !existing.contains(asked.group()));
        assertThat(named).as("the preview names gains and losses of people there already").anyMatch(Asked::after)
                .anyMatch(a -> !a.after());
        int counted = preview.run().impact().stream().mapToInt(c -> c.peopleGaining() + c.peopleLosing()).sum();
        assertThat(counted).isPositive();

        Map<Asked, Boolean> before = ask(tenant, named);
        ImportSummary real = imports.importFolder(tenant, next, "integration:test");
        assertThat(real.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(real.preview()).isFalse();
        assertThat(real.counts()).as("the preview counted what the import does").isEqualTo(preview.run().counts());
        Map<Asked, Boolean> after = ask(tenant, named);
        for (Asked asked : named) {
            assertThat(before.get(asked)).as("before the import: %s", asked).isEqualTo(!asked.after());
            assertThat(after.get(asked)).as("after the import: %s", asked).isEqualTo(asked.after());
        }
    }

    @Test
    void a_preview_of_files_with_errors_is_refused_and_recorded_as_a_preview() throws Exception {
        Path full = temp.resolve("broken");
        SyntheticMunicipality.write(full, temp.resolve("broken-next"), 1, 2025, SyntheticMunicipality.Size.STOCKHOLM.scaled(0.001));
        Files.writeString(full.resolve("enrollments.csv"), "classSourcedId,userSourcedId,role\nno-such-class,no-such-user,student\n",
                java.nio.file.StandardOpenOption.APPEND);
        UUID tenant = RosterImportsTest.newTenant(db);

        ImportPreview preview = RosterImportsTest.importsOn(transactions, DAY).previewFolder(tenant, full, "person:admin",
                null, Set.of(), null, false);

        assertThat(preview.run().status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(preview.run().preview()).isTrue();
        assertThat(preview.run().problems()).anyMatch(problem -> problem.startsWith("enrollments.csv:"));
        assertThat(preview.schools()).isEmpty();
        assertThat(db.number("select count(*) from person where tenant_id = '" + tenant + "'")).isZero();
    }

    /** Each question as the guard decides it: the rules on the facts the guard reads. */
    private static Map<Asked, Boolean> ask(UUID tenant, List<Asked> questions) {
        return db.read(em -> {
            Map<Asked, Boolean> answers = new LinkedHashMap<>();
            for (Asked q : questions) {
                answers.put(q, GuardFacts.allowed(em, tenant, q.person(), q.kind(), q.student(), q.group(), q.syllabus(), DAY));
            }
            return answers;
        });
    }

    private static String rosterDigest() {
        return db.text("select md5(string_agg(x, '|' order by x)) from ("
                + "select 'G' || id || name || connected || archived || coalesce(cast(syllabus_id as varchar), '-') as x from study_group"
                + " union all select 'M' || id || role || valid_from || coalesce(cast(valid_to as varchar), '-') from membership"
                + " union all select 'P' || id || given_name || family_name from person"
                + " union all select 'R' || id || role || valid_from || coalesce(cast(valid_to as varchar), '-') from school_role"
                + " union all select 'L' || id || coalesce(cast(valid_to as varchar), '-') from guardian_link) rows");
    }
}
