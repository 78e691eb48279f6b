package se.klassrum.web;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * The access rules as a client meets them: the deployed WAR on Payara Micro, called over HTTP with real
 * signed JWTs of the demo personas, and the audit rows that each call leaves in PostgreSQL.
 */
class AccessIT extends KlassrumServerTest {



    private final HttpClient http = HttpClient.newHttpClient();

    private static String person(UUID objectId) {
        return TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    private static String guardianWithIdp(String key) {
        return TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, idpSubject(key));
    }

    @Test
    void theTeacherWhoOwnsTheStudentsTeachingGroupSeesTheProfile() throws Exception {
        HttpResponse<String> response = get("/api/v1/students/" + PERSON_ELSA, person(OID_ANNA));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"givenName\":\"Elsa\"").contains("Ma1c-A");
    }

    @Test
    void theMentorWhoOwnsTheStudentsMentorGroupSeesTheProfile() throws Exception {
        assertThat(get("/api/v1/students/" + PERSON_ELSA, person(OID_BERTIL)).statusCode()).isEqualTo(200);
    }

    @Test
    void aStudentSeesTheirOwnProfileButNotAClassmatesWithTheMissingPrerequisiteNamed() throws Exception {
        assertThat(get("/api/v1/students/" + PERSON_ELSA, person(OID_ELSA)).statusCode()).isEqualTo(200);

        HttpResponse<String> classmate = get("/api/v1/students/" + PERSON_FILIP, person(OID_ELSA));

        assertThat(classmate.statusCode()).isEqualTo(403);
        assertThat(classmate.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(classmate.body()).contains("\"status\":403").contains("MEMBER_OF_LINKED_GROUP");
    }

    @Test
    void aTeacherWithoutALicenceIsDeniedWithTheReasonInTheirLanguage() throws Exception {
        HttpResponse<String> swedish = get("/api/v1/students/" + PERSON_ELSA, person(OID_CECILIA));
        HttpResponse<String> english = get("/api/v1/students/" + PERSON_ELSA, person(OID_CECILIA), "en");

        assertThat(swedish.statusCode()).isEqualTo(403);
        assertThat(swedish.body()).contains("\"code\":\"LICENCE\"").contains("Åtkomst nekad");
        assertThat(english.body()).contains("\"code\":\"LICENCE\"").contains("Access denied");
    }

    @Test
    void aGuardianWithAnActiveLinkAndLoginSeesTheirProtectedChild() throws Exception {
        assertThat(get("/api/v1/students/" + PERSON_GRETA, guardianWithIdp("nils")).statusCode()).isEqualTo(200);
    }

    @Test
    void aGuardianWhoseChildTurned18IsDeniedOnTheGuardianLink() throws Exception {
        HttpResponse<String> response = get("/api/v1/students/" + PERSON_IVAR, guardianWithIdp("lars"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("GUARDIAN_LINK");
    }

    @Test
    void someoneFromAnotherTenantGetsNotFoundNotAHint() throws Exception {
        String outsider = TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_OLLE);

        HttpResponse<String> existing = get("/api/v1/students/" + PERSON_ELSA, outsider);
        HttpResponse<String> unknown = get("/api/v1/students/" + UUID.randomUUID(), outsider);

        assertThat(existing.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(existing.body()).isEqualTo(unknown.body());
    }

    @Test
    void staffWithoutAPathCannotFindAProtectedStudent() throws Exception {
        HttpResponse<String> response = get("/api/v1/students/" + PERSON_GRETA, person(OID_PETRA));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Greta").doesNotContain("Ma1c-A");
    }

    @Test
    void anApplicationReadsWithItsPermissionInItsOwnTenantOnly() throws Exception {
        String permitted = TestIssuer.applicationToken(ENTRA_TENANT_SOLBACKA, "sis-sync", List.of("Students.Read.All"));
        String unpermitted = TestIssuer.applicationToken(ENTRA_TENANT_SOLBACKA, "calendar", List.of("Posts.Read.All"));
        String otherTenant = TestIssuer.applicationToken(ENTRA_TENANT_NORRA, "sis-sync", List.of("Students.Read.All"));

        assertThat(get("/api/v1/students/" + PERSON_ELSA, permitted).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = get("/api/v1/students/" + PERSON_ELSA, unpermitted);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("APPLICATION_PERMISSION");
        assertThat(get("/api/v1/students/" + PERSON_ELSA, otherTenant).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/access/audit/verify",
                TestIssuer.applicationToken(ENTRA_TENANT_SOLBACKA, "auditor", List.of("AuditLog.Read.All"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void callsWithoutAKnownIdentityAreRefused() throws Exception {
        assertThat(get("/api/v1/students/" + PERSON_ELSA, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/students/" + PERSON_ELSA, TestIssuer.foreignToken(ENTRA_TENANT_SOLBACKA, OID_ANNA))
                .statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/students/" + PERSON_ELSA, TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, UUID.randomUUID()))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedIdIsABadRequestNamingTheField() throws Exception {
        HttpResponse<String> response = get("/api/v1/students/not-a-uuid", person(OID_ANNA), "en");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"id\"").contains("id must be a UUID");
    }

    @Test
    void aGroupsMemberListShowsOnlyTheMembersTheCallerMaySee() throws Exception {
        HttpResponse<String> teacher = get("/api/v1/groups/" + GROUP_MA1C_A + "/members", person(OID_ANNA));
        HttpResponse<String> student = get("/api/v1/groups/" + GROUP_MA1C_A + "/members", person(OID_FILIP));

        assertThat(teacher.statusCode()).isEqualTo(200);
        assertThat(teacher.body()).contains("Elsa").contains("Filip").contains("Greta");
        assertThat(student.statusCode()).isEqualTo(200);
        assertThat(student.body()).contains("Filip").doesNotContain("Greta").doesNotContain("Elsa");
    }

    /** The denied call's business transaction rolls back; its audit row, written in its own, stays. */
    @Test
    void everyDecisionIsAuditedAllowedAndDeniedWithoutTheData(DataSource database) throws Exception {
        String requestId = "audit-" + UUID.randomUUID();
        get("/api/v1/students/" + PERSON_ELSA, person(OID_ANNA), null, requestId);
        get("/api/v1/students/" + PERSON_ELSA, person(OID_DAVID), null, requestId);

        List<String> rows = Sql.strings(database, "select actor_id || ' ' || decision || ' ' || failing_codes from audit_entry "
                + "where request_id = ? order by seq", requestId);

        assertThat(rows).containsExactly(PERSON_ANNA + " ALLOW ", PERSON_DAVID + " DENY ROLE_TEACHER");
        assertThat(Sql.strings(database, "select count(*) from audit_entry where request_id = ? and student_id = ?",
                requestId, PERSON_ELSA.toString())).containsExactly("2");
    }

    @Test
    void theVeryNextCallAfterAMembershipEndsIsDenied(DataSource database) throws Exception {
        assertThat(get("/api/v1/students/" + PERSON_IVAR, person(OID_ANNA)).statusCode()).isEqualTo(200);
        UUID membership = membership("ma1c-a", "ivar");
        try {
            Sql.update(database, "update membership set valid_to = current_date - 1 where id = ?", membership);

            HttpResponse<String> after = get("/api/v1/students/" + PERSON_IVAR, person(OID_ANNA));

            assertThat(after.statusCode()).isEqualTo(403);
            assertThat(after.body()).contains("OWNS_TEACHING_GROUP");
        } finally {
            Sql.update(database, "update membership set valid_to = null where id = ?", membership);
        }
    }

    @Test
    void aPersonCanExplainTheirOwnDenial() throws Exception {
        HttpResponse<String> response = get("/api/v1/access/explain?person=" + PERSON_ANNA + "&student=" + PERSON_ELSA
                + "&kind=ASSESSMENT&syllabus=" + SYLLABUS_ENGENG05, person(OID_ANNA), "en");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"allowed\":false").contains("\"failingCodes\":[\"TEACHER_SUBJECT\"]")
                .contains("\"path\":\"TEACHER\"").contains("\"path\":\"GUARDIAN\"");
    }

    @Test
    void aSchoolAdministratorExplainsAnyoneAtTheirSchoolButAStudentCannotExplainOthers() throws Exception {
        String question = "/api/v1/access/explain?person=" + PERSON_CECILIA + "&student=" + PERSON_ELSA + "&kind=STUDENT_PROFILE";

        HttpResponse<String> admin = get(question, person(OID_SARA));
        HttpResponse<String> student = get(question, person(OID_ELSA));

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"failingCodes\":[\"LICENCE\"]");
        assertThat(student.statusCode()).isEqualTo(404);
    }

    /**
     * Petra teaches Ma8-A at Solbackaskolan; Hugo studies at the gymnasium (and was at Solbackaskolan last
     * year). Sara administers the gymnasium only: explaining Petra's access to Hugo, she is not told the names
     * of Petra's group and school. Petra, explaining herself (or denied Hugo's profile), is not told the names of
     * Hugo's groups and school at the gymnasium. The decision stays the same for both.
     */
    @Test
    void anExplanationNamesOnlyTheGroupsAndSchoolsTheAskerMayAlreadySee() throws Exception {
        String question = "/api/v1/access/explain?person=" + PERSON_PETRA + "&student=" + PERSON_HUGO
                + "&kind=STUDENT_PROFILE";

        HttpResponse<String> bySara = get(question, person(OID_SARA), "en");
        HttpResponse<String> bySaraInSwedish = get(question, person(OID_SARA));
        HttpResponse<String> byPetra = get(question, person(OID_PETRA), "en");
        HttpResponse<String> denied = get("/api/v1/students/" + PERSON_HUGO, person(OID_PETRA), "en");

        assertThat(bySara.statusCode()).isEqualTo(200);
        assertThat(bySara.body()).contains("\"allowed\":false").doesNotContain("Ma8-A").doesNotContain("Solbackaskolan")
                .contains("another school").contains("Solbacka gymnasium");
        assertThat(bySaraInSwedish.body()).doesNotContain("Ma8-A").doesNotContain("Solbackaskolan")
                .contains("en annan skola");
        assertThat(byPetra.statusCode()).isEqualTo(200);
        assertThat(byPetra.body()).contains("\"allowed\":false").doesNotContain("Ma1c-A")
                .doesNotContain("Solbacka gymnasium").contains("Ma8-A").contains("Solbackaskolan");
        assertThat(failingCodes(bySara.body())).isEqualTo(failingCodes(byPetra.body())).isNotEmpty();
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain("Ma1c-A").doesNotContain("Solbacka gymnasium")
                .contains("another school");
    }

    private static List<String> failingCodes(String explanation) {
        return Json.createReader(new StringReader(explanation)).readObject().getJsonArray("failingCodes")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    @Test
    void theAdministratorReadsTheStudentsAuditExtract() throws Exception {
        get("/api/v1/students/" + PERSON_FILIP, person(OID_ANNA));

        HttpResponse<String> extract = get("/api/v1/students/" + PERSON_FILIP + "/audit", person(OID_SARA));
        HttpResponse<String> teacher = get("/api/v1/students/" + PERSON_FILIP + "/audit", person(OID_ANNA));

        assertThat(extract.statusCode()).isEqualTo(200);
        assertThat(extract.body()).contains(PERSON_ANNA.toString()).contains("STUDENT_PROFILE").doesNotContain("Filip");
        assertThat(teacher.statusCode()).isEqualTo(404);
    }

    @Test
    void theAuditChainVerifiesAndNamesTheFirstTamperedEntry(DataSource database) throws Exception {
        get("/api/v1/students/" + PERSON_ELSA, person(OID_ANNA));
        HttpResponse<String> intact = get("/api/v1/access/audit/verify", person(OID_SARA));
        assertThat(intact.statusCode()).isEqualTo(200);
        assertThat(intact.body()).contains("\"intact\":true");

        String tenant = TENANT_SOLBACKA.toString();
        long seq = Long.parseLong(Sql.strings(database,
                "select min(seq) from audit_entry where tenant_id = ? and decision = 'DENY'", tenant).get(0));
        assertThatThrownBy(() -> Sql.update(database, "update audit_entry set decision = 'ALLOW' where tenant_id = ? and seq = ?",
                tenant, seq)).as("the log is append-only").hasMessageContaining("append-only");
        assertThatThrownBy(() -> Sql.update(database, "delete from audit_entry where tenant_id = ? and seq = ?", tenant, seq))
                .hasMessageContaining("append-only");

        // A database operator can switch the guard off; the keyed hash still tells.
        Sql.update(database, "alter table audit_entry disable trigger audit_entry_append_only");
        try {
            Sql.update(database, "update audit_entry set decision = 'ALLOW' where tenant_id = ? and seq = ?", tenant, seq);

            HttpResponse<String> tampered = get("/api/v1/access/audit/verify", person(OID_SARA));

            assertThat(tampered.body()).contains("\"intact\":false").contains("\"firstBrokenSeq\":" + seq);
        } finally {
            Sql.update(database, "update audit_entry set decision = 'DENY' where tenant_id = ? and seq = ?", tenant, seq);
            Sql.update(database, "alter table audit_entry enable trigger audit_entry_append_only");
        }
        assertThat(get("/api/v1/access/audit/verify", person(OID_ANNA)).statusCode()).isEqualTo(403);
    }

    @Test
    void aPageOfMembersAndItsCursorCarryNothingOfTheMembersLeftOut() throws Exception {
        HttpResponse<String> student = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=1", person(OID_FILIP));

        assertThat(student.statusCode()).isEqualTo(200);
        assertThat(student.body()).contains("Filip").doesNotContain("Greta").doesNotContain(PERSON_GRETA.toString())
                .as("Filip sees only himself: no cursor to more").doesNotContain("nextCursor")
                .as("the items' sort keys stay on the server").doesNotContain("positions");

        // The teacher pages through one member at a time and meets every member once; no cursor can be read.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor), person(OID_ANNA));
            assertThat(page.statusCode()).isEqualTo(200);
            seen.add(Json.createReader(new StringReader(page.body())).readObject().getJsonArray("items")
                    .getJsonObject(0).getString("studentId"));
            cursor = nextCursor(page.body());
            if (cursor != null) {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
                assertThat(decoded).doesNotContain("Greta").doesNotContain("Gran").doesNotContain(seen.get(seen.size() - 1));
            }
        } while (cursor != null && seen.size() < 50);
        HttpResponse<String> whole = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=100", person(OID_ANNA));
        List<String> all = Json.createReader(new StringReader(whole.body())).readObject().getJsonArray("items")
                .getValuesAs(jakarta.json.JsonObject.class).stream().map(member -> member.getString("studentId")).toList();
        assertThat(seen).containsExactlyElementsOf(all).contains(PERSON_GRETA.toString());

        // Another caller cannot continue from it, nor can anyone alter it.
        String teachersCursor = nextCursor(get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=1", person(OID_ANNA)).body());
        char last = teachersCursor.charAt(teachersCursor.length() - 1);
        String altered = teachersCursor.substring(0, teachersCursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=1&cursor=" + altered, person(OID_ANNA))
                .statusCode()).isEqualTo(400);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("Gran Greta\u001f" + PERSON_GRETA).getBytes(StandardCharsets.UTF_8));
        assertThat(get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=1&cursor=" + forged, person(OID_ANNA))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void anotherOrganisationMeetsTheGroupAsUnknownAndWritesNothingIntoItsChain(DataSource database) throws Exception {
        String solbacka = TENANT_SOLBACKA.toString();
        String olle = TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_OLLE);
        long before = Sql.number(database, "select count(*) from audit_entry where tenant_id = ?", solbacka);

        HttpResponse<String> foreign = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=1", olle);
        HttpResponse<String> unknown = get("/api/v1/groups/" + UUID.randomUUID() + "/members?limit=1", olle);
        HttpResponse<String> submissions = get("/api/v1/groups/" + GROUP_MA1C_A + "/assignments/" + UUID.randomUUID()
                + "/submissions", olle);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(unknown.body()).doesNotContain("Greta").doesNotContain("nextCursor");
        assertThat(submissions.statusCode()).isEqualTo(404);
        assertThat(Sql.number(database, "select count(*) from audit_entry where tenant_id = ?", solbacka))
                .as("rows in Solbacka's chain").isEqualTo(before);
    }

    @Test
    void explainingAProtectedStudentWithoutAPathIsAnsweredLikeAnUnknownId() throws Exception {
        HttpResponse<String> protectedStudent = get("/api/v1/access/explain?person=" + PERSON_ELSA + "&student="
                + PERSON_GRETA + "&kind=STUDENT_PROFILE", person(OID_ELSA), "en");
        HttpResponse<String> unknownStudent = get("/api/v1/access/explain?person=" + PERSON_ELSA + "&student="
                + UUID.randomUUID() + "&kind=STUDENT_PROFILE", person(OID_ELSA), "en");
        HttpResponse<String> data = get("/api/v1/students/" + PERSON_GRETA, person(OID_ELSA), "en");

        assertThat(data.statusCode()).isEqualTo(404);
        assertThat(protectedStudent.statusCode()).isEqualTo(404);
        assertThat(protectedStudent.body()).isEqualTo(unknownStudent.body()).isEqualTo(data.body())
                .doesNotContain("Na24A").doesNotContain("Solbacka");
    }

    @Test
    void aMemberListIsDecidedAsOneAuditedEntryThatTheStudentsExtractShows(DataSource database) throws Exception {
        String requestId = "list-" + UUID.randomUUID();
        HttpResponse<String> members = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=100", person(OID_FILIP), null,
                requestId);
        assertThat(members.statusCode()).isEqualTo(200);

        assertThat(Sql.number(database, "select count(*) from audit_entry where request_id = ?", requestId)).isEqualTo(1);
        long listed = Sql.number(database, "select count(*) from audit_subject s join audit_entry e on e.id = s.entry_id "
                + "where e.request_id = ?", requestId);
        assertThat(listed).as("every member decided, seen or not").isGreaterThan(2);
        assertThat(Sql.strings(database, "select s.decision from audit_subject s join audit_entry e on e.id = s.entry_id "
                + "where e.request_id = ? and s.student_id = ?", requestId, PERSON_GRETA.toString())).containsExactly("DENY");

        HttpResponse<String> extract = get("/api/v1/students/" + PERSON_GRETA + "/audit", person(OID_SARA));
        assertThat(extract.body()).contains(requestId).contains(PERSON_FILIP.toString());
    }

    @Test
    void aBurstOfListRequestsLargerThanTheConnectionPoolCompletes() throws Exception {
        int requests = 96;
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String token = person(i % 2 == 0 ? OID_ANNA : OID_FILIP);
                answers.add(clients.submit(() -> get("/api/v1/groups/" + GROUP_MA1C_A + "/members", token).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        HttpResponse<String> verified = get("/api/v1/access/audit/verify", person(OID_SARA));
        assertThat(verified.body()).contains("\"intact\":true");
    }

    /**
     * Every list and explain endpoint, asked by every kind of caller in a seeded random order with small page sizes
     * and followed through every cursor: a caller with no path to Greta (protected identity) meets nothing of hers
     * — not her id or name in items, cursors decoded as base64, counts or problem bodies — and the callers of
     * another organisation add no row to Solbacka's audit chain.
     */
    @Test
    void nothingOfAProtectedStudentReachesACallerWithoutAPathThroughAnyListOrExplanation(DataSource database)
            throws Exception {
        long seed = Long.getLong("klassrum.test.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        java.util.Map<String, String> callers = new java.util.LinkedHashMap<>();
        for (UUID oid : List.of(OID_ANNA, OID_BERTIL, OID_CECILIA, OID_DAVID, OID_SARA, OID_ELSA, OID_FILIP, OID_HUGO,
                OID_IVAR, OID_JULIA, OID_KLARA, OID_RUT, OID_TOVE, OID_GRETA)) {
            callers.put("person " + oid, person(oid));
        }
        for (String guardian : List.of("karin", "lars", "olof", "ulla", "ebba", "nils")) {
            callers.put("guardian " + guardian, guardianWithIdp(guardian));
        }
        callers.put("application without roles", TestIssuer.applicationToken(ENTRA_TENANT_SOLBACKA, "no-roles", List.of()));
        java.util.Map<String, String> foreign = new java.util.LinkedHashMap<>();
        foreign.put("Norrå's Olle", TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_OLLE));
        foreign.put("Norrå's Petra", TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_PETRA));
        foreign.put("Norrå's application", TestIssuer.applicationToken(ENTRA_TENANT_NORRA, "norra-app",
                List.of("Student.Read.All", "Group.Read.All", "AuditLog.Read.All")));
        callers.putAll(foreign);

        List<UUID> groups = List.of(GROUP_MA1C_A, GROUP_EN5_B, GROUP_FY1A_C, GROUP_KE1_D, GROUP_MA1C_A_PREVIOUS,
                GROUP_NA24A_MENTOR, GROUP_KE1_E, GROUP_FY1A_F, GROUP_MA8_A, GROUP_NORRA_MA1C);
        List<UUID> people = List.of(PERSON_ANNA, PERSON_BERTIL, PERSON_SARA, PERSON_ELSA, PERSON_FILIP, PERSON_GRETA,
                PERSON_HUGO, PERSON_KARIN, PERSON_NILS, PERSON_OLLE);
        List<String> paths = new ArrayList<>();
        for (UUID group : groups) {
            paths.add("/api/v1/groups/" + group + "/members");
            paths.add("/api/v1/groups/" + group + "/posts");
            paths.add("/api/v1/groups/" + group + "/assignments");
            paths.add("/api/v1/groups/" + group + "/posts?child=" + PERSON_GRETA);
            paths.add("/api/v1/groups/" + group + "/assignments?child=" + PERSON_GRETA);
            HttpResponse<String> assignments = get("/api/v1/groups/" + group + "/assignments?limit=100", person(OID_ANNA));
            if (assignments.statusCode() == 200) {
                Json.createReader(new StringReader(assignments.body())).readObject().getJsonArray("items")
                        .getValuesAs(jakarta.json.JsonObject.class).forEach(assignment -> paths.add("/api/v1/groups/"
                                + group + "/assignments/" + assignment.getString("id") + "/submissions"));
            }
        }
        for (UUID student : List.of(PERSON_ELSA, PERSON_FILIP, PERSON_GRETA, PERSON_HUGO, PERSON_IVAR)) {
            paths.add("/api/v1/students/" + student + "/assessments");
            paths.add("/api/v1/students/" + student + "/development-talks");
            paths.add("/api/v1/students/" + student + "/audit");
        }
        paths.add("/api/v1/schools");
        paths.add("/api/v1/me/groups");
        for (UUID asked : people) {
            for (String kind : List.of("STUDENT_PROFILE", "ASSESSMENT&syllabus=" + SYLLABUS_MATMAT01C,
                    "POST&group=" + GROUP_MA1C_A, "DEVELOPMENT_TALK&group=" + GROUP_NA24A_MENTOR)) {
                paths.add("/api/v1/access/explain?person=" + asked + "&student=" + PERSON_GRETA + "&kind=" + kind);
            }
        }

        String solbacka = TENANT_SOLBACKA.toString();
        String greta = PERSON_GRETA.toString();
        List<String> leaks = new ArrayList<>();
        int asked = 0;
        List<String> names = new ArrayList<>(callers.keySet());
        java.util.Collections.shuffle(names, random);
        for (String name : names) {
            String token = callers.get(name);
            boolean hasPath = get("/api/v1/students/" + greta, token).statusCode() == 200;
            long chainBefore = Sql.number(database, "select count(*) from audit_entry where tenant_id = ?", solbacka);
            List<String> order = new ArrayList<>(paths);
            java.util.Collections.shuffle(order, random);
            for (String path : order.subList(0, Math.min(order.size(), 60))) {
                String cursor = null;
                int pages = 0;
                do {
                    int limit = 1 + random.nextInt(3);
                    String url = path + (path.contains("?") ? "&" : "?") + "limit=" + limit
                            + (cursor == null ? "" : "&cursor=" + cursor);
                    if (path.contains("/access/explain")) {
                        url = path;
                    }
                    HttpResponse<String> answer = get(url, token);
                    asked++;
                    String seen = answer.body() + " " + answer.headers().map();
                    cursor = answer.statusCode() == 200 && answer.body().startsWith("{") ? nextCursor(answer.body()) : null;
                    if (cursor != null) {
                        seen += " " + new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
                    }
                    if (!hasPath && (seen.contains(greta) && !path.contains(greta) || seen.contains("Gran")
                            || seen.contains("Greta"))) {
                        leaks.add(name + " " + url + " -> " + answer.statusCode() + " " + answer.body());
                    }
                } while (cursor != null && ++pages < 20);
            }
            if (foreign.containsKey(name)) {
                assertThat(Sql.number(database, "select count(*) from audit_entry where tenant_id = ?", solbacka))
                        .as(name + " adds no row to Solbacka's chain (seed " + seed + ")").isEqualTo(chainBefore);
            }
        }
        assertThat(leaks).as("answers that carry Greta to callers without a path (seed " + seed + ", " + asked
                + " requests)").isEmpty();
    }

    private static String nextCursor(String body) {
        jakarta.json.JsonObject page = Json.createReader(new StringReader(body)).readObject();
        return page.containsKey("nextCursor") && !page.isNull("nextCursor") ? page.getString("nextCursor") : null;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return get(path, token, null, null);
    }

    private HttpResponse<String> get(String path, String token, String language) throws Exception {
        return get(path, token, language, null);
    }

    private HttpResponse<String> get(String path, String token, String language, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


}
