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
abstract class AccessChecks extends ServerCalls {



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

        // One request id for both: it is the only part of a problem that differs from request to request.
        String requestId = "alike-" + UUID.randomUUID();
        HttpResponse<String> existing = get("/api/v1/students/" + PERSON_ELSA, outsider, null, requestId);
        HttpResponse<String> unknown = get("/api/v1/students/" + UUID.randomUUID(), outsider, null, requestId);

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
    void theAdministratorReadsTheStudentsAuditExtract(DataSource database) throws Exception {
        String requestId = "extract-" + UUID.randomUUID();
        get("/api/v1/students/" + PERSON_FILIP, person(OID_ANNA), null, requestId);

        HttpResponse<String> extract = get("/api/v1/students/" + PERSON_FILIP + "/audit", person(OID_SARA));
        HttpResponse<String> teacher = get("/api/v1/students/" + PERSON_FILIP + "/audit", person(OID_ANNA));

        assertThat(extract.statusCode()).isEqualTo(200);
        assertThat(extract.body()).contains(PERSON_ANNA.toString()).contains("STUDENT_PROFILE")
                .contains("Anna Andersson läste Filips profil");
        // The log keeps ids and codes, never the data: names are looked up when an administrator reads it.
        assertThat(Sql.strings(database, "select concat_ws(' ', actor_id, student_id, group_id, data_kind, operation, "
                + "decision, failing_codes) from audit_entry where request_id = ?", requestId))
                .singleElement().asString().doesNotContain("Filip").doesNotContain("Anna").contains(PERSON_FILIP.toString());
        assertThat(teacher.statusCode()).isEqualTo(404);
    }

    /**
     * The log as an administrator reads it through the API: sentences with labels and a refusal's reasons in the
     * caller's language, filtered by who, what, when and outcome, a page at a time with a cursor that continues this
     * student's log only, and the same filtered log as CSV. Anyone else is answered 404; a bad filter is a problem.
     */
    @Test
    void theAdministratorFiltersPagesAndExportsTheLogReadAsSentences() throws Exception {
        String marker = "sentences-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/students/" + PERSON_FILIP, person(OID_ANNA), null, marker + "-anna-" + i).statusCode())
                    .isEqualTo(200);
        }
        assertThat(get("/api/v1/students/" + PERSON_FILIP, person(OID_CECILIA), null, marker + "-cecilia").statusCode())
                .isEqualTo(403);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString();
        String log = "/api/v1/students/" + PERSON_FILIP + "/audit";
        String annasReads = "?actor=" + PERSON_ANNA + "&kind=STUDENT_PROFILE&outcome=allowed&from=" + today + "&to=" + today;

        // Anna's allowed reads, one a page: each in Swedish, followed through the cursor.
        List<jakarta.json.JsonObject> read = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = get(log + annasReads + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    person(OID_SARA));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            jakarta.json.JsonObject body = Json.createReader(new StringReader(page.body())).readObject();
            assertThat(body.getString("studentName")).isEqualTo("Filip Falk");
            assertThat(body.getJsonArray("entries")).hasSizeLessThanOrEqualTo(1);
            body.getJsonArray("entries").getValuesAs(jakarta.json.JsonObject.class).forEach(read::add);
            cursor = nextCursor(page.body());
        } while (cursor != null && read.size() < 200);
        assertThat(read).extracting(entry -> entry.getString("sentence")).containsOnly("Anna Andersson läste Filips profil");
        assertThat(read).extracting(entry -> entry.getString("outcome")).containsOnly("tillåtet");
        assertThat(read).extracting(entry -> entry.getString("actor")).containsOnly(PERSON_ANNA.toString());
        assertThat(read).extracting(entry -> entry.getString("requestId"))
                .contains(marker + "-anna-0", marker + "-anna-1", marker + "-anna-2").doesNotContain(marker + "-cecilia");
        assertThat(read).extracting(entry -> entry.getJsonNumber("seq").longValue()).isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .doesNotHaveDuplicates();

        // Cecilia's refusal, in English, with its reasons worded as the explanations word them.
        HttpResponse<String> denied = get(log + "?actor=" + PERSON_CECILIA + "&outcome=denied&from=" + today, person(OID_SARA), "en");
        jakarta.json.JsonObject refusal = Json.createReader(new StringReader(denied.body())).readObject()
                .getJsonArray("entries").getJsonObject(0);
        assertThat(refusal.getString("sentence")).isEqualTo("Cecilia Carlsson tried to read Filip's profile");
        assertThat(refusal.getString("outcome")).isEqualTo("denied");
        assertThat(refusal.getString("requestId")).isEqualTo(marker + "-cecilia");
        assertThat(refusal.getJsonArray("reasons").getValuesAs(jakarta.json.JsonString.class))
                .isNotEmpty()
                .extracting(jakarta.json.JsonString::getString)
                .allSatisfy(reason -> assertThat(reason).startsWith("The ").doesNotContainPattern("[A-Z]{2,}_[A-Z]"));

        // A cursor continues the student it was handed out for, never another.
        String filipsCursor = nextCursor(get(log + annasReads + "&limit=1", person(OID_SARA)).body());
        HttpResponse<String> elsasWithFilipsCursor = get("/api/v1/students/" + PERSON_ELSA + "/audit?limit=1&cursor=" + filipsCursor,
                person(OID_SARA));
        assertThat(elsasWithFilipsCursor.statusCode()).isEqualTo(400);
        assertThat(elsasWithFilipsCursor.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(elsasWithFilipsCursor.body()).contains("\"field\":\"cursor\"");

        // A filter that cannot be read is a problem naming it; nobody but the school's administrators reads the log.
        HttpResponse<String> badKind = get(log + "?kind=GRADES", person(OID_SARA));
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(badKind.body()).contains("\"field\":\"kind\"");
        HttpResponse<String> badDays = get(log + "?from=" + today + "&to=2001-01-01", person(OID_SARA));
        assertThat(badDays.statusCode()).isEqualTo(400);
        assertThat(badDays.body()).contains("\"field\":\"to\"");
        assertThat(get(log + annasReads, person(OID_ANNA)).statusCode()).isEqualTo(404);
        assertThat(get(log + ".csv" + annasReads, person(OID_ANNA)).statusCode()).isEqualTo(404);

        // The same filtered log as CSV: a byte order mark, quoted fields, one row per entry after the header.
        HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(uri(log + ".csv" + annasReads))
                .header("Authorization", "Bearer " + person(OID_SARA)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("attachment").contains(PERSON_FILIP + ".csv"));
        assertThat(java.util.Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.parse(new StringReader(
                new String(csv.body(), StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(rows.get(0).values()).startsWith("Tidpunkt", "Händelse", "Vem");
        assertThat(rows.subList(1, rows.size())).hasSize(read.size())
                .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("Anna Andersson läste Filips profil"));
    }

    /**
     * An administrator names a student by name at their own schools. A student with a protected identity is found
     * only by an administrator with a path to the student (here Bertil, Greta's mentor, made an administrator for
     * the test), never by one without (Sara at Greta's school; Petra, made an administrator of another school).
     */
    @Test
    void anAdministratorFindsStudentsByNameAtTheirSchoolsAndAProtectedOneOnlyWithAPath(DataSource database) throws Exception {
        UUID bertilAdmin = UUID.randomUUID();
        UUID petraAdmin = UUID.randomUUID();
        java.time.LocalDate since = java.time.LocalDate.now().minusDays(10);
        Sql.update(database, "insert into school_role (id, tenant_id, person_id, school_id, role, valid_from) "
                + "values (?, ?, ?, ?, 'SCHOOL_ADMIN', ?)", bertilAdmin, TENANT_SOLBACKA, PERSON_BERTIL, SCHOOL_SOLBACKA_GYMNASIUM, since);
        Sql.update(database, "insert into school_role (id, tenant_id, person_id, school_id, role, valid_from) "
                + "values (?, ?, ?, ?, 'SCHOOL_ADMIN', ?)", petraAdmin, TENANT_SOLBACKA, PERSON_PETRA, SCHOOL_SOLBACKASKOLAN, since);
        try {
            HttpResponse<String> elsa = get("/api/v1/students?name=elsa%20ek", person(OID_SARA));
            assertThat(elsa.statusCode()).as(elsa.body()).isEqualTo(200);
            assertThat(elsa.body()).contains(PERSON_ELSA.toString()).contains("Elsa Ek").contains("Solbacka gymnasium");

            // Greta Gran has a protected identity.
            HttpResponse<String> bySara = get("/api/v1/students?name=Gran", person(OID_SARA));
            HttpResponse<String> byPetra = get("/api/v1/students?name=Gran", person(OID_PETRA));
            HttpResponse<String> byBertil = get("/api/v1/students?name=Gran", person(OID_BERTIL));
            assertThat(bySara.statusCode()).isEqualTo(200);
            assertThat(bySara.body()).isEqualTo("{\"items\":[]}");
            assertThat(byPetra.body()).isEqualTo("{\"items\":[]}");
            assertThat(byBertil.statusCode()).isEqualTo(200);
            assertThat(byBertil.body()).contains(PERSON_GRETA.toString()).contains("Greta Gran");
            assertThat(get("/api/v1/students?name=gr", person(OID_SARA)).body()).doesNotContain(PERSON_GRETA.toString())
                    .doesNotContain("Greta");

            // Each administrator finds the students of their own schools only.
            assertThat(get("/api/v1/students?name=Rut", person(OID_PETRA)).body()).contains(PERSON_RUT.toString());
            assertThat(get("/api/v1/students?name=Rut", person(OID_SARA)).body()).doesNotContain(PERSON_RUT.toString());
            assertThat(get("/api/v1/students?name=Tove", person(OID_SARA)).body()).doesNotContain(PERSON_TOVE.toString());

            // Nobody else searches; a search needs two characters.
            HttpResponse<String> teacher = get("/api/v1/students?name=Elsa", person(OID_ANNA));
            assertThat(teacher.statusCode()).isEqualTo(403);
            assertThat(teacher.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(get("/api/v1/students?name=Elsa", TestIssuer.applicationToken(ENTRA_TENANT_SOLBACKA, "auditor",
                    List.of("AuditLog.Read.All"))).statusCode()).isEqualTo(403);
            HttpResponse<String> tooShort = get("/api/v1/students?name=E", person(OID_SARA));
            assertThat(tooShort.statusCode()).isEqualTo(400);
            assertThat(tooShort.body()).contains("\"field\":\"name\"");
        } finally {
            Sql.update(database, "delete from school_role where id in (?, ?)", bertilAdmin, petraAdmin);
        }
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
    void theAuditLogsSignedListOfChainsFindsAChainRemovedWholeOrTheListTakenAway(DataSource database) throws Exception {
        get("/api/v1/students/" + PERSON_ELSA, person(OID_ANNA));
        String tenant = TENANT_SOLBACKA.toString();
        assertThat(Sql.strings(database, "select count(*) from audit_chain_set where tenant_id = ?", tenant)).containsExactly("1");

        // A second node's chain removed whole, head and entries: the list still names it.
        Sql.update(database, "update audit_chain_set set chains = array_append(chains, 'web-2-8080') where tenant_id = ?", tenant);
        try {
            HttpResponse<String> removed = get("/api/v1/access/audit/verify", person(OID_SARA));

            assertThat(removed.body()).contains("\"intact\":false").contains("\"chain\":\"web-2-8080\"")
                    .contains("has no head");
        } finally {
            Sql.update(database, "update audit_chain_set set chains = array_remove(chains, 'web-2-8080') where tenant_id = ?",
                    tenant);
        }
        // The list taken away with it.
        Sql.update(database, "update audit_chain_set set tenant_id = tenant_id || '-away' where tenant_id = ?", tenant);
        try {
            HttpResponse<String> noList = get("/api/v1/access/audit/verify", person(OID_SARA));

            assertThat(noList.body()).contains("\"intact\":false").contains("list of the organisation's audit chains is missing");
        } finally {
            Sql.update(database, "update audit_chain_set set tenant_id = ? where tenant_id = ?", tenant, tenant + "-away");
        }
        assertThat(get("/api/v1/access/audit/verify", person(OID_SARA)).body()).contains("\"intact\":true");
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
        // A character in the middle: the last one of unpadded base64 may carry only bits that decoding drops.
        int middle = teachersCursor.length() / 2;
        char changed = teachersCursor.charAt(middle) == 'A' ? 'B' : 'A';
        String altered = teachersCursor.substring(0, middle) + changed + teachersCursor.substring(middle + 1);
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

        String requestId = "alike-" + UUID.randomUUID();
        HttpResponse<String> foreign = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=1", olle, null, requestId);
        HttpResponse<String> unknown = get("/api/v1/groups/" + UUID.randomUUID() + "/members?limit=1", olle, null,
                requestId);
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
        String requestId = "alike-" + UUID.randomUUID();
        HttpResponse<String> protectedStudent = get("/api/v1/access/explain?person=" + PERSON_ELSA + "&student="
                + PERSON_GRETA + "&kind=STUDENT_PROFILE", person(OID_ELSA), "en", requestId);
        HttpResponse<String> unknownStudent = get("/api/v1/access/explain?person=" + PERSON_ELSA + "&student="
                + UUID.randomUUID() + "&kind=STUDENT_PROFILE", person(OID_ELSA), "en", requestId);
        HttpResponse<String> data = get("/api/v1/students/" + PERSON_GRETA, person(OID_ELSA), "en", requestId);

        assertThat(data.statusCode()).isEqualTo(404);
        assertThat(protectedStudent.statusCode()).isEqualTo(404);
        assertThat(protectedStudent.body()).isEqualTo(unknownStudent.body()).isEqualTo(data.body())
                .doesNotContain("Na24A").doesNotContain("Solbacka");
    }

    /**
     * Nor is a protected student the person whose access an administrator without a path asks explained: Sara asking
     * how Greta may see Filip is answered as for an id that does not exist, and learns neither her roles nor her groups.
     */
    @Test
    void aProtectedStudentExplainedAsThePersonWithoutAPathIsAnsweredLikeAnUnknownId() throws Exception {
        String requestId = "alike-" + UUID.randomUUID();
        String question = "&student=" + PERSON_FILIP + "&kind=POST&group=" + GROUP_MA1C_A;
        HttpResponse<String> greta = get("/api/v1/access/explain?person=" + PERSON_GRETA + question, person(OID_SARA), "en",
                requestId);
        HttpResponse<String> noOne = get("/api/v1/access/explain?person=" + UUID.randomUUID() + question, person(OID_SARA),
                "en", requestId);
        HttpResponse<String> filip = get("/api/v1/access/explain?person=" + PERSON_FILIP + question, person(OID_SARA), "en",
                requestId);

        assertThat(filip.statusCode()).as("a classmate without a protected identity is explained").isEqualTo(200);
        assertThat(greta.statusCode()).as(greta.body()).isEqualTo(404);
        assertThat(greta.body()).isEqualTo(noOne.body()).doesNotContain("Ma1c-A").doesNotContain("Solbacka");
    }

    /**
     * The log of an administrator's schools, across their students: what Anna read about Elsa is there as a
     * sentence naming Elsa; Filip's member list is one entry naming the members Sara administers; what Petra read
     * about Rut, who studies at another school, is not there at all, and neither is protected Greta, to whom Sara has
     * no path: no entry, name, id or cursor of theirs. A teacher may not read it; a forged cursor is a problem.
     */
    @Test
    void theLogOfTheAdministratorsSchoolsNamesOnlyTheirStudents() throws Exception {
        String marker = "org-log-" + UUID.randomUUID();
        assertThat(get("/api/v1/students/" + PERSON_ELSA, person(OID_ANNA), null, marker + "-anna").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/students/" + PERSON_RUT, person(OID_PETRA), null, marker + "-petra").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/groups/" + GROUP_MA8_A + "/members", person(OID_PETRA), null, marker + "-petra-list")
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=100", person(OID_FILIP), null, marker + "-list")
                .statusCode()).isEqualTo(200);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString();

        List<jakarta.json.JsonObject> entries = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = get("/api/v1/access/audit?limit=200&from=" + today
                    + (cursor == null ? "" : "&cursor=" + cursor), person(OID_SARA));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            bodies.add(page.body());
            Json.createReader(new StringReader(page.body())).readObject().getJsonArray("entries")
                    .getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(entry -> entry.getString("requestId").startsWith(marker)).forEach(entries::add);
            cursor = nextCursor(page.body());
        } while (cursor != null && bodies.size() < 2_000);

        assertThat(entries).filteredOn(entry -> entry.getString("requestId").equals(marker + "-anna")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.getString("sentence")).isEqualTo("Anna Andersson läste Elsa Eks profil");
                    assertThat(entry.getJsonArray("students").getJsonObject(0).getString("id")).isEqualTo(PERSON_ELSA.toString());
                    assertThat(entry.getJsonArray("students").getJsonObject(0).getString("name")).isEqualTo("Elsa Ek");
                });
        List<String> listed = entries.stream().filter(entry -> entry.getString("requestId").equals(marker + "-list"))
                .flatMap(entry -> entry.getJsonArray("students").getValuesAs(jakarta.json.JsonObject.class).stream())
                .map(student -> student.getString("id")).toList();
        assertThat(listed).contains(PERSON_ELSA.toString(), PERSON_FILIP.toString(), PERSON_HUGO.toString())
                .doesNotContain(PERSON_GRETA.toString());
        assertThat(entries).extracting(entry -> entry.getString("requestId"))
                .doesNotContain(marker + "-petra", marker + "-petra-list");
        // Rut may be named as someone who asked; never as a student an entry is about. Greta, protected, never at all.
        assertThat(bodies).allSatisfy(body -> assertThat(Json.createReader(new StringReader(body)).readObject()
                .getJsonArray("entries").getValuesAs(jakarta.json.JsonObject.class).stream()
                .flatMap(entry -> entry.getJsonArray("students").getValuesAs(jakarta.json.JsonObject.class).stream())
                .map(student -> student.getString("id"))).doesNotContain(PERSON_RUT.toString()));
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(PERSON_GRETA.toString()).doesNotContain("Greta"));

        // Filtered by who: only Anna's entries.
        HttpResponse<String> annas = get("/api/v1/access/audit?actor=" + PERSON_ANNA + "&from=" + today, person(OID_SARA), "en");
        List<jakarta.json.JsonObject> annasEntries = Json.createReader(new StringReader(annas.body())).readObject()
                .getJsonArray("entries").getValuesAs(jakarta.json.JsonObject.class);
        assertThat(annasEntries).isNotEmpty().extracting(entry -> entry.getString("actor")).containsOnly(PERSON_ANNA.toString());
        assertThat(annasEntries).extracting(entry -> entry.getString("sentence")).contains("Anna Andersson read Elsa Ek's profile");

        // The export: the same entries as CSV, with the students each concerns.
        HttpResponse<String> csv = get("/api/v1/access/audit.csv?actor=" + PERSON_ANNA + "&from=" + today, person(OID_SARA));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"logg-skolor.csv\"");
        assertThat(csv.body()).startsWith("\uFEFF\"Tidpunkt\"").contains("\"Anna Andersson läste Elsa Eks profil\"",
                "\"Elsa Ek\"", PERSON_ELSA.toString()).doesNotContain(PERSON_RUT.toString()).doesNotContain("Greta");

        assertThat(get("/api/v1/access/audit", person(OID_ANNA)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/access/audit.csv", person(OID_ANNA)).statusCode()).isEqualTo(403);
        HttpResponse<String> forged = get("/api/v1/access/audit?cursor=" + Base64.getUrlEncoder().encodeToString(
                ("organisation|x|" + Long.MAX_VALUE).getBytes(StandardCharsets.UTF_8)), person(OID_SARA));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("\"field\":\"cursor\"");
    }

    /** An administrator found Elsa by name and names her guardians' links and logins from there; nobody else does. */
    @Test
    void theAdministratorReadsAStudentsGuardiansWithTheirLinksAndLogins() throws Exception {
        HttpResponse<String> elsas = get("/api/v1/students/" + PERSON_ELSA + "/guardians", person(OID_SARA));
        assertThat(elsas.statusCode()).as(elsas.body()).isEqualTo(200);
        List<jakarta.json.JsonObject> guardians = Json.createReader(new StringReader(elsas.body())).readObject()
                .getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class);
        assertThat(guardians).extracting(guardian -> guardian.getString("name")).containsExactly("Ebba Ek", "Karin Ek");
        jakarta.json.JsonObject ebba = guardians.get(0);
        assertThat(ebba.getString("link")).isEqualTo(GUARDIAN_LINK_EBBA_ELSA.toString());
        assertThat(ebba.getString("relation")).isEqualTo("VARDNADSHAVARE");
        assertThat(ebba.getJsonArray("logins").getJsonObject(0).getString("id")).isEqualTo(GUARDIAN_LOGIN_EBBA.toString());
        assertThat(ebba.getJsonArray("logins").getJsonObject(0).getBoolean("enabled")).isFalse();

        HttpResponse<String> gretas = get("/api/v1/students/" + PERSON_GRETA + "/guardians", person(OID_SARA));
        HttpResponse<String> unknown = get("/api/v1/students/" + UUID.randomUUID() + "/guardians", person(OID_SARA));
        assertThat(gretas.statusCode()).isEqualTo(404);
        assertThat(gretas.body().replaceAll("\"requestId\":\"[^\"]*\"", ""))
                .isEqualTo(unknown.body().replaceAll("\"requestId\":\"[^\"]*\"", "")).doesNotContain("Nils");
        assertThat(get("/api/v1/students/" + PERSON_RUT + "/guardians", person(OID_SARA)).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/students/" + PERSON_ELSA + "/guardians", person(OID_ANNA)).statusCode()).isEqualTo(403);
    }

    @Test
    void aMemberListIsDecidedAsOneAuditedEntryThatTheStudentsExtractShows(DataSource database) throws Exception {
        String requestId = "list-" + UUID.randomUUID();
        HttpResponse<String> members = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=100", person(OID_FILIP), null,
                requestId);
        assertThat(members.statusCode()).isEqualTo(200);

        assertThat(Sql.number(database, "select count(*) from audit_entry where request_id = ?", requestId)).isEqualTo(1);
        long listed = Sql.number(database, "select cardinality(audit_subject_students(subjects)) from audit_entry "
                + "where request_id = ?", requestId);
        assertThat(listed).as("every member decided, seen or not").isGreaterThan(2);
        assertThat(Sql.strings(database, "select split_part(s, chr(30), 3) from audit_entry e, "
                + "unnest(string_to_array(e.subjects, chr(29))) s where e.request_id = ? and split_part(s, chr(30), 1) = ?",
                requestId, PERSON_GRETA.toString())).containsExactly("DENY");

        // A classmate Filip was refused finds the list in her own log, as the one who asked.
        HttpResponse<String> extract = get("/api/v1/students/" + PERSON_ELSA + "/audit", person(OID_SARA));
        assertThat(extract.body()).contains(requestId).contains(PERSON_FILIP.toString());
    }

    /**
     * A student with a protected identity is named to no one without a path, their school's administrator included: her
     * audit log, its export and its list of askers answer as for an id that does not exist, and the administrator's
     * question is itself recorded in her log.
     */
    @Test
    void aProtectedStudentsAuditLogIsUnknownToAnAdministratorWithoutAPath(DataSource database) throws Exception {
        String requestId = "protected-log-" + UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("/audit", "/audit.csv", "/audit?limit=1&outcome=denied")) {
            HttpResponse<String> greta = get("/api/v1/students/" + PERSON_GRETA + path, person(OID_SARA), null, requestId);
            HttpResponse<String> noOne = get("/api/v1/students/" + unknown + path, person(OID_SARA));
            assertThat(greta.statusCode()).as(path + ": " + greta.body()).isEqualTo(404).isEqualTo(noOne.statusCode());
            assertThat(greta.body().replaceAll("\"requestId\":\"[^\"]*\"", "")).isEqualTo(noOne.body().replaceAll("\"requestId\":\"[^\"]*\"", "")).doesNotContain("Greta");
        }
        assertThat(Sql.strings(database, "select decision from audit_entry where request_id = ? and student_id = ?",
                requestId, PERSON_GRETA.toString())).as("the administrator's question about her, refused").contains("DENY");
        assertThat(get("/api/v1/students/" + PERSON_FILIP + "/audit", person(OID_SARA)).statusCode()).isEqualTo(200);
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
            paths.add("/api/v1/students/" + student + "/audit.csv");
            paths.add("/api/v1/students/" + student + "/work");
            paths.add("/api/v1/students/" + student + "/extract");
        }
        for (UUID group : groups) {
            paths.add("/api/v1/groups/" + group + "/assessment-grid");
        }
        paths.add("/api/v1/schools");
        paths.add("/api/v1/me/groups");
        paths.add("/api/v1/me/to-review");
        for (String name : List.of("Gr", "greta", "GRAN", "greta gran")) {
            paths.add("/api/v1/students?name=" + name.replace(" ", "%20"));
        }
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

    /**
     * The same guarantee as above on rosters drawn from a seed ({@code -Dklassrum.test.seed=...}; the seed is in
     * every failure): two or three organisations of a few schools each, with protected students, loaded through the
     * import API as School Data Sync v2.1 files (see {@link SeededRoster}). Every list and explain endpoint is asked by
     * every caller — teachers, classmates, guardians and applications of every organisation, and two people of the
     * demo organisations — with small page sizes and every cursor followed. No answer to a caller without a path to
     * a protected student (a 200 on the student's profile) carries the student's id or name: not in items, counts,
     * problem bodies or headers, nor in a cursor decoded as URL, base64 (either alphabet) or hex, whole or in parts.
     * And no caller adds a row to the audit chain of another organisation than their own.
     */
    @Test
    void nothingOfAProtectedStudentOfSeededRostersReachesACallerWithoutAPath(DataSource database) throws Exception {
        long seed = Long.getLong("klassrum.test.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
        java.util.Set<String> words = new java.util.HashSet<>();
        List<SeededRoster> rosters = new ArrayList<>();
        int organisations = 2 + random.nextInt(2);
        for (int i = 0; i < organisations; i++) {
            rosters.add(SeededRoster.generate(random, i, words, today));
        }
        long started = System.nanoTime();
        try {
            List<Caller> callers = new ArrayList<>();
            List<Secret> secrets = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            java.util.Map<SeededRoster, List<String>> ownPaths = new java.util.HashMap<>();
            for (SeededRoster roster : rosters) {
                Loaded loaded = load(roster, database, today, random, seed);
                callers.addAll(loaded.callers());
                secrets.addAll(loaded.secrets());
                ownPaths.put(roster, loaded.paths());
                paths.addAll(loaded.paths());
            }
            callers.add(new Caller("Solbacka's Anna", person(OID_ANNA), TENANT_SOLBACKA, PERSON_ANNA));
            callers.add(new Caller("Norrå's Olle", TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_OLLE), TENANT_NORRA,
                    PERSON_OLLE));
            paths.add("/api/v1/schools");
            paths.add("/api/v1/me/groups");
            paths.add("/api/v1/guardian/children");

            List<String> chains = new ArrayList<>();
            rosters.forEach(roster -> chains.add(roster.tenantId.toString()));
            chains.add(TENANT_SOLBACKA.toString());
            chains.add(TENANT_NORRA.toString());
            List<String> leaks = new ArrayList<>();
            int asked = 0;
            int checked = 0;
            java.util.Collections.shuffle(callers, random);
            for (Caller caller : callers) {
                java.util.Map<String, Long> before = new java.util.HashMap<>();
                for (String chain : chains) {
                    before.put(chain, Sql.number(database, "select count(*) from audit_entry where tenant_id = ?", chain));
                }
                List<Secret> hidden = new ArrayList<>();
                for (Secret secret : secrets) {
                    if (get("/api/v1/students/" + secret.id(), caller.token()).statusCode() != 200) {
                        hidden.add(secret);
                    }
                }
                List<String> order = new ArrayList<>();
                SeededRoster own = rosters.stream().filter(roster -> roster.tenantId.equals(caller.tenant())).findFirst()
                        .orElse(null);
                if (own != null) {
                    List<String> mine = new ArrayList<>(ownPaths.get(own));
                    java.util.Collections.shuffle(mine, random);
                    order.addAll(mine.subList(0, Math.min(mine.size(), 10)));
                }
                List<String> any = new ArrayList<>(paths);
                java.util.Collections.shuffle(any, random);
                order.addAll(any.subList(0, Math.min(any.size(), 4)));
                if (caller.personId() != null) {
                    for (Secret secret : secrets) {
                        if (random.nextInt(3) == 0) {
                            order.add("/api/v1/access/explain?person=" + caller.personId() + "&student=" + secret.id()
                                    + "&kind=STUDENT_PROFILE");
                        }
                    }
                }
                for (String path : order) {
                    String endpoint = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
                    boolean paged = endpoint.startsWith("/api/v1/groups/") || endpoint.endsWith("/assessments")
                            || endpoint.endsWith("/development-talks") || endpoint.endsWith("/audit")
                            || endpoint.endsWith("/schools") || endpoint.endsWith("/me/groups");
                    String cursor = null;
                    int pages = 0;
                    do {
                        String url = !paged ? path : path + (path.contains("?") ? "&" : "?") + "limit="
                                + (1 + random.nextInt(3)) + (cursor == null ? "" : "&cursor=" + cursor);
                        HttpResponse<String> answer = get(url, caller.token());
                        asked++;
                        List<String> seen = new ArrayList<>(List.of(answer.body(), answer.headers().map().toString()));
                        cursor = answer.statusCode() == 200 && answer.body().startsWith("{") ? nextCursor(answer.body())
                                : null;
                        if (cursor != null) {
                            seen.addAll(decodings(cursor));
                        }
                        for (Secret secret : hidden) {
                            checked++;
                            String found = secret.foundIn(seen, url);
                            if (found != null) {
                                leaks.add(caller.name() + " " + url + " -> " + answer.statusCode() + ": " + found + " of "
                                        + secret.name() + " in " + answer.body());
                            }
                        }
                    } while (cursor != null && ++pages < 20);
                }
                for (String chain : chains) {
                    if (!chain.equals(caller.tenant().toString())) {
                        assertThat(Sql.number(database, "select count(*) from audit_entry where tenant_id = ?", chain))
                                .as(caller.name() + " adds no row to the chain of " + chain + " (seed " + seed + ")")
                                .isEqualTo(before.get(chain));
                    }
                }
            }
            assertThat(leaks).as("answers that carry a protected student to a caller without a path (seed " + seed
                    + ", " + asked + " requests, " + checked + " checks)").isEmpty();
            System.out.printf("seeded rosters: %d organisations, %d callers, %d protected students, %d requests, "
                    + "%d checks, seed %d, %d ms%n", rosters.size(), callers.size(), secrets.size(), asked, checked, seed,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception failed) {
            throw new AssertionError("seeded rosters failed (rerun with -Dklassrum.test.seed=" + seed + ")", failed);
        } finally {
            for (SeededRoster roster : rosters) {
                Sql.forgetOrganisation(database, roster.tenantId);
            }
        }
    }

    /** A caller: who, the token, the organisation whose chain their requests belong to, and their person (if any). */
    private record Caller(String name, String token, UUID tenant, UUID personId) {
    }

    /** A protected student: what no answer to a caller without a path may carry. */
    private record Secret(String name, UUID id, String givenName, String familyName) {

        /** @return what of the student is in {@code seen}, or null */
        String foundIn(List<String> seen, String url) {
            String hex = id.toString().replace("-", "");
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits());
            String raw = new String(bytes.array(), StandardCharsets.ISO_8859_1);
            boolean asked = url.contains(id.toString());
            for (String text : seen) {
                if (!asked && (text.contains(id.toString()) || text.toLowerCase(java.util.Locale.ROOT).contains(hex)
                        || text.contains(raw))) {
                    return "the id";
                }
                if (text.contains(givenName) || text.contains(familyName)) {
                    return "the name";
                }
            }
            return null;
        }
    }

    /** What the callers may ask of one loaded roster. */
    private record Loaded(List<Caller> callers, List<Secret> secrets, List<String> paths) {
    }

    /**
     * Creates the organisation, imports its files through {@code POST /api/v1/imports} as its register's integration,
     * gives it what the files do not carry, and writes some teaching content through the API: a post and a published
     * assignment in every group, and every member's submission.
     */
    private Loaded load(SeededRoster roster, DataSource database, java.time.LocalDate today, java.util.Random random,
                        long seed) throws Exception {
        Sql.update(database, "insert into tenant (id, entra_tenant_id, name) values (?, ?, ?)", roster.tenantId,
                roster.entraTenantId, roster.name);
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("klassrum-" + roster.tag);
        List<String> files = roster.writeSds(folder, today);
        String integration = TestIssuer.applicationToken(roster.entraTenantId, roster.tag + "-register",
                List.of("RosterImport.ReadWrite.All"));
        HttpResponse<String> run = upload(integration, folder, files);
        assertThat(run.statusCode()).as("the import of " + roster.tag + " (seed " + seed + "): " + run.body())
                .isEqualTo(201);

        java.util.Map<SeededRoster.Person, UUID> ids = new java.util.HashMap<>();
        java.util.Map<SeededRoster.Person, String> tokens = new java.util.HashMap<>();
        for (SeededRoster.Person someone : roster.people()) {
            UUID id = UUID.fromString(Sql.strings(database, "select id from person where tenant_id = ? and external_id = ?",
                    roster.tenantId, someone.externalId()).getFirst());
            ids.put(someone, id);
            if (someone.kind() == SeededRoster.Kind.GUARDIAN) {
                String subject = roster.tag + "-idp-" + someone.externalId();
                Sql.update(database, "insert into guardian_login (id, tenant_id, guardian_id, method, subject, enabled) "
                        + "values (?, ?, ?, 'IDP', ?, true)", UUID.randomUUID(), roster.tenantId, id, subject);
                tokens.put(someone, TestIssuer.subjectToken(roster.entraTenantId, subject));
            } else {
                UUID objectId = UUID.randomUUID();
                Sql.update(database, "update person set entra_object_id = ? where id = ?", objectId, id);
                Sql.update(database, "insert into licence (id, person_id, kind, valid_from) values (?, ?, ?, ?)",
                        UUID.randomUUID(), id, someone.kind().name(), today.minusDays(100));
                tokens.put(someone, TestIssuer.personToken(roster.entraTenantId, objectId));
            }
        }
        for (SeededRoster.Person student : roster.protectedStudents) {
            Sql.update(database, "update person set security_marking = ? where id = ?",
                    random.nextBoolean() ? "SKYDDAD_FOLKBOKFORING" : "SEKRETESSMARKERING", ids.get(student));
        }
        Sql.update(database, "update study_group set connected = true where tenant_id = ?", roster.tenantId);
        UUID firstSchool = UUID.fromString(Sql.strings(database, "select id from school where tenant_id = ? and external_id = ?",
                roster.tenantId, roster.schools.getFirst().externalId()).getFirst());
        Sql.update(database, "insert into school_role (id, tenant_id, person_id, school_id, role, valid_from) "
                + "values (?, ?, ?, ?, 'SCHOOL_ADMIN', ?)", UUID.randomUUID(), roster.tenantId,
                ids.get(roster.administrator), firstSchool, today.minusDays(100));

        java.util.Map<SeededRoster.Group, UUID> groupIds = new java.util.HashMap<>();
        List<String> paths = new ArrayList<>();
        for (SeededRoster.Group group : roster.groups) {
            UUID groupId = UUID.fromString(Sql.strings(database,
                    "select id from study_group where tenant_id = ? and external_id = ?", roster.tenantId,
                    group.externalId()).getFirst());
            groupIds.put(group, groupId);
            String teacher = tokens.get(group.teacher());
            String base = "/api/v1/groups/" + groupId;
            HttpResponse<String> post = send("POST", base + "/posts", teacher, "{\"body\":\"Välkomna\"}");
            assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
            HttpResponse<String> assignment = send("POST", base + "/assignments", teacher,
                    "{\"title\":\"Uppgift\",\"instructions\":\"Skriv\",\"dueAt\":\"" + today.plusDays(7)
                            + "T16:00:00Z\",\"publish\":true}");
            assertThat(assignment.statusCode()).as(assignment.body()).isEqualTo(201);
            String assignmentId = Json.createReader(new StringReader(assignment.body())).readObject().getString("id");
            for (SeededRoster.Person student : group.students()) {
                HttpResponse<String> submission = send("PUT", base + "/assignments/" + assignmentId + "/submissions/"
                        + ids.get(student), tokens.get(student), "{\"content\":\"Klar\"}");
                assertThat(submission.statusCode()).as(submission.body()).isEqualTo(200);
            }
            paths.add(base + "/members");
            paths.add(base + "/posts");
            paths.add(base + "/assignments");
            paths.add(base + "/assignments/" + assignmentId + "/submissions");
        }

        List<Secret> secrets = new ArrayList<>();
        for (SeededRoster.Person student : roster.protectedStudents) {
            UUID id = ids.get(student);
            secrets.add(new Secret(roster.tag + " " + student.externalId(), id, student.givenName(), student.familyName()));
            List<SeededRoster.Group> theirs = roster.groupsOf(student);
            UUID group = groupIds.get(theirs.get(random.nextInt(theirs.size())));
            for (SeededRoster.Group any : roster.groups) {
                paths.add("/api/v1/groups/" + groupIds.get(any) + "/posts?child=" + id);
                paths.add("/api/v1/groups/" + groupIds.get(any) + "/assignments?child=" + id);
            }
            List<UUID> askedAbout = new ArrayList<>(List.of(ids.get(roster.administrator), ids.get(theirs.getFirst().teacher()),
                    ids.get(roster.guardiansOf.get(student).getFirst())));
            theirs.getFirst().students().stream().filter(classmate -> !classmate.equals(student)).findFirst()
                    .ifPresent(classmate -> askedAbout.add(ids.get(classmate)));
            askedAbout.add(ids.get(roster.teachers.get(random.nextInt(roster.teachers.size()))));
            for (UUID person : askedAbout) {
                for (String kind : List.of("STUDENT_PROFILE", "POST&group=" + group, "ASSIGNMENT&group=" + group,
                        "DEVELOPMENT_TALK&group=" + group, "ASSESSMENT&syllabus=" + UUID.randomUUID())) {
                    paths.add("/api/v1/access/explain?person=" + person + "&student=" + id + "&kind=" + kind);
                }
            }
        }
        for (SeededRoster.Person student : roster.students) {
            UUID id = ids.get(student);
            paths.add("/api/v1/students/" + id);
            paths.add("/api/v1/students/" + id + "/assessments");
            paths.add("/api/v1/students/" + id + "/development-talks");
            paths.add("/api/v1/students/" + id + "/audit");
        }
        for (SeededRoster.Person student : roster.protectedStudents) {
            paths.add("/api/v1/students?name=" + java.net.URLEncoder.encode(student.givenName(), StandardCharsets.UTF_8));
            paths.add("/api/v1/students?name=" + java.net.URLEncoder.encode(student.familyName(), StandardCharsets.UTF_8));
        }

        List<Caller> callers = new ArrayList<>();
        for (SeededRoster.Person someone : roster.people()) {
            callers.add(new Caller(roster.tag + " " + someone.externalId(), tokens.get(someone), roster.tenantId,
                    ids.get(someone)));
        }
        callers.add(new Caller(roster.tag + " application without permissions", TestIssuer.applicationToken(
                roster.entraTenantId, roster.tag + "-none", List.of()), roster.tenantId, null));
        callers.add(new Caller(roster.tag + " reading application", TestIssuer.applicationToken(roster.entraTenantId,
                roster.tag + "-reader", List.of("Student.Read.All", "Group.Read.All", "AuditLog.Read.All")),
                roster.tenantId, null));

        // The roster is as drawn: a protected student's teacher and guardian see them, a student of another school does not.
        SeededRoster.Person first = roster.protectedStudents.iterator().next();
        String firstId = ids.get(first).toString();
        assertThat(get("/api/v1/students/" + firstId, tokens.get(roster.groupsOf(first).getFirst().teacher())).statusCode())
                .as("the teacher of " + first + " (seed " + seed + ")").isEqualTo(200);
        assertThat(get("/api/v1/students/" + firstId, tokens.get(roster.guardiansOf.get(first).getFirst())).statusCode())
                .as("the guardian of " + first + " (seed " + seed + ")").isEqualTo(200);
        return new Loaded(callers, secrets, paths);
    }

    /** A cursor as it might be read: URL-decoded, base64 (URL and standard alphabet) and hex, whole and in parts. */
    private static List<String> decodings(String cursor) {
        List<String> texts = new ArrayList<>(List.of(cursor));
        String decoded = java.net.URLDecoder.decode(cursor, StandardCharsets.UTF_8);
        texts.add(decoded);
        List<String> parts = new ArrayList<>(List.of(decoded));
        parts.addAll(List.of(decoded.split("[.:~,]")));
        for (String part : parts) {
            for (java.util.Base64.Decoder decoder : List.of(Base64.getUrlDecoder(), Base64.getDecoder())) {
                try {
                    byte[] bytes = decoder.decode(part.replace("=", ""));
                    texts.add(new String(bytes, StandardCharsets.ISO_8859_1));
                    texts.add(java.util.HexFormat.of().formatHex(bytes));
                } catch (IllegalArgumentException notThisAlphabet) {
                    // not base64 of this alphabet
                }
            }
        }
        return texts;
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String token, java.nio.file.Path folder, List<String> files) throws Exception {
        String boundary = "klassrum-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(java.nio.file.Files.readAllBytes(folder.resolve(file)));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri("/api/v1/imports")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
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
