package se.klassrum.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.klassrum.roster.importer.SyntheticMunicipality;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole school-year break of a generated municipality ({@link SyntheticMunicipality}, a few hundred people at a
 * compulsory and an upper secondary school), as a real one arrives and is run: its register's School Data Sync files
 * come in through the import API; what an import never brings is given behind the server's back (accounts, licences,
 * seven in eight groups in use, the teachers' subjects, an administrator of both schools); the administrator then stages the break over HTTP
 * (a third of the groups in use archived, every other group connected, owners added to and taken from one group in
 * ten), previews it with the names for each school, applies it and undoes it.
 * <p>
 * The preview is checked against what the server decides, asked as the people concerned: every gain and loss it names
 * (or an even sample of each kind when there are more than {@link #LISTED}) is refused before the apply, allowed after
 * it, and refused again after the undo, a loss the other way round; a student's profile and a group's posts through
 * their own endpoints, hand-ins, assessments and development talks through the person's own explanation; an
 * assessment in the syllabus the preview names, which must be that of a changed group the owner and student share. And a sample
 * of the same questions that the preview does not name (other owner-student pairs of the changed groups, other
 * students at an owner's school, other posts) answers the same before, after and after the undo. Runs after the demo
 * organisation's break ({@link SchoolYearBreakChecks} counts every break's audit entries); the organisation goes again
 * afterwards, but for its audit chain, which is append-only.
 */
abstract class MunicipalityBreakChecks extends ServerCalls {

    private static final UUID TENANT = UUID.fromString("5e8a1c2f-3b4d-4e6f-9a1b-2c3d4e5f6a7b");
    private static final UUID ENTRA_TENANT = UUID.fromString("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
    private static final String BREAK = "/api/v1/school-year-break";
    private static final long SEED = 2026;
    /** 0.15 % of Stockholm: two schools, about 210 students, 27 teachers and 300 guardians. */
    private static final double SCALE = 0.0015;
    /** At most this many of the preview's gains and losses are asked about, spread evenly over each kind. */
    private static final int LISTED = 400;
    /** This many questions the preview does not name are asked about. */
    private static final int UNLISTED = 150;
    private static final List<String> FILES = List.of("orgs.csv", "users.csv", "roles.csv", "classes.csv",
            "enrollments.csv", "academicSessions.csv", "courses.csv", "demographics.csv", "userFlags.csv",
            "relationships.csv");

    @TempDir
    Path temp;

    /** One question to the server: may {@code person} do {@code kind} about {@code about} (a student, or a group). */
    private record Question(UUID person, String kind, UUID about, UUID group, UUID syllabus) {

        /** The question by the register's ids (the same in every run, unlike the ids the import gives). */
        String key(Map<UUID, String> names) {
            return names.get(person) + " " + kind + " " + names.get(about) + " " + names.get(group) + " "
                    + names.get(syllabus);
        }
    }

    /** A group of the organisation as the roster has it before the break. */
    private record Group(UUID id, String externalId, UUID school, String kind, boolean connected, UUID syllabus,
                         UUID subject) {
    }

    /** A membership: who, in which role, from when until when (null: open). */
    private record Membership(UUID group, UUID person, String role, LocalDate from, LocalDate to) {

        boolean activeOn(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    @Test
    void aGeneratedMunicipalitysBreakIsPreviewedAppliedAsPreviewedAndUndone(DataSource database) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        long started = System.nanoTime();
        Sql.forgetOrganisation(database, TENANT);
        UUID administrator = null;
        try {
            administrator = arrive(database, today);
            String admin = token(administrator);
            String rosterBefore = roster(database);

            Map<UUID, Group> groups = groups(database);
            List<Membership> memberships = memberships(database);
            Map<UUID, String> personExternal = new HashMap<>();
            Sql.strings(database, "select id || '|' || external_id from person where tenant_id = ?", TENANT)
                    .forEach(row -> personExternal.put(UUID.fromString(row.split("\\|")[0]), row.split("\\|")[1]));
            Map<UUID, String> names = new HashMap<>(personExternal);
            groups.values().forEach(group -> names.put(group.id(), group.externalId()));
            Sql.strings(database, "select id || '|' || code from syllabus where tenant_id = ?", TENANT)
                    .forEach(row -> names.put(UUID.fromString(row.split("\\|")[0]), row.split("\\|")[1]));
            Map<UUID, List<UUID>> teachersAt = new HashMap<>();
            Sql.strings(database, "select distinct school_id || '|' || person_id from school_role where tenant_id = ?"
                    + " and role = 'TEACHER'", TENANT).forEach(row -> teachersAt.computeIfAbsent(
                    UUID.fromString(row.split("\\|")[0]), s -> new ArrayList<>()).add(UUID.fromString(row.split("\\|")[1])));
            teachersAt.values().forEach(list -> list.sort(Comparator.comparing(personExternal::get)));
            Set<String> linked = new HashSet<>(Sql.strings(database, "select teacher_id || ' ' || school_id || ' ' || subject_id"
                    + " from teacher_subject where tenant_id = ?", TENANT));

            // The plan, chosen from the groups' register ids: a third of the groups in use archived, every other one
            // connected; one group in ten gets a teacher of its school as another owner (in two of three, one who
            // teaches the group's subject there), one in ten loses an owner.
            List<String[]> changes = new ArrayList<>();
            List<Group> ordered = groups.values().stream().sorted(Comparator.comparing(Group::externalId)).toList();
            for (Group group : ordered) {
                int hash = Math.floorMod(group.externalId().hashCode(), 30);
                if (group.connected() && hash % 3 == 0) {
                    changes.add(new String[] {"ARCHIVE", group.id().toString(), null});
                } else if (!group.connected()) {
                    changes.add(new String[] {"CONNECT", group.id().toString(), null});
                }
                List<UUID> owners = memberships.stream().filter(m -> m.group().equals(group.id())
                        && m.role().equals("OWNER") && (m.to() == null || !m.to().isBefore(today)))
                        .map(Membership::person).sorted(Comparator.comparing(personExternal::get)).toList();
                if (hash % 10 == 1) {
                    boolean ofTheSubject = hash % 20 == 1;
                    teachersAt.getOrDefault(group.school(), List.of()).stream().filter(t -> !owners.contains(t))
                            .filter(t -> !ofTheSubject || linked.contains(t + " " + group.school() + " " + group.subject()))
                            .findFirst().ifPresent(t -> changes.add(new String[] {"ADD_OWNER", group.id().toString(),
                                    t.toString()}));
                } else if (hash % 10 == 2 && !owners.isEmpty()) {
                    changes.add(new String[] {"REMOVE_OWNER", group.id().toString(), owners.getFirst().toString()});
                }
            }
            Map<String, Long> kinds = new TreeMap<>();
            changes.forEach(change -> kinds.merge(change[0], 1L, Long::sum));
            assertThat(kinds).as("a plan with every kind of change").containsKeys("ARCHIVE", "CONNECT", "ADD_OWNER",
                    "REMOVE_OWNER");
            for (String[] change : changes) {
                HttpResponse<String> staged = call("POST", BREAK + "/plan/changes", admin, "{\"kind\":\"" + change[0]
                        + "\",\"group\":\"" + change[1] + "\"" + (change[2] == null ? "" : ",\"person\":\"" + change[2]
                        + "\"") + "}", null);
                assertThat(staged.statusCode()).as(String.join(" ", Stream.of(change).map(String::valueOf).toList())
                        + ": " + staged.body()).isEqualTo(200);
            }
            HttpResponse<String> plan = call("GET", BREAK + "/plan", admin, null, null);
            assertThat(json(plan.body()).getJsonArray("changes")).hasSize(changes.size());

            // The preview, with the names at each school.
            Map<Question, Boolean> listed = new LinkedHashMap<>();
            Set<String> named = new HashSet<>();
            Set<UUID> changed = new LinkedHashSet<>();
            changes.forEach(change -> changed.add(UUID.fromString(change[1])));
            Map<UUID, List<Membership>> afterPlan = membershipsAfter(memberships, changes, today);
            List<String> schools = Sql.strings(database, "select id from school where tenant_id = ? order by external_id",
                    TENANT);
            assertThat(schools).hasSizeGreaterThanOrEqualTo(2);
            long previewMillis = 0;
            for (String school : schools) {
                long previewStarted = System.nanoTime();
                HttpResponse<String> preview = call("POST", BREAK + "/plan/preview?school=" + school, admin, null, null);
                previewMillis += (System.nanoTime() - previewStarted) / 1_000_000;
                assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
                JsonObject impact = json(preview.body());
                assertThat(impact.getJsonArray("schools").stream().allMatch(s -> s.asJsonObject().getBoolean("administered")))
                        .as("the administrator administers every school").isTrue();
                for (JsonValue value : impact.getJsonArray("details")) {
                    JsonObject detail = value.asJsonObject();
                    assertThat(detail.getString("schoolId")).isEqualTo(school);
                    assertThat(detail.getJsonObject("person").containsKey("id")).as("nobody here is protected").isTrue();
                    UUID person = UUID.fromString(detail.getJsonObject("person").getString("id"));
                    String kind = detail.getString("kind");
                    UUID group = detail.containsKey("groupId") ? UUID.fromString(detail.getString("groupId")) : null;
                    if (kind.equals("GROUP_POSTS")) {
                        listed.put(new Question(person, kind, group, group, null), detail.getBoolean("groupGained"));
                        named.add(person + " " + kind + " " + group);
                        continue;
                    }
                    for (String side : List.of("gained", "lost")) {
                        for (JsonValue s : detail.getJsonArray(side)) {
                            UUID student = UUID.fromString(s.asJsonObject().getString("id"));
                            named.add(person + " " + kind + " " + student + (group == null ? "" : " " + group));
                            UUID syllabus = null;
                            if (kind.equals("ASSESSMENTS")) {
                                // The preview names the syllabus: that of a changed group the person owns (before or
                                // after) and the student is in.
                                Set<UUID> syllabi = new HashSet<>();
                                for (UUID g : changed) {
                                    if (groups.get(g).syllabus() != null && memberOf(memberships, g, student)
                                            && ownerOf(memberships, afterPlan, g, person, today)) {
                                        syllabi.add(groups.get(g).syllabus());
                                    }
                                }
                                syllabus = UUID.fromString(detail.getString("syllabusId"));
                                assertThat(syllabi).as("a changed group of the named syllabus in which " + describe(
                                        new Question(person, kind, student, null, syllabus), personExternal) + " changes")
                                        .contains(syllabus);
                                assertThat(detail.getString("syllabusCode")).isEqualTo(names.get(syllabus));
                            }
                            listed.put(new Question(person, kind, student, group, syllabus), side.equals("gained"));
                        }
                    }
                }
            }
            assertThat(listed).as("the preview names gains and losses").containsValues(true, false);
            Map<Question, Boolean> asked = sample(listed, names);

            // Questions of the same kinds that the preview does not name.
            List<Question> others = unlisted(groups, memberships, afterPlan, changed, named, names, today, database);
            assertThat(others).hasSizeGreaterThanOrEqualTo(UNLISTED / 2);

            Map<Question, Boolean> before = answers(asked.keySet());
            Map<Question, Boolean> othersBefore = answers(others);
            assertThat(othersBefore).as("the questions the preview does not name: some allowed, some refused")
                    .containsValues(true, false);
            asked.forEach((question, gained) -> assertThat(before.get(question))
                    .as("before the apply, as the preview has it: " + describe(question, personExternal))
                    .isEqualTo(!gained));

            HttpResponse<String> applied = call("POST", BREAK + "/plan/apply", admin, null, null);
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
            assertThat(json(applied.body()).getInt("groupsArchived")).isEqualTo(kinds.get("ARCHIVE").intValue());
            assertThat(json(applied.body()).getInt("groupsConnected")).isEqualTo(kinds.get("CONNECT").intValue());
            Map<Question, Boolean> after = answers(asked.keySet());
            List<String> disagreements = new ArrayList<>();
            asked.forEach((question, gained) -> {
                if (!after.get(question).equals(gained)) {
                    disagreements.add((gained ? "gain" : "loss") + " not so after the apply: " + describe(question, personExternal));
                }
            });
            Map<Question, Boolean> othersAfter = answers(others);
            others.forEach(question -> {
                if (!othersAfter.get(question).equals(othersBefore.get(question))) {
                    disagreements.add("changed by the apply but not in the preview (" + (othersBefore.get(question)
                            ? "lost" : "gained") + "): " + describe(question, personExternal));
                }
            });
            assertThat(disagreements).as("what the server decides after the apply is what the preview said").isEmpty();

            HttpResponse<String> undone = call("POST", BREAK + "/undo", admin, null, null);
            assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
            assertThat(roster(database)).isEqualTo(rosterBefore);
            assertThat(answers(asked.keySet())).as("after the undo, as before the apply").isEqualTo(before);
            assertThat(answers(others)).as("after the undo, as before the apply").isEqualTo(othersBefore);

            Map<String, Long> perKind = new TreeMap<>();
            asked.forEach((question, gained) -> perKind.merge(question.kind() + (gained ? " gained" : " lost"), 1L, Long::sum));
            Map<String, Long> othersPerKind = new TreeMap<>();
            othersBefore.forEach((question, allowed) -> othersPerKind.merge(question.kind() + (allowed ? " allowed"
                    : " refused"), 1L, Long::sum));
            System.out.printf("Municipality break: %d groups, %d people, %d memberships; %d changes %s; the preview named"
                            + " %d gains and losses, %d asked %s, and %d questions it does not name %s; preview %d ms;"
                            + " %d s in all.%n", groups.size(), personExternal.size(), memberships.size(), changes.size(),
                    kinds, listed.size(), asked.size(), perKind, others.size(), othersPerKind, previewMillis,
                    (System.nanoTime() - started) / 1_000_000_000);
        } finally {
            if (administrator != null) {
                // No plan is left open or applied: a failed check above leaves it to be discarded or undone here.
                String admin = token(administrator);
                if (call("GET", BREAK + "/plan", admin, null, null).statusCode() == 200) {
                    call("DELETE", BREAK + "/plan", admin, null, null);
                }
                if (!Sql.strings(database, "select id from break_plan where tenant_id = ? and state = 'APPLIED'", TENANT)
                        .isEmpty()) {
                    call("POST", BREAK + "/undo", admin, null, null);
                }
            }
            Sql.forgetOrganisation(database, TENANT);
        }
    }

    /**
     * The register's next nightly upload (students who left and joined, moved enrollments, replaced teachers) previewed
     * by the administrator over HTTP: nothing changes, the run is recorded PREVIEWED with its impact, and once the same
     * files are imported for real the server decides every named gain and loss as the preview said.
     */
    @Test
    void theRegistersNextUploadIsPreviewedAndTheImportThenDoesWhatThePreviewSaid(DataSource database) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        Sql.forgetOrganisation(database, TENANT);
        try {
            UUID administrator = arrive(database, today);
            String admin = TestIssuer.personToken(ENTRA_TENANT, administrator);
            String rosterBefore = roster(database);
            Path next = temp.resolve("next");
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

            HttpResponse<String> elsewhere = http.send(uploadRequest(admin, next, FILES, "?preview=true&school="
                    + UUID.randomUUID()), HttpResponse.BodyHandlers.ofString());
            assertThat(elsewhere.statusCode()).as("names at a school the caller does not administer: " + elsewhere.body())
                    .isEqualTo(403);

            List<UUID> schools = Sql.strings(database, "select id from school where tenant_id = ? order by external_id",
                    TENANT).stream().map(UUID::fromString).toList();
            Map<Question, Boolean> listed = new LinkedHashMap<>();
            JsonObject run = null;
            for (UUID school : schools) {
                HttpResponse<String> previewed = http.send(uploadRequest(admin, next, FILES, "?preview=true&school=" + school),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(previewed.statusCode()).as(previewed.body()).isEqualTo(200);
                JsonObject body = json(previewed.body());
                run = body.getJsonObject("run");
                assertThat(run.getString("status")).isEqualTo("PREVIEWED");
                assertThat(run.getBoolean("preview")).isTrue();
                assertThat(roster(database)).as("a preview changes nothing").isEqualTo(rosterBefore);
                for (JsonValue value : body.getJsonArray("details")) {
                    JsonObject detail = value.asJsonObject();
                    JsonObject person = detail.getJsonObject("person");
                    if (!person.containsKey("id")) {
                        continue;
                    }
                    String kind = detail.getString("kind");
                    UUID group = detail.containsKey("groupId") ? UUID.fromString(detail.getString("groupId")) : null;
                    UUID syllabus = detail.containsKey("syllabusId") ? UUID.fromString(detail.getString("syllabusId")) : null;
                    UUID who = UUID.fromString(person.getString("id"));
                    if (kind.equals("GROUP_POSTS")) {
                        listed.put(new Question(who, kind, group, group, null), detail.getBoolean("groupGained"));
                    }
                    for (String side : List.of("gained", "lost")) {
                        for (JsonValue student : detail.getJsonArray(side)) {
                            if (student.asJsonObject().containsKey("id")) {
                                listed.put(new Question(who, kind, UUID.fromString(student.asJsonObject().getString("id")),
                                        group, syllabus), side.equals("gained"));
                            }
                        }
                    }
                }
            }
            JsonObject counts = countsOf(run);
            assertThat(counts.getJsonObject("MEMBERSHIP").getInt("ended")).isPositive();
            assertThat(run.getJsonArray("impact")).isNotEmpty();
            HttpResponse<String> recorded = call("GET", "/api/v1/imports/" + run.getString("id"), "Bearer " + admin, null, null);
            assertThat(recorded.statusCode()).isEqualTo(200);
            assertThat(json(recorded.body()).getString("status")).isEqualTo("PREVIEWED");
            assertThat(json(recorded.body()).getJsonArray("impact")).isEqualTo(run.getJsonArray("impact"));

            // Who the import creates gets another id in each run: only people and groups there already are asked.
            Set<String> existing = new HashSet<>(Sql.strings(database, "select cast(id as varchar) from person where tenant_id = ?"
                    + " union all select cast(id as varchar) from study_group where tenant_id = ?", TENANT, TENANT));
            Map<Question, Boolean> asked = new LinkedHashMap<>();
            listed.entrySet().stream().filter(e -> existing.contains(e.getKey().person().toString())
                            && existing.contains(e.getKey().about().toString()))
                    .sorted(Comparator.comparing(e -> e.getKey().toString())).limit(120)
                    .forEach(e -> asked.put(e.getKey(), e.getValue()));
            assertThat(asked).as("the preview names losses of people there already").containsValue(false);
            Map<Question, Boolean> before = answers(asked.keySet());
            asked.forEach((question, gained) -> assertThat(before.get(question)).as("before the import: " + question)
                    .isEqualTo(!gained));

            String integration = TestIssuer.applicationToken(ENTRA_TENANT, "brytby-register", List.of("RosterImport.ReadWrite.All"));
            HttpResponse<String> imported = http.send(uploadRequest(integration, next, FILES), HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            assertThat(countsOf(json(imported.body()))).as("the preview counted what the import does").isEqualTo(counts);
            Map<Question, Boolean> after = answers(asked.keySet());
            asked.forEach((question, gained) -> assertThat(after.get(question)).as("after the import: " + question)
                    .isEqualTo(gained));
            System.out.printf("Import preview: %d schools, %d gains and losses named, %d asked before and after.%n",
                    schools.size(), listed.size(), asked.size());
        } finally {
            Sql.forgetOrganisation(database, TENANT);
        }
    }

    private static JsonObject countsOf(JsonObject run) {
        jakarta.json.JsonObjectBuilder counts = Json.createObjectBuilder();
        run.getJsonArray("counts").forEach(count -> counts.add(count.asJsonObject().getString("kind"), count));
        return counts.build();
    }

    /**
     * Brings the generated municipality in as a new organisation through {@code POST /api/v1/imports}, as its
     * register's integration, then gives it what an import never brings: Microsoft accounts (the object id is the
     * person's id), licences, seven in eight groups connected (the rest are next year's), the subjects each teacher
     * teaches at a school (those of the groups they own there), and the first school's
     * principal as administrator of every school.
     *
     * @return the administrator
     */
    private UUID arrive(DataSource database, LocalDate today) throws Exception {
        Sql.update(database, "insert into tenant (id, entra_tenant_id, name) values (?, ?, 'Brytby kommun (syntetisk)')",
                TENANT, ENTRA_TENANT);
        Path full = Files.createDirectories(temp.resolve("full"));
        // The school year that holds today, so that the register's facts hold today.
        int schoolYear = today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
        SyntheticMunicipality.write(full, temp.resolve("next"), SEED, schoolYear,
                SyntheticMunicipality.Size.STOCKHOLM.scaled(SCALE));
        String integration = TestIssuer.applicationToken(ENTRA_TENANT, "brytby-register", List.of("RosterImport.ReadWrite.All"));
        HttpResponse<String> run = java.net.http.HttpClient.newHttpClient().send(uploadRequest(integration, full, FILES),
                HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        assertThat(run.body()).contains("\"status\":\"SUCCEEDED\"");

        Sql.update(database, "update person set entra_object_id = id where tenant_id = ?"
                + " and id in (select person_id from school_role where tenant_id = ?)", TENANT, TENANT);
        Sql.update(database, "insert into licence (id, person_id, kind, valid_from) select gen_random_uuid(), person_id,"
                + " case role when 'STUDENT' then 'STUDENT' else 'TEACHER' end, cast(? as date) from (select distinct"
                + " person_id, role from school_role where tenant_id = ? and role in ('STUDENT', 'TEACHER')) r",
                today.minusYears(1).toString(), TENANT);
        Sql.update(database, "update study_group set connected = true where tenant_id = ?"
                + " and abs(hashtext(external_id)) % 8 <> 0", TENANT);
        // Each teacher teaches the subjects of the groups they own, at those groups' schools.
        Sql.update(database, "insert into teacher_subject (id, tenant_id, teacher_id, school_id, subject_id)"
                + " select gen_random_uuid(), ?, t.person_id, t.school_id, t.subject_id from (select distinct m.person_id,"
                + " g.school_id, s.subject_id from membership m join study_group g on g.id = m.group_id"
                + " join syllabus s on s.id = g.syllabus_id where g.tenant_id = ? and m.role = 'OWNER') t", TENANT, TENANT);
        UUID administrator = UUID.fromString(Sql.strings(database, "select r.person_id from school_role r join school s"
                + " on s.id = r.school_id join person p on p.id = r.person_id where r.tenant_id = ? and r.role = 'PRINCIPAL'"
                + " order by s.external_id, p.external_id limit 1", TENANT).getFirst());
        Sql.update(database, "insert into school_role (id, tenant_id, person_id, school_id, role, valid_from)"
                + " select gen_random_uuid(), tenant_id, ?, id, 'SCHOOL_ADMIN', cast(? as date) from school where tenant_id = ?",
                administrator, today.minusDays(100).toString(), TENANT);
        return administrator;
    }

    /**
     * The questions the preview does not name, a deterministic sample of {@link #UNLISTED}: each owner (before or
     * after) of a changed group about each student of it (profile, and hand-ins, assessments or talks there), each
     * student about the group's posts, and each owner of a changed group about students of the school not in it.
     */
    private static List<Question> unlisted(Map<UUID, Group> groups, List<Membership> memberships,
                                           Map<UUID, List<Membership>> afterPlan, Set<UUID> changed, Set<String> named,
                                           Map<UUID, String> names, LocalDate today, DataSource database)
            throws Exception {
        Map<UUID, List<UUID>> studentsAt = new HashMap<>();
        Sql.strings(database, "select distinct school_id || '|' || person_id from school_role where tenant_id = ?"
                + " and role = 'STUDENT'", TENANT).forEach(row -> studentsAt.computeIfAbsent(
                UUID.fromString(row.split("\\|")[0]), s -> new ArrayList<>()).add(UUID.fromString(row.split("\\|")[1])));
        studentsAt.values().forEach(list -> list.sort(Comparator.comparing(names::get)));
        Map<String, Question> candidates = new TreeMap<>();
        for (UUID id : changed) {
            Group group = groups.get(id);
            Set<UUID> owners = new LinkedHashSet<>();
            Set<UUID> students = new LinkedHashSet<>();
            for (Membership m : memberships) {
                if (m.group().equals(id)) {
                    (m.role().equals("OWNER") ? owners : students).add(m.person());
                }
            }
            afterPlan.values().forEach(list -> list.stream().filter(m -> m.group().equals(id) && m.role().equals("OWNER")
                    && m.activeOn(today)).forEach(m -> owners.add(m.person())));
            for (UUID owner : owners) {
                for (UUID student : students) {
                    if (owners.contains(student)) {
                        continue;
                    }
                    candidate(candidates, named, names, new Question(owner, "STUDENT_PROFILE", student, null, null),
                            owner + " STUDENT_PROFILE " + student);
                    if (group.kind().equals("TEACHING")) {
                        candidate(candidates, named, names, new Question(owner, "HAND_INS", student, id, null),
                                owner + " HAND_INS " + student + " " + id);
                        if (group.syllabus() != null) {
                            candidate(candidates, named, names, new Question(owner, "ASSESSMENTS", student, null, group.syllabus()),
                                    owner + " ASSESSMENTS " + student);
                        }
                    } else {
                        candidate(candidates, named, names, new Question(owner, "DEVELOPMENT_TALKS", student, id, null),
                                owner + " DEVELOPMENT_TALKS " + student + " " + id);
                    }
                }
                List<UUID> atSchool = studentsAt.getOrDefault(group.school(), List.of());
                for (int i = 0; i < atSchool.size(); i += 17) {
                    UUID other = atSchool.get(i);
                    if (!students.contains(other)) {
                        candidate(candidates, named, names, new Question(owner, "STUDENT_PROFILE", other, null, null),
                                owner + " STUDENT_PROFILE " + other);
                    }
                }
            }
            for (UUID student : students) {
                if (!owners.contains(student)) {
                    candidate(candidates, named, names, new Question(student, "GROUP_POSTS", id, id, null),
                            student + " GROUP_POSTS " + id);
                }
            }
        }
        List<Question> all = new ArrayList<>(candidates.values());
        List<Question> sample = new ArrayList<>();
        double step = Math.max(1.0, (double) all.size() / UNLISTED);
        for (double i = 0; i < all.size() && sample.size() < UNLISTED; i += step) {
            sample.add(all.get((int) i));
        }
        return sample;
    }

    private static void candidate(Map<String, Question> candidates, Set<String> named, Map<UUID, String> names,
                                  Question question, String name) {
        if (!named.contains(name)) {
            candidates.put(question.key(names), question);
        }
    }

    /** All of the preview's gains and losses, or an even sample of each kind and direction, {@link #LISTED} in all. */
    private static Map<Question, Boolean> sample(Map<Question, Boolean> listed, Map<UUID, String> names) {
        if (listed.size() <= LISTED) {
            return listed;
        }
        Map<String, List<Question>> strata = new TreeMap<>();
        listed.forEach((question, gained) -> strata.computeIfAbsent(question.kind() + gained, k -> new ArrayList<>())
                .add(question));
        int each = Math.max(LISTED / strata.size(), 1);
        Map<Question, Boolean> sample = new LinkedHashMap<>();
        for (List<Question> stratum : strata.values()) {
            stratum.sort(Comparator.comparing(question -> question.key(names)));
            double step = Math.max(1.0, (double) stratum.size() / each);
            for (double i = 0; i < stratum.size(); i += step) {
                Question question = stratum.get((int) i);
                sample.put(question, listed.get(question));
            }
        }
        assertThat(sample.size()).as("at least 200 of the preview's gains and losses asked").isGreaterThanOrEqualTo(
                Math.min(200, listed.size()));
        return sample;
    }

    /** For each question, the server's answer now, asked as the person: allowed (true) or refused. */
    private Map<Question, Boolean> answers(java.util.Collection<Question> questions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<Question, Future<Boolean>> pending = new LinkedHashMap<>();
            for (Question question : questions) {
                pending.put(question, pool.submit(() -> answer(question)));
            }
            Map<Question, Boolean> answers = new LinkedHashMap<>();
            for (Map.Entry<Question, Future<Boolean>> entry : pending.entrySet()) {
                answers.put(entry.getKey(), entry.getValue().get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A student's profile and a group's posts through their own endpoints; hand-ins, assessments (published, in the
     * syllabus) and development talks through the person's explanation of their own access, which is the rules'
     * decision on the server's facts (a student the person may not know is answered 404, as their data would be).
     */
    private boolean answer(Question question) throws Exception {
        String token = token(question.person());
        String path = switch (question.kind()) {
            case "STUDENT_PROFILE" -> "/api/v1/students/" + question.about();
            case "GROUP_POSTS" -> "/api/v1/groups/" + question.about() + "/posts";
            case "HAND_INS" -> explain(question, "SUBMISSION&group=" + question.group());
            case "DEVELOPMENT_TALKS" -> explain(question, "DEVELOPMENT_TALK&group=" + question.group());
            case "ASSESSMENTS" -> explain(question, "ASSESSMENT&published=true&syllabus=" + question.syllabus());
            default -> throw new IllegalArgumentException(question.kind());
        };
        HttpResponse<String> answer = call("GET", path, token, null, null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isIn(200, 403, 404);
        if (answer.statusCode() != 200) {
            return false;
        }
        return !path.contains("/access/explain") || json(answer.body()).getBoolean("allowed");
    }

    private static String explain(Question question, String kind) {
        return "/api/v1/access/explain?person=" + question.person() + "&student=" + question.about() + "&kind=" + kind;
    }

    private static String describe(Question question, Map<UUID, String> externalIds) {
        return externalIds.getOrDefault(question.person(), question.person().toString()) + " " + question.kind() + " "
                + externalIds.getOrDefault(question.about(), question.about().toString())
                + (question.group() == null ? "" : " in group " + question.group())
                + (question.syllabus() == null ? "" : " syllabus " + question.syllabus());
    }

    /** Every membership as the plan would leave it, by person (only the people whose owners change). */
    private static Map<UUID, List<Membership>> membershipsAfter(List<Membership> memberships, List<String[]> changes,
                                                                LocalDate today) {
        Map<UUID, List<Membership>> after = new HashMap<>();
        for (String[] change : changes) {
            if (change[2] == null) {
                continue;
            }
            UUID group = UUID.fromString(change[1]);
            UUID person = UUID.fromString(change[2]);
            List<Membership> theirs = after.computeIfAbsent(person, p -> new ArrayList<>(memberships.stream()
                    .filter(m -> m.person().equals(p)).toList()));
            if (change[0].equals("ADD_OWNER")) {
                theirs.add(new Membership(group, person, "OWNER", today, null));
            } else {
                theirs.replaceAll(m -> m.group().equals(group) && m.role().equals("OWNER") && (m.to() == null
                        || !m.to().isBefore(today)) ? new Membership(group, person, "OWNER", m.from(),
                        m.from().isAfter(today) ? m.from().minusDays(1) : today.minusDays(1)) : m);
            }
        }
        return after;
    }

    private static boolean ownerOf(List<Membership> memberships, Map<UUID, List<Membership>> afterPlan, UUID group,
                                   UUID person, LocalDate today) {
        List<Membership> now = memberships.stream().filter(m -> m.person().equals(person)).toList();
        List<Membership> then = afterPlan.getOrDefault(person, now);
        return Stream.concat(now.stream(), then.stream()).anyMatch(m -> m.group().equals(group) && m.role().equals("OWNER")
                && m.activeOn(today));
    }

    private static boolean memberOf(List<Membership> memberships, UUID group, UUID person) {
        return memberships.stream().anyMatch(m -> m.group().equals(group) && m.person().equals(person)
                && m.role().equals("MEMBER"));
    }

    private static Map<UUID, Group> groups(DataSource database) throws Exception {
        Map<UUID, Group> groups = new HashMap<>();
        for (String row : Sql.strings(database, "select g.id || '|' || g.external_id || '|' || g.school_id || '|' || g.kind"
                + " || '|' || g.connected || '|' || coalesce(cast(g.syllabus_id as varchar), '-') || '|'"
                + " || coalesce(cast(s.subject_id as varchar), '-') from study_group g left join syllabus s"
                + " on s.id = g.syllabus_id where g.tenant_id = ? and not g.archived", TENANT)) {
            String[] f = row.split("\\|");
            groups.put(UUID.fromString(f[0]), new Group(UUID.fromString(f[0]), f[1], UUID.fromString(f[2]), f[3],
                    f[4].equals("true"), f[5].equals("-") ? null : UUID.fromString(f[5]),
                    f[6].equals("-") ? null : UUID.fromString(f[6])));
        }
        return groups;
    }

    private static List<Membership> memberships(DataSource database) throws Exception {
        List<Membership> memberships = new ArrayList<>();
        for (String row : Sql.strings(database, "select group_id || '|' || person_id || '|' || role || '|' || valid_from"
                + " || '|' || coalesce(cast(valid_to as varchar), '-') from membership where tenant_id = ?", TENANT)) {
            String[] f = row.split("\\|");
            memberships.add(new Membership(UUID.fromString(f[0]), UUID.fromString(f[1]), f[2], LocalDate.parse(f[3]),
                    f[4].equals("-") ? null : LocalDate.parse(f[4])));
        }
        return memberships;
    }

    private static String token(UUID person) {
        return "Bearer " + TestIssuer.personToken(ENTRA_TENANT, person);
    }

    /** The organisation's groups and memberships, as text: what the undo must give back. */
    private static String roster(DataSource database) throws Exception {
        return String.join("\n", Sql.strings(database, "select 'G ' || id || ' ' || connected || ' ' || archived"
                + " from study_group where tenant_id = cast(? as uuid) union all select 'M ' || id || ' ' || role || ' '"
                + " || valid_from || ' ' || coalesce(cast(valid_to as varchar), '-') from membership"
                + " where tenant_id = cast(? as uuid) order by 1", TENANT.toString(), TENANT.toString()));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
