package se.klassrum.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.demo.DemoIds;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_SOLBACKA;
import static se.klassrum.roster.demo.DemoIds.GROUP_EN5_B;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.OID_ANNA;
import static se.klassrum.roster.demo.DemoIds.OID_SARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_GRETA;
import static se.klassrum.roster.demo.DemoIds.PERSON_RUT;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKA_GYMNASIUM;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_MATMAT01C;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * A whole school-year break of the demo organisation, through the API, as its school administrator Sara: next year's
 * groups are added (Ma2c-A with four of Ma1c-A's students and no owner, a mentor group NA25a without a mentor); the
 * plan archives Ma1c-A, connects both new groups, makes Anna owner of Ma2c-A and ends her ownership of En5-B. Its
 * preview is then checked against what the server decides once the plan is applied: every person the preview names
 * as gaining or losing a student's profile or a group's posts is asked the API, before the apply, after it and after
 * the undo. Runs last in the suite: it changes the demo organisation's groups (and gives them back).
 */
abstract class SchoolYearBreakChecks extends ServerCalls {

    private static final String BREAK = "/api/v1/school-year-break";
    private static final UUID MA2C_A = UUID.randomUUID();
    private static final UUID NA25A = UUID.randomUUID();
    private static final List<String> PEOPLE = List.of("anna", "bertil", "cecilia", "david", "sara", "petra", "olle",
            "elsa", "filip", "greta", "hugo", "ivar", "julia", "klara", "rut", "tove");

    private static String token(UUID objectId) {
        return "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    @Test
    void aWholeBreakIsPreviewedAppliedAsPreviewedAndUndone(DataSource database) throws Exception {
        String sara = token(OID_SARA);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        Sql.update(database, "insert into study_group (id, tenant_id, school_id, kind, name, school_year, syllabus_id)"
                + " values (cast(? as uuid), cast(? as uuid), cast(? as uuid), 'TEACHING', 'Ma2c-A', '2026/27', cast(? as uuid))",
                MA2C_A.toString(), TENANT_SOLBACKA.toString(), SCHOOL_SOLBACKA_GYMNASIUM.toString(), SYLLABUS_MATMAT01C.toString());
        Sql.update(database, "insert into study_group (id, tenant_id, school_id, kind, name, school_year)"
                + " values (cast(? as uuid), cast(? as uuid), cast(? as uuid), 'MENTOR', 'NA25a mentorsgrupp', '2026/27')",
                NA25A.toString(), TENANT_SOLBACKA.toString(), SCHOOL_SOLBACKA_GYMNASIUM.toString());
        for (String student : List.of("elsa", "filip", "greta", "hugo")) {
            member(database, MA2C_A, DemoIds.person(student), today);
        }
        member(database, NA25A, DemoIds.person("filip"), today);
        String rosterBefore = roster(database);

        // A teacher plans nothing; the administrator stages the plan a change at a time.
        assertProblem(call("POST", BREAK + "/plan/changes", token(OID_ANNA), change("ARCHIVE", GROUP_MA1C_A, null), null), 403);
        assertThat(call("POST", BREAK + "/plan/changes", sara, change("ARCHIVE", GROUP_MA1C_A, null), null).statusCode()).isEqualTo(200);
        assertThat(call("POST", BREAK + "/plan/changes", sara, change("CONNECT", MA2C_A, null), null).statusCode()).isEqualTo(200);
        assertThat(call("POST", BREAK + "/plan/changes", sara, change("ADD_OWNER", MA2C_A, PERSON_ANNA), null).statusCode()).isEqualTo(200);
        assertThat(call("POST", BREAK + "/plan/changes", sara, change("CONNECT", NA25A, null), null).statusCode()).isEqualTo(200);
        HttpResponse<String> plan = call("POST", BREAK + "/plan/changes", sara, change("REMOVE_OWNER", GROUP_EN5_B, PERSON_ANNA), null);
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        assertThat(json(plan.body()).getJsonArray("changes")).hasSize(5);
        assertProblem(call("POST", BREAK + "/plan/changes", sara, change("ARCHIVE", MA2C_A, null), "en"), 400);
        // An owner change names staff only: a student, protected or not, is answered as an unknown id, and not named.
        UUID unknown = UUID.randomUUID();
        HttpResponse<String> noOne = call("POST", BREAK + "/plan/changes", sara, change("ADD_OWNER", MA2C_A, unknown), "en");
        for (UUID student : List.of(PERSON_GRETA, PERSON_RUT, PERSON_ELSA)) {
            for (String kind : List.of("ADD_OWNER", "REMOVE_OWNER")) {
                HttpResponse<String> named = call("POST", BREAK + "/plan/changes", sara, change(kind, MA2C_A, student), "en");
                assertThat(named.statusCode()).as(named.body()).isEqualTo(noOne.statusCode()).isEqualTo(404);
                assertThat(named.body().replace(student.toString(), unknown.toString()).replaceAll("\"requestId\":\"[^\"]*\"", ""))
                        .isEqualTo(noOne.body().replaceAll("\"requestId\":\"[^\"]*\"", ""));
            }
        }
        assertThat(call("GET", BREAK + "/plan", sara, null, null).body()).doesNotContain("Greta", "Rut", "Elsa");

        // A page of the plan's changes at a time, in the order staged, filtered by kind or by the group's name.
        HttpResponse<String> page = call("GET", BREAK + "/plan/changes?offset=2&limit=2", sara, null, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonObject second = json(page.body());
        assertThat(second.getInt("total")).isEqualTo(5);
        assertThat(second.getInt("matching")).isEqualTo(5);
        assertThat(second.getJsonArray("changes").stream().map(c -> c.asJsonObject().getString("kind") + " "
                + c.asJsonObject().getString("groupName"))).containsExactly("ADD_OWNER Ma2c-A", "CONNECT NA25a mentorsgrupp");
        assertThat(second.getJsonObject("kinds").getInt("CONNECT")).isEqualTo(2);
        JsonObject connects = json(call("GET", BREAK + "/plan/changes?kind=connect", sara, null, null).body());
        assertThat(connects.getInt("matching")).isEqualTo(2);
        assertThat(connects.getJsonArray("changes").stream().map(c -> c.asJsonObject().getString("groupName")))
                .containsExactly("Ma2c-A", "NA25a mentorsgrupp");
        JsonObject named = json(call("GET", BREAK + "/plan/changes?q=MA2C", sara, null, null).body());
        assertThat(named.getJsonArray("changes").stream().map(c -> c.asJsonObject().getString("kind")))
                .containsExactly("CONNECT", "ADD_OWNER");
        assertProblem(call("GET", BREAK + "/plan/changes?limit=0", sara, null, null), 400);
        assertProblem(call("GET", BREAK + "/plan/changes?kind=MOVE", sara, null, null), 400);
        assertProblem(call("GET", BREAK + "/plan/changes", token(OID_ANNA), null, null), 403);

        HttpResponse<String> unpreviewed = call("POST", BREAK + "/plan/apply", sara, null, "en");
        assertProblem(unpreviewed, 409);
        assertThat(unpreviewed.body()).contains("BREAK_NOT_PREVIEWED").contains("Preview the plan");
        assertThat(roster(database)).isEqualTo(rosterBefore);

        HttpResponse<String> preview = call("POST", BREAK + "/plan/preview?school=" + SCHOOL_SOLBACKA_GYMNASIUM, sara, null, null);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonObject impact = json(preview.body());
        // Greta, in the archived group, has a protected identity and Sara no path to her: neither named nor identified.
        assertThat(preview.body()).doesNotContain(DemoIds.PERSON_GRETA.toString()).doesNotContain("Greta");
        assertThat(impact.getJsonArray("schools")).isNotEmpty();
        assertThat(impact.getJsonArray("warnings").stream().map(w -> w.asJsonObject().getString("kind")))
                .contains("MENTOR_GROUP_WITHOUT_MENTOR");
        // Who gains and loses a profile or a group's posts, as the preview has it: (person, kind, student or group).
        Map<List<String>, Boolean> expected = new LinkedHashMap<>();
        for (JsonValue value : impact.getJsonArray("details")) {
            JsonObject change = value.asJsonObject();
            String kind = change.getString("kind");
            if (!change.getJsonObject("person").containsKey("id")) {
                continue;
            }
            String person = change.getJsonObject("person").getString("id");
            if (kind.equals("STUDENT_PROFILE")) {
                // A student the preview may not identify is counted but has no id to ask about.
                change.getJsonArray("gained").stream().filter(s -> s.asJsonObject().containsKey("id"))
                        .forEach(s -> expected.put(List.of(person, kind, s.asJsonObject().getString("id")), true));
                change.getJsonArray("lost").stream().filter(s -> s.asJsonObject().containsKey("id"))
                        .forEach(s -> expected.put(List.of(person, kind, s.asJsonObject().getString("id")), false));
            } else if (kind.equals("GROUP_POSTS")) {
                expected.put(List.of(person, kind, change.getString("groupId")), change.getBoolean("groupGained"));
            }
        }
        assertThat(expected).containsValues(true, false);
        // Assessments are named with their syllabus, so that one teacher's courses with the same student read apart.
        assertThat(impact.getJsonArray("details").stream().map(JsonValue::asJsonObject)
                .filter(change -> change.getString("kind").equals("ASSESSMENTS")).toList())
                .isNotEmpty()
                .allSatisfy(change -> assertThat(change.getString("syllabusCode")).isNotBlank());
        assertThat(expected).containsEntry(List.of(PERSON_ANNA.toString(), "STUDENT_PROFILE", DemoIds.person("ivar").toString()), false);
        assertThat(expected).containsEntry(List.of(DemoIds.person("elsa").toString(), "GROUP_POSTS", MA2C_A.toString()), true);
        Map<List<String>, Boolean> before = answers(expected);
        expected.forEach((question, gained) -> assertThat(before.get(question)).as("before: " + question).isEqualTo(!gained));

        HttpResponse<String> applied = call("POST", BREAK + "/plan/apply", sara, null, null);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(json(applied.body()).getInt("groupsArchived")).isEqualTo(1);
        assertThat(json(applied.body()).getInt("groupsConnected")).isEqualTo(2);
        assertThat(answers(expected)).as("what the server decides after the apply is what the preview said").isEqualTo(expected);

        HttpResponse<String> undone = call("POST", BREAK + "/undo", sara, null, null);
        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(roster(database)).isEqualTo(rosterBefore);
        assertThat(answers(expected)).isEqualTo(before);
        assertThat(Sql.strings(database, "select operation from audit_entry where data_kind = 'SCHOOL_YEAR_BREAK'"
                + " order by seq")).containsExactly("APPLY", "UNDO");
        assertProblem(call("POST", BREAK + "/undo", sara, null, null), 409);
    }

    /**
     * The plan proposed from the register's groups, at Sara's school only: by default for the school year that starts on
     * the next 1 July, so every connected group of Solbacka gymnasium of an earlier year is to be archived, and none of
     * Solbackaskolan's; proposed again, nothing is added; for this school year, the unconnected Ke1-D with its members
     * is to be connected. Leaves no plan open.
     */
    @Test
    void thePlanIsProposedFromTheRegisterAtTheAdministratorsSchoolsOnly(DataSource database) throws Exception {
        String sara = token(OID_SARA);
        String fromRegister = BREAK + "/plan/from-register";
        String rosterBefore = roster(database);
        assertThat(Sql.number(database, "select count(*) from break_plan where state = 'OPEN' and tenant_id = cast(? as uuid)",
                TENANT_SOLBACKA.toString())).as("no plan is open before").isZero();
        assertProblem(call("POST", fromRegister, token(OID_ANNA), null, null), 403);
        HttpResponse<String> badYear = call("POST", fromRegister + "?schoolYear=2026/28", sara, null, "en");
        assertProblem(badYear, 400);
        assertThat(badYear.body()).contains("INVALID_SCHOOL_YEAR");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        int coming = today.getMonthValue() >= 7 ? today.getYear() + 1 : today.getYear();
        HttpResponse<String> proposed = call("POST", fromRegister, sara, null, null);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        JsonObject proposal = json(proposed.body());
        assertThat(proposal.getString("schoolYear")).isEqualTo(String.format("%d/%02d", coming, (coming + 1) % 100));
        List<JsonObject> changes = proposal.getJsonObject("plan").getJsonArray("changes").stream()
                .map(JsonValue::asJsonObject).toList();
        assertThat(proposal.getInt("added")).isEqualTo(changes.size()).isEqualTo(proposal.getInt("archivesAdded"));
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.getString("kind")).isEqualTo("ARCHIVE");
            assertThat(change.getString("schoolId")).isEqualTo(SCHOOL_SOLBACKA_GYMNASIUM.toString());
        });
        assertThat(changes.stream().map(change -> change.getString("groupId")).toList())
                .containsExactlyInAnyOrderElementsOf(Sql.strings(database, "select cast(id as varchar) from study_group"
                        + " where school_id = cast(? as uuid) and connected and not archived"
                        + " and cast(substr(school_year, 1, 4) as integer) < ?", SCHOOL_SOLBACKA_GYMNASIUM.toString(), coming))
                .contains(GROUP_MA1C_A.toString())
                .doesNotContain(DemoIds.GROUP_MA8_A.toString());

        HttpResponse<String> again = call("POST", fromRegister, sara, null, null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again.body()).getInt("added")).isZero();
        assertThat(json(again.body()).getJsonObject("plan").getJsonArray("changes")).hasSize(changes.size());
        assertThat(call("DELETE", BREAK + "/plan", sara, null, null).statusCode()).isEqualTo(204);

        String thisYear = Sql.strings(database, "select school_year from study_group where id = cast(? as uuid)",
                DemoIds.GROUP_KE1_D.toString()).getFirst();
        HttpResponse<String> thisYears = call("POST", fromRegister + "?schoolYear=" + thisYear, sara, null, null);
        assertThat(thisYears.statusCode()).as(thisYears.body()).isEqualTo(200);
        assertThat(json(thisYears.body()).getJsonObject("plan").getJsonArray("changes").stream().map(JsonValue::asJsonObject)
                .filter(change -> change.getString("groupId").equals(DemoIds.GROUP_KE1_D.toString())).map(change -> change.getString("kind")))
                .containsExactly("CONNECT");
        assertThat(call("DELETE", BREAK + "/plan", sara, null, null).statusCode()).isEqualTo(204);
        assertThat(roster(database)).as("proposing changes nothing of the roster").isEqualTo(rosterBefore);
    }

    /** For each question: may the person read the student's profile, or the group's posts, now? */
    private Map<List<String>, Boolean> answers(Map<List<String>, Boolean> questions) throws Exception {
        Map<List<String>, Boolean> answers = new LinkedHashMap<>();
        for (List<String> question : questions.keySet()) {
            String token = token(objectIdOf(UUID.fromString(question.get(0))));
            String path = question.get(1).equals("STUDENT_PROFILE") ? "/api/v1/students/" + question.get(2)
                    : "/api/v1/groups/" + question.get(2) + "/posts";
            int status = call("GET", path, token, null, null).statusCode();
            assertThat(status).as(path).isIn(200, 403, 404);
            answers.put(question, status == 200);
        }
        return answers;
    }

    private static UUID objectIdOf(UUID personId) {
        for (String key : PEOPLE) {
            if (DemoIds.person(key).equals(personId)) {
                return DemoIds.entraObjectId(key);
            }
        }
        throw new IllegalStateException("no demo person " + personId);
    }

    private static void member(DataSource database, UUID group, UUID person, LocalDate from) throws Exception {
        Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from)"
                        + " values (gen_random_uuid(), cast(? as uuid), cast(? as uuid), cast(? as uuid), 'MEMBER', cast(? as date))",
                TENANT_SOLBACKA.toString(), group.toString(), person.toString(), from.toString());
    }

    private static String change(String kind, UUID group, UUID person) {
        return "{\"kind\":\"" + kind + "\",\"group\":\"" + group + "\"" + (person == null ? "" : ",\"person\":\"" + person + "\"") + "}";
    }

    private static String roster(DataSource database) throws Exception {
        return String.join("\n", Sql.strings(database, "select 'G ' || id || ' ' || connected || ' ' || archived from study_group"
                + " union all select 'M ' || id || ' ' || role || ' ' || valid_from || ' ' || coalesce(cast(valid_to as varchar), '-')"
                + " from membership order by 1"));
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
