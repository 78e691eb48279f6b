package se.klassrum.web;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * Teaching content through the integration API, as the demo personas meet it: for every endpoint an
 * allowed caller and a denied one, and the denial names the missing prerequisite.
 */
abstract class TeachingChecks extends ServerCalls {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");



    private final HttpClient http = HttpClient.newHttpClient();

    private static String as(UUID objectId) {
        return TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    private static String guardian(String key) {
        return TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, idpSubject(key));
    }

    private static String posts(UUID group) {
        return "/api/v1/groups/" + group + "/posts";
    }

    @Test
    void theTeacherPostsAndTheGroupReadsWhileOthersAreDeniedWithTheReason() throws Exception {
        HttpResponse<String> written = send("POST", posts(GROUP_MA1C_A), as(OID_ANNA),
                "{\"body\":\"<p>Prov på fredag <script>alert(1)</script><a href=\\\"javascript:alert(2)\\\">x</a></p>\"}");
        assertThat(written.statusCode()).isEqualTo(201);
        assertThat(written.body()).contains("Prov på fredag").doesNotContain("script").doesNotContain("javascript");

        assertThat(get(posts(GROUP_MA1C_A), as(OID_ELSA)).body()).contains("Prov på fredag");
        assertThat(get(posts(GROUP_MA1C_A) + "?child=" + PERSON_GRETA, guardian("nils")).body()).contains("Prov på fredag");

        assertDenied(get(posts(GROUP_MA1C_A), as(OID_PETRA)), "ROLE_TEACHER");
        assertDenied(get(posts(GROUP_MA1C_A), guardian("nils")), "GUARDIAN_LINK");
        assertDenied(send("POST", posts(GROUP_MA1C_A), as(OID_ELSA), "{\"body\":\"hej\"}"), "OPERATION_ALLOWED");
        assertDenied(send("POST", posts(GROUP_KE1_E), as(OID_CECILIA), "{\"body\":\"hej\"}"), "LICENCE");
    }

    @Test
    void onlyTheGroupsTeachersEditAPost() throws Exception {
        String post = id(send("POST", posts(GROUP_NA24A_MENTOR), as(OID_BERTIL), "{\"body\":\"Utvecklingssamtal vecka 49\"}").body());

        HttpResponse<String> edited = send("PUT", posts(GROUP_NA24A_MENTOR) + "/" + post, as(OID_BERTIL),
                "{\"body\":\"Utvecklingssamtal vecka 50\"}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("vecka 50").contains("editedAt");
        assertDenied(send("PUT", posts(GROUP_NA24A_MENTOR) + "/" + post, as(OID_ELSA), "{\"body\":\"hackat\"}"),
                "OPERATION_ALLOWED");
        assertDenied(send("PUT", posts(GROUP_NA24A_MENTOR) + "/" + post, as(OID_ANNA), "{\"body\":\"hackat\"}"),
                "OWNS_MENTOR_GROUP");
    }

    /**
     * A post is corrected by another of the group's teachers (Bertil, made co-owner of Ma1c-A for the test) and shown
     * as edited; Anna deletes it, and the group and Greta's guardian see a tombstone instead of the body. The row
     * stays with who deleted it and when, the deletion is in the audit log, and students and guardians never edit.
     */
    @Test
    void theGroupsTeachersCorrectAndDeleteAPostAndReadersSeeATombstone(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String post = id(send("POST", posts(GROUP_MA1C_A), as(OID_ANNA), "{\"body\":\"Prov fredag " + marker + "\"}").body());
        UUID coTeaching = UUID.randomUUID();
        Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from) "
                + "values (?, ?, ?, ?, 'OWNER', current_date - 1)", coTeaching, TENANT_SOLBACKA, GROUP_MA1C_A, PERSON_BERTIL);
        try {
            HttpResponse<String> edited = send("PUT", posts(GROUP_MA1C_A) + "/" + post, as(OID_BERTIL),
                    "{\"body\":\"Prov torsdag " + marker + "\"}");
            assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
            assertThat(edited.body()).contains("Prov torsdag " + marker).contains("editedAt");
        } finally {
            Sql.update(database, "delete from membership where id = ?", coTeaching);
        }
        assertDenied(send("PUT", posts(GROUP_MA1C_A) + "/" + post, as(OID_ELSA), "{\"body\":\"hackat\"}"), "OPERATION_ALLOWED");
        assertThat(send("PUT", posts(GROUP_MA1C_A) + "/" + post + "?child=" + PERSON_GRETA, guardian("nils"),
                "{\"body\":\"hackat\"}").statusCode()).isEqualTo(403);
        assertDenied(send("DELETE", posts(GROUP_MA1C_A) + "/" + post, as(OID_ELSA), null), "OPERATION_ALLOWED");
        assertThat(get(posts(GROUP_MA1C_A), as(OID_ELSA)).body()).contains("Prov torsdag " + marker).contains("editedAt");

        String requestId = "delete-" + UUID.randomUUID();
        HttpResponse<String> deleted = send("DELETE", posts(GROUP_MA1C_A) + "/" + post, as(OID_ANNA), null, null, requestId);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"deleted\":true").contains("deletedAt").doesNotContain(marker);

        String forElsa = get(posts(GROUP_MA1C_A), as(OID_ELSA)).body();
        assertThat(forElsa).doesNotContain(marker);
        assertThat(item(forElsa, post)).contains("\"deleted\":true").contains("deletedAt").doesNotContain("\"body\"");
        String forNils = get(posts(GROUP_MA1C_A) + "?child=" + PERSON_GRETA, guardian("nils")).body();
        assertThat(forNils).doesNotContain(marker);
        assertThat(item(forNils, post)).contains("\"deleted\":true").doesNotContain("\"body\"");
        assertThat(Sql.strings(database, "select deleted_by || ' ' || (deleted_at is not null) from post where id = ?",
                UUID.fromString(post))).as("the tombstone: who and when").containsExactly(PERSON_ANNA + " true");
        assertThat(Sql.strings(database, "select actor_id || ' ' || data_kind || ' ' || operation || ' ' || decision "
                + "from audit_entry where request_id = ?", requestId)).containsExactly(PERSON_ANNA + " POST WRITE ALLOW");

        HttpResponse<String> again = send("PUT", posts(GROUP_MA1C_A) + "/" + post, as(OID_ANNA), "{\"body\":\"tillbaka\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"DELETED\"");
        assertThat(send("DELETE", posts(GROUP_MA1C_A) + "/" + post, as(OID_ANNA), null).statusCode()).isEqualTo(409);
    }

    /**
     * Anna corrects a published assignment, which Elsa then sees as edited; Anna deletes it: Elsa sees that it was
     * taken away, and nobody hands in, publishes or edits it any more. A student never edits or deletes one.
     */
    @Test
    void anAssignmentIsCorrectedAndDeletedByTheGroupsTeachersOnly(DataSource database) throws Exception {
        String assignments = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments";
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String assignment = id(send("POST", assignments, as(OID_ANNA), "{\"title\":\"Rättas " + marker + "\","
                + "\"instructions\":\"<p>Kapitel 2</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7) + "\",\"publish\":true}").body());
        String one = assignments + "/" + assignment;
        assertThat(send("PUT", one + "/submissions/" + PERSON_ELSA, as(OID_ELSA), "{\"content\":\"Svar\"}").statusCode())
                .isEqualTo(200);

        String correction = "{\"title\":\"Rättad " + marker + "\",\"instructions\":\"<p>Kapitel 3</p>\",\"dueAt\":\""
                + OffsetDateTime.now().plusDays(8) + "\"}";
        assertDenied(send("PUT", one, as(OID_ELSA), correction), "OPERATION_ALLOWED");
        HttpResponse<String> edited = send("PUT", one, as(OID_ANNA), correction);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.body()).contains("Rättad " + marker).contains("Kapitel 3").contains("editedAt");
        assertThat(get(assignments, as(OID_ELSA)).body()).contains("Rättad " + marker).contains("editedAt");
        HttpResponse<String> noTitle = send("PUT", one, as(OID_ANNA), "{\"title\":\" \",\"instructions\":\"x\",\"dueAt\":\""
                + OffsetDateTime.now().plusDays(8) + "\"}");
        assertThat(noTitle.statusCode()).isEqualTo(400);

        assertDenied(send("DELETE", one, as(OID_ELSA), null), "OPERATION_ALLOWED");
        HttpResponse<String> deleted = send("DELETE", one, as(OID_ANNA), null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"deleted\":true").doesNotContain(marker).doesNotContain("Kapitel");
        String forElsa = get(assignments, as(OID_ELSA)).body();
        assertThat(forElsa).doesNotContain(marker).doesNotContain("Kapitel 3");
        assertThat(item(forElsa, assignment)).contains("\"deleted\":true").doesNotContain("\"title\"");
        assertThat(Sql.strings(database, "select deleted_by from assignment where id = ?", UUID.fromString(assignment)))
                .containsExactly(PERSON_ANNA.toString());

        for (HttpResponse<String> refused : List.of(
                send("PUT", one + "/submissions/" + PERSON_ELSA, as(OID_ELSA), "{\"content\":\"Nytt svar\"}"),
                send("PUT", one, as(OID_ANNA), correction),
                send("POST", one + "/publish", as(OID_ANNA), ""))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("\"code\":\"DELETED\"");
        }
    }

    @Test
    void aTeacherCannotPostToAnArchivedOrDisconnectedGroup() throws Exception {
        assertDenied(send("POST", posts(GROUP_MA1C_A_PREVIOUS), as(OID_ANNA), "{\"body\":\"hej\"}"), "OWNS_TEACHING_GROUP");
        assertDenied(send("POST", posts(GROUP_KE1_D), as(OID_ANNA), "{\"body\":\"hej\"}"), "OWNS_TEACHING_GROUP");
    }

    @Test
    void postsComeInStablePages() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(send("POST", posts(GROUP_EN5_B), as(OID_ANNA), "{\"body\":\"Sida " + i + "\"}").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> first = get(posts(GROUP_EN5_B) + "?limit=2", as(OID_ANNA));
        String cursor = field(first.body(), "nextCursor");
        HttpResponse<String> second = get(posts(GROUP_EN5_B) + "?limit=2&cursor=" + cursor, as(OID_ANNA));

        assertThat(first.body()).contains("Sida 3").contains("Sida 2").doesNotContain("Sida 1");
        assertThat(second.body()).contains("Sida 1").doesNotContain("nextCursor").doesNotContain("Sida 2");
        assertThat(get(posts(GROUP_EN5_B) + "?limit=0", as(OID_ANNA)).statusCode()).isEqualTo(400);
        assertThat(get(posts(GROUP_EN5_B) + "?cursor=bogus", as(OID_ANNA)).statusCode()).isEqualTo(400);
    }

    @Test
    void anAssignmentIsHiddenWhileADraftThenSubmittedReturnedAndLocked() throws Exception {
        String assignments = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments";
        HttpResponse<String> created = send("POST", assignments, as(OID_ANNA), "{\"title\":\"Andragradsekvationer\","
                + "\"instructions\":\"<p>Lös 1–10</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7) + "\",\"publish\":false}");
        assertThat(created.statusCode()).isEqualTo(201);
        String assignment = id(created.body());
        assertDenied(send("POST", assignments, as(OID_ELSA), "{\"title\":\"Egen\",\"instructions\":\"x\",\"dueAt\":\""
                + OffsetDateTime.now().plusDays(1) + "\",\"publish\":true}"), "OPERATION_ALLOWED");

        assertThat(get(assignments, as(OID_ELSA)).body()).doesNotContain("Andragradsekvationer");
        assertThat(get(assignments, as(OID_ANNA)).body()).contains("Andragradsekvationer").contains("DRAFT");
        assertDenied(send("POST", assignments + "/" + assignment + "/publish", as(OID_ELSA), ""), "OPERATION_ALLOWED");
        assertThat(send("POST", assignments + "/" + assignment + "/publish", as(OID_ANNA), "").statusCode()).isEqualTo(200);
        assertThat(get(assignments, as(OID_ELSA)).body()).contains("Andragradsekvationer");

        String submissions = assignments + "/" + assignment + "/submissions/";
        HttpResponse<String> submitted = send("PUT", submissions + PERSON_ELSA, as(OID_ELSA),
                "{\"content\":\"<p>Svar: tre <img src=x onerror=alert(1)></p>\"}");
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).contains("Svar: tre").doesNotContain("onerror").contains("\"late\":false");
        assertDenied(send("PUT", submissions + PERSON_ELSA, as(OID_FILIP), "{\"content\":\"fusk\"}"), "MEMBER_OF_LINKED_GROUP");

        assertThat(get(submissions.substring(0, submissions.length() - 1), as(OID_ANNA)).body()).contains("Svar: tre");
        assertThat(get(submissions.substring(0, submissions.length() - 1), as(OID_FILIP)).body()).contains("\"items\":[]");

        assertDenied(send("POST", submissions + PERSON_ELSA + "/return", as(OID_FILIP), "{\"feedback\":\"Dåligt\"}"),
                "MEMBER_OF_LINKED_GROUP");
        assertThat(send("POST", submissions + PERSON_ELSA + "/return", as(OID_ANNA), "{\"feedback\":\"Bra!\"}").body())
                .contains("RETURNED").contains("Bra!");
        HttpResponse<String> locked = send("PUT", submissions + PERSON_ELSA, as(OID_ELSA), "{\"content\":\"ny\"}");
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(locked.body()).contains("ALREADY_RETURNED");
    }

    /**
     * Greta keeps a draft that neither Anna nor Greta's guardian Nils sees; she hands in, Anna asks for completion,
     * Greta hands in again, and Anna returns it: the first hand-in and the completion comment stay in the history,
     * for Anna, Greta and Nils alike. Nobody else answers the work, and returned work takes no draft.
     */
    @Test
    void komplettering_aDraftIsTheStudentsAloneAndCompletionKeepsTheHistory() throws Exception {
        String assignments = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments";
        String assignment = id(send("POST", assignments, as(OID_ANNA), "{\"title\":\"Komplettering\","
                + "\"instructions\":\"<p>Visa alla steg</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7)
                + "\",\"publish\":true}").body());
        String all = assignments + "/" + assignment + "/submissions";
        String gretas = all + "/" + PERSON_GRETA;

        HttpResponse<String> draft = send("PUT", gretas + "/draft", as(OID_GRETA), "{\"content\":\"Utkast: x är 2\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(draft.body()).contains("\"status\":\"DRAFT\"").contains("Utkast: x är 2");
        assertThat(get(gretas, as(OID_GRETA)).body()).contains("Utkast: x är 2");
        assertThat(get(all, as(OID_ANNA)).body()).doesNotContain("Utkast").contains("\"items\":[]");
        assertThat(get(gretas, as(OID_ANNA)).statusCode()).as("a draft is not there for the teacher").isEqualTo(404);
        assertThat(get(all, guardian("nils")).body()).doesNotContain("Utkast").contains("\"items\":[]");
        assertThat(get(gretas, guardian("nils")).statusCode()).isEqualTo(404);
        assertThat(send("POST", gretas + "/completion", as(OID_ANNA), "{\"comment\":\"Mer\"}").statusCode())
                .as("nothing handed in to answer").isEqualTo(404);
        assertDenied(send("PUT", gretas + "/draft", guardian("nils"), "{\"content\":\"förälderns\"}"), "OPERATION_ALLOWED");
        HttpResponse<String> teachersDraft = send("PUT", gretas + "/draft", as(OID_ANNA), "{\"content\":\"lärarens\"}");
        assertThat(teachersDraft.statusCode()).isEqualTo(409);
        assertThat(teachersDraft.body()).contains("OWN_SUBMISSION_ONLY");

        assertThat(send("PUT", gretas, as(OID_GRETA), "{\"content\":\"<p>x är 2</p>\"}").body()).contains("\"status\":\"SUBMITTED\"")
                .doesNotContain("\"draft\"").doesNotContain("Utkast");
        assertThat(send("POST", gretas + "/completion", as(OID_FILIP), "{\"comment\":\"Fusk\"}").statusCode())
                .as("another student is answered as if Greta, who has a protected identity, did not exist").isEqualTo(404);
        assertDenied(send("POST", gretas + "/completion", guardian("nils"), "{\"comment\":\"Mer\"}"), "OPERATION_ALLOWED");
        HttpResponse<String> own = send("POST", gretas + "/completion", as(OID_GRETA), "{\"comment\":\"Klart\"}");
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(own.body()).contains("NOT_OWN_FEEDBACK");
        HttpResponse<String> empty = send("POST", gretas + "/completion", as(OID_ANNA), "{\"comment\":\"<p> </p>\"}");
        assertThat(empty.statusCode()).isEqualTo(409);
        assertThat(empty.body()).contains("EMPTY_COMMENT");

        HttpResponse<String> requested = send("POST", gretas + "/completion", as(OID_ANNA),
                "{\"comment\":\"<p>Visa <strong>uträkningen</strong></p>\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
        assertThat(requested.body()).contains("\"status\":\"COMPLETION_REQUESTED\"").contains("<strong>uträkningen</strong>");
        assertThat(get(gretas, as(OID_GRETA)).body()).contains("COMPLETION_REQUESTED").contains("uträkningen");
        assertThat(get(all, guardian("nils")).body()).contains("COMPLETION_REQUESTED").contains("uträkningen");
        HttpResponse<String> returnedTooEarly = send("POST", gretas + "/return", as(OID_ANNA), "{\"feedback\":\"Bra\"}");
        assertThat(returnedTooEarly.statusCode()).isEqualTo(409);
        assertThat(returnedTooEarly.body()).contains("NOT_HANDED_IN");

        assertThat(send("PUT", gretas + "/draft", as(OID_GRETA), "{\"content\":\"påbörjad komplettering\"}").body())
                .contains("\"status\":\"COMPLETION_REQUESTED\"");
        assertThat(get(all, as(OID_ANNA)).body()).doesNotContain("påbörjad komplettering");
        HttpResponse<String> completed = send("PUT", gretas, as(OID_GRETA), "{\"content\":\"<p>x är 2, så här</p>\"}");
        assertThat(completed.body()).contains("\"status\":\"SUBMITTED\"").doesNotContain("\"feedback\"");
        String forAnna = get(all, as(OID_ANNA)).body();
        assertThat(forAnna).contains("x är 2, så här").contains("\"kind\":\"HANDED_IN\"")
                .contains("\"kind\":\"COMPLETION_REQUESTED\"").contains("<p>x är 2</p>").contains("uträkningen")
                .doesNotContain("påbörjad");
        assertThat(forAnna.indexOf("<p>x är 2</p>")).as("oldest first").isLessThan(forAnna.indexOf("uträkningen"));

        assertThat(send("POST", gretas + "/return", as(OID_ANNA), "{\"feedback\":\"Nu är det komplett\"}").body())
                .contains("\"status\":\"RETURNED\"").contains("Nu är det komplett").contains("uträkningen");
        assertThat(get(all, guardian("nils")).body()).contains("Nu är det komplett").contains("<p>x är 2</p>").contains("uträkningen");
        HttpResponse<String> locked = send("PUT", gretas + "/draft", as(OID_GRETA), "{\"content\":\"mer\"}");
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(locked.body()).contains("ALREADY_RETURNED");
    }

    /**
     * Status at a glance through the API: Anna's "Att rätta" lists Elsa's hand-in and not Greta's draft, another
     * teacher's lists neither; "Att göra" gives Elsa, Greta, Greta's guardian and their teacher each the status they may
     * see (Greta's draft is hers alone), and gives another student nothing of Greta, who has a protected identity.
     */
    @Test
    void statusAtAGlance_toReviewAndToDoAreDecidedPerStudent() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String assignments = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments";
        String assignment = id(send("POST", assignments, as(OID_ANNA), "{\"title\":\"Översikt " + marker + "\","
                + "\"instructions\":\"<p>Lös 1–5</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(2)
                + "\",\"publish\":true}").body());
        String submissions = assignments + "/" + assignment + "/submissions/";
        assertThat(send("PUT", submissions + PERSON_GRETA + "/draft", as(OID_GRETA), "{\"content\":\"påbörjad\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("PUT", submissions + PERSON_ELSA, as(OID_ELSA), "{\"content\":\"Mitt svar\"}").statusCode())
                .isEqualTo(200);

        String annas = get("/api/v1/me/to-review?limit=100", as(OID_ANNA)).body();
        assertThat(workItem(annas, assignment, PERSON_ELSA)).contains("\"studentName\":\"Elsa Ek\"")
                .contains("\"assignmentTitle\":\"Översikt " + marker + "\"").contains("\"late\":false");
        assertThat(itemsOf(annas, assignment)).as("a draft waits for nobody").hasSize(1);
        assertThat(get("/api/v1/me/to-review?limit=100", as(OID_BERTIL)).body()).doesNotContain(assignment);
        assertThat(get("/api/v1/me/to-review", as(OID_ELSA)).body()).doesNotContain(assignment);

        String elsasWork = "/api/v1/students/" + PERSON_ELSA + "/work?limit=100";
        assertThat(workItem(get(elsasWork, as(OID_ELSA)).body(), assignment, PERSON_ELSA)).contains("\"status\":\"SUBMITTED\"");
        assertThat(workItem(get(elsasWork, as(OID_ANNA)).body(), assignment, PERSON_ELSA)).contains("\"status\":\"SUBMITTED\"");
        assertThat(get(elsasWork, as(OID_FILIP)).body()).doesNotContain(assignment);
        assertThat(get(elsasWork, guardian("nils")).body()).as("Nils is Greta's guardian, not Elsa's").doesNotContain(assignment);

        String gretasWork = "/api/v1/students/" + PERSON_GRETA + "/work?limit=100";
        assertThat(workItem(get(gretasWork, as(OID_GRETA)).body(), assignment, PERSON_GRETA)).contains("\"status\":\"DRAFT\"");
        assertThat(workItem(get(gretasWork, guardian("nils")).body(), assignment, PERSON_GRETA))
                .as("the draft is Greta's alone").contains("\"status\":\"NOT_SUBMITTED\"");
        assertThat(workItem(get(gretasWork, as(OID_ANNA)).body(), assignment, PERSON_GRETA)).contains("\"status\":\"NOT_SUBMITTED\"");
        HttpResponse<String> forFilip = get(gretasWork, as(OID_FILIP));
        assertThat(forFilip.statusCode()).isEqualTo(200);
        assertThat(forFilip.body()).contains("\"items\":[]").doesNotContain("nextCursor");

        String later = "/api/v1/students/" + PERSON_ELSA + "/work?limit=100&dueFrom=" + OffsetDateTime.now().plusDays(3).toInstant();
        assertThat(get(later, as(OID_ELSA)).body()).doesNotContain(assignment);
        HttpResponse<String> badTime = get("/api/v1/students/" + PERSON_ELSA + "/work?dueFrom=tomorrow", as(OID_ELSA));
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(badTime.body()).contains("dueFrom");
    }

    /**
     * The assessment grid of Ma1c-A: Anna sets two students' assessments in one save and publishes them in another; a
     * save that also names Julia, who left the group, writes nothing. In En5-B, without the subject link, every row says
     * why it may not be set. Bertil, mentor of some of the students, sets none, and a student sees no draft of anyone.
     */
    @Test
    void theAssessmentGridSetsManyAtOnceAndWritesNothingWhenOneRowIsRefused(DataSource database) throws Exception {
        String grid = "/api/v1/groups/" + GROUP_MA1C_A + "/assessment-grid";
        List<UUID> free = new java.util.ArrayList<>();
        for (UUID student : List.of(PERSON_GRETA, PERSON_ELSA, PERSON_HUGO, PERSON_FILIP)) {
            if (Sql.number(database, "select count(*) from assessment where student_id = ? and group_id = ?", student,
                    GROUP_MA1C_A) == 0) {
                free.add(student);
            }
        }
        assertThat(free).as("students of Ma1c-A that no other test has assessed through it").hasSizeGreaterThanOrEqualTo(2);
        UUID first = free.get(0);
        UUID second = free.get(1);
        try {
            HttpResponse<String> rows = get(grid, as(OID_ANNA));
            assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
            assertThat(gridRow(rows.body(), first)).contains("\"settable\":true").doesNotContain("assessmentId");
            assertThat(rows.body()).as("Julia left the group a week ago").doesNotContain(PERSON_JULIA.toString());

            HttpResponse<String> notAMember = send("PUT", grid, as(OID_ANNA), "{\"rows\":[{\"student\":\"" + first
                    + "\",\"grade\":\"C\",\"comment\":\"<p>Stabil</p>\"},{\"student\":\"" + PERSON_JULIA
                    + "\",\"grade\":\"E\",\"comment\":\"\"}],\"publish\":false}");
            assertThat(notAMember.statusCode()).as(notAMember.body()).isEqualTo(409);
            assertThat(notAMember.body()).containsAnyOf("NOT_SETTABLE", "NOT_A_MEMBER");
            assertThat(Sql.number(database, "select count(*) from assessment where student_id = ? and group_id = ?", first,
                    GROUP_MA1C_A)).as("nothing written when one row is refused").isZero();

            HttpResponse<String> saved = send("PUT", grid, as(OID_ANNA), "{\"rows\":[{\"student\":\"" + first
                    + "\",\"grade\":\"C\",\"comment\":\"<p>Stabil <script>x()</script></p>\"},{\"student\":\"" + second
                    + "\",\"grade\":\"NOT_YET_ASSESSED\",\"comment\":\"\"}],\"publish\":false}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(saved.body()).contains("\"written\":2").contains("\"published\":0");
            String after = get(grid, as(OID_ANNA)).body();
            assertThat(gridRow(after, first)).contains("\"grade\":\"C\"").contains("\"status\":\"DRAFT\"")
                    .contains("Stabil").doesNotContain("script");
            assertThat(gridRow(after, second)).contains("\"grade\":\"NOT_YET_ASSESSED\"");
            assertThat(get("/api/v1/students/" + first + "/assessments", guardianOrSelfOf(first)).body())
                    .as("a draft is the teachers' alone").doesNotContain("MATMAT01c");
            // Who may set none of the drafts learns nothing of them: publishing answers as in a group without drafts.
            for (String stranger : List.of(as(OID_FILIP), as(OID_BERTIL))) {
                HttpResponse<String> publishing = send("PUT", grid, stranger, "{\"rows\":[],\"publish\":true}");
                assertThat(publishing.statusCode()).as(publishing.body()).isEqualTo(200);
                assertThat(publishing.body()).contains("\"written\":0").contains("\"published\":0");
            }
            assertThat(gridRow(get(grid, as(OID_ANNA)).body(), first)).contains("\"status\":\"DRAFT\"");

            HttpResponse<String> published = send("PUT", grid, as(OID_ANNA), "{\"rows\":[],\"publish\":true}");
            assertThat(published.body()).contains("\"written\":0").contains("\"published\":2");
            assertThat(gridRow(get(grid, as(OID_ANNA)).body(), first)).contains("\"status\":\"PUBLISHED\"");
            assertThat(get("/api/v1/students/" + first + "/assessments", guardianOrSelfOf(first)).body())
                    .contains("MATMAT01c").contains("\"grade\":\"C\"");

            String forBertil = get(grid, as(OID_BERTIL)).body();
            assertThat(forBertil).doesNotContain("\"settable\":true");
            assertThat(send("PUT", grid, as(OID_BERTIL), "{\"rows\":[{\"student\":\"" + first
                    + "\",\"grade\":\"A\",\"comment\":\"\"}],\"publish\":false}").statusCode()).isEqualTo(409);
            assertThat(gridRow(get(grid, as(OID_ANNA)).body(), first)).contains("\"grade\":\"C\"");
            assertThat(get(grid, as(OID_FILIP)).body()).doesNotContain("\"status\":\"DRAFT\"")
                    .doesNotContain("\"settable\":true");
            assertThat(get("/api/v1/groups/" + UUID.randomUUID() + "/assessment-grid", as(OID_ANNA)).statusCode()).isEqualTo(404);
            String english = get("/api/v1/groups/" + GROUP_EN5_B + "/assessment-grid", as(OID_ANNA)).body();
            assertThat(english).contains("\"settable\":false").contains("TEACHER_SUBJECT").doesNotContain("\"settable\":true");
        } finally {
            for (UUID student : List.of(first, second)) {
                Sql.update(database, "delete from assessment where student_id = ? and group_id = ?", student, GROUP_MA1C_A);
            }
        }
    }

    /** A token of the student themself, by the demo's keys. */
    private static String guardianOrSelfOf(UUID student) {
        for (String key : List.of("elsa", "filip", "greta", "hugo")) {
            if (se.klassrum.roster.demo.DemoIds.person(key).equals(student)) {
                return as(se.klassrum.roster.demo.DemoIds.entraObjectId(key));
            }
        }
        throw new IllegalArgumentException("no demo student " + student);
    }

    /** The JSON object of a grid row by its student. */
    private static String gridRow(String body, UUID student) {
        Matcher matcher = Pattern.compile("\\{[^{}]*\"studentId\":\"" + student + "\"[^{}]*}").matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group();
    }

    /**
     * Sara, administrator of Elsa's school, takes out everything Klassrum holds about Elsa as one file, with Elsa's
     * hand-ins and who asked about her; the extract itself is in Elsa's audit log. Anna, Elsa's teacher but no
     * administrator, Sara for a student of a school she does not administer, and Sara for Greta, whose identity is
     * protected and to whom she has no path, get 404.
     */
    @Test
    void aSchoolAdministratorTakesOutEverythingHeldAboutAStudentAsOneLoggedFile() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String assignments = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments";
        String assignment = id(send("POST", assignments, as(OID_ANNA), "{\"title\":\"Utdrag " + marker + "\","
                + "\"instructions\":\"<p>Skriv</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(1) + "\",\"publish\":true}").body());
        assertThat(send("PUT", assignments + "/" + assignment + "/submissions/" + PERSON_ELSA, as(OID_ELSA),
                "{\"content\":\"Mitt svar " + marker + "\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> extract = get("/api/v1/students/" + PERSON_ELSA + "/extract", as(OID_SARA));
        assertThat(extract.statusCode()).as(extract.body()).isEqualTo(200);
        assertThat(extract.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("klassrum-extract-" + PERSON_ELSA + ".json");
        assertThat(extract.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(extract.body()).contains("\"givenName\":\"Elsa\"", "\"group\":\"Ma1c-A\"", "\"guardians\"",
                "Mitt svar " + marker, "\"assignment\":\"Utdrag " + marker + "\"", "\"accessLog\"", "\"assessments\"",
                "\"developmentTalks\"");

        assertThat(get("/api/v1/students/" + PERSON_ELSA + "/extract", as(OID_ANNA)).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/students/" + PERSON_RUT + "/extract", as(OID_SARA)).statusCode()).isEqualTo(404);
        HttpResponse<String> protectedOne = get("/api/v1/students/" + PERSON_GRETA + "/extract", as(OID_SARA));
        assertThat(protectedOne.statusCode()).as("Greta has a protected identity and Sara no path to her").isEqualTo(404);
        assertThat(protectedOne.body()).doesNotContain("Greta").doesNotContain("Gran");
        assertThat(get("/api/v1/students/" + PERSON_ELSA + "/audit?kind=STUDENT_DATA", as(OID_SARA)).body())
                .contains("registerutdrag");
    }

    /** The JSON object of a work list item by its assignment and student. */
    private static String workItem(String body, String assignmentId, UUID studentId) {
        return itemsOf(body, assignmentId).stream().filter(item -> item.contains("\"studentId\":\"" + studentId + "\""))
                .findFirst().orElseThrow(() -> new AssertionError("no item of assignment " + assignmentId + " and student "
                        + studentId + " in " + body));
    }

    /** The JSON objects of the list items (without nested objects) of an assignment. */
    private static List<String> itemsOf(String body, String assignmentId) {
        Matcher matcher = Pattern.compile("\\{[^{}]*\"assignmentId\":\"" + assignmentId + "\"[^{}]*}").matcher(body);
        List<String> items = new java.util.ArrayList<>();
        while (matcher.find()) {
            items.add(matcher.group());
        }
        return items;
    }

    @Test
    void onlyATeacherMeetingTheAssessmentPrerequisitesAssessesAndStudentsSeeOnlyPublished() throws Exception {
        String assessments = "/api/v1/students/" + PERSON_FILIP + "/assessments";
        HttpResponse<String> draft = send("PUT", assessments, as(OID_ANNA),
                "{\"group\":\"" + GROUP_MA1C_A + "\",\"grade\":\"C\",\"comment\":\"Stabil\",\"publish\":false}");
        assertThat(draft.statusCode()).isEqualTo(200);

        assertThat(get(assessments, as(OID_FILIP)).body()).contains("\"items\":[]");
        assertThat(get(assessments, as(OID_BERTIL)).body()).contains("MATMAT01c").contains("DRAFT");
        assertThat(send("PUT", assessments, as(OID_ANNA),
                "{\"group\":\"" + GROUP_MA1C_A + "\",\"grade\":\"B\",\"comment\":\"Bättre\",\"publish\":true}").statusCode())
                .isEqualTo(200);
        assertThat(get(assessments, as(OID_FILIP)).body()).contains("\"grade\":\"B\"").contains("PUBLISHED");

        assertDenied(send("PUT", "/api/v1/students/" + PERSON_ELSA + "/assessments", as(OID_ANNA),
                "{\"group\":\"" + GROUP_EN5_B + "\",\"grade\":\"C\",\"comment\":\"x\",\"publish\":false}"), "TEACHER_SUBJECT");
        HttpResponse<String> noSyllabus = send("PUT", "/api/v1/students/" + PERSON_ELSA + "/assessments", as(OID_ANNA),
                "{\"group\":\"" + GROUP_FY1A_C + "\",\"grade\":\"C\",\"comment\":\"x\",\"publish\":false}");
        assertThat(noSyllabus.statusCode()).isEqualTo(400);
        assertThat(noSyllabus.body()).contains("\"field\":\"group\"");
        assertDenied(send("PUT", assessments, as(OID_BERTIL),
                "{\"group\":\"" + GROUP_MA1C_A + "\",\"grade\":\"A\",\"comment\":\"x\",\"publish\":true}"), "OPERATION_ALLOWED");
    }

    @Test
    void aGuardianReachingAnotherChildsAssessmentsGetsNothing() throws Exception {
        send("PUT", "/api/v1/students/" + PERSON_HUGO + "/assessments", as(OID_ANNA),
                "{\"group\":\"" + GROUP_MA1C_A + "\",\"grade\":\"E\",\"comment\":\"Godkänd\",\"publish\":true}");

        assertThat(get("/api/v1/students/" + PERSON_HUGO + "/assessments", guardian("nils")).body()).contains("\"items\":[]");
        assertThat(get("/api/v1/students/" + PERSON_HUGO + "/assessments", TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA,
                idpSubject("olof"))).statusCode()).as("Olof signs in by e-mail, so no identity-provider token is his")
                .isEqualTo(401);
    }

    @Test
    void theMentorRecordsADevelopmentTalkForTheStudentAndTheirGuardians() throws Exception {
        String talks = "/api/v1/students/" + PERSON_GRETA + "/development-talks";
        HttpResponse<String> recorded = send("POST", talks, as(OID_BERTIL), "{\"group\":\"" + GROUP_NA24A_MENTOR
                + "\",\"heldOn\":\"2026-11-20\",\"guardians\":[\"" + PERSON_NILS + "\"],\"notes\":\"Trivs\","
                + "\"agreedGoals\":\"Läsa mer\"}");
        assertThat(recorded.statusCode()).isEqualTo(201);

        assertThat(get(talks, as(OID_GRETA)).body()).contains("Läsa mer");
        assertThat(get(talks, guardian("nils")).body()).contains("Läsa mer");
        assertThat(get(talks, as(OID_ANNA)).body()).contains("\"items\":[]");
        assertDenied(send("POST", talks, as(OID_ANNA), "{\"group\":\"" + GROUP_NA24A_MENTOR
                + "\",\"heldOn\":\"2026-11-20\",\"guardians\":[],\"notes\":\"x\",\"agreedGoals\":\"y\"}"), "ROLE_MENTOR");
        HttpResponse<String> strangerParent = send("POST", talks, as(OID_BERTIL), "{\"group\":\"" + GROUP_NA24A_MENTOR
                + "\",\"heldOn\":\"2026-11-20\",\"guardians\":[\"" + PERSON_KARIN + "\"],\"notes\":\"x\",\"agreedGoals\":\"y\"}");
        assertThat(strangerParent.statusCode()).isEqualTo(409);
        assertThat(strangerParent.body()).contains("NOT_A_GUARDIAN");
    }

    @Test
    void invalidBodiesNameTheirFields() throws Exception {
        HttpResponse<String> empty = send("POST", posts(GROUP_MA1C_A), as(OID_ANNA), "{\"body\":\"\"}", "en");
        HttpResponse<String> noDueDate = send("POST", "/api/v1/groups/" + GROUP_MA1C_A + "/assignments", as(OID_ANNA),
                "{\"title\":\"x\",\"instructions\":\"y\"}", "en");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"body\"");
        assertThat(noDueDate.statusCode()).isEqualTo(400);
        assertThat(noDueDate.body()).contains("\"field\":\"dueAt\"");
    }

    @Test
    void aTokenForAnotherTenantIsAnsweredLikeAnUnknownPerson() throws Exception {
        // One request id for both: it is the only part of a problem that differs from request to request.
        String requestId = "alike-" + UUID.randomUUID();
        HttpResponse<String> crossed = get(posts(GROUP_MA1C_A), TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_ANNA), requestId);
        HttpResponse<String> unserved = get(posts(GROUP_MA1C_A), TestIssuer.personToken(UUID.randomUUID(), OID_ANNA), requestId);

        assertThat(crossed.statusCode()).isEqualTo(401);
        assertThat(unserved.statusCode()).isEqualTo(401);
        assertThat(crossed.body()).isEqualTo(unserved.body()).doesNotContain("SAME_TENANT");
    }

    @Test
    void theRosterIsReadableWithinTheCallersOrganisationOnly() throws Exception {
        assertThat(get("/api/v1/schools", as(OID_ANNA)).body()).contains("Solbacka gymnasium").doesNotContain("Norråskolan");
        assertThat(get("/api/v1/schools", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me/groups", as(OID_ANNA)).body()).contains("Ma1c-A").contains("En5-B").doesNotContain("NA24a");
        assertThat(get("/api/v1/groups/" + GROUP_MA1C_A, as(OID_ELSA)).body()).contains("MATMAT01c").contains("\"connected\":true");
        assertThat(get("/api/v1/groups/" + GROUP_MA1C_A, TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_OLLE)).statusCode())
                .isEqualTo(404);
        HttpResponse<String> members = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=2", as(OID_ANNA));
        HttpResponse<String> rest = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=100&cursor="
                + field(members.body(), "nextCursor"), as(OID_ANNA));
        assertThat(members.body()).contains("\"nextCursor\"");
        assertThat(rest.body()).doesNotContain("nextCursor").contains("\"items\":[{");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() throws Exception {
        HttpResponse<String> openapi = get("/openapi", null);

        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/groups/{group}/posts").contains("/api/v1/students/{id}/assessments")
                .contains("/api/v1/access/explain").contains("PostRequest").contains("/api/v1/me/groups")
                .contains("bearer").contains("application/problem+json").contains("ALREADY_RETURNED")
                .contains("/submissions/{student}/completion").contains("/submissions/{student}/draft").contains("CompletionRequest");
    }

    private static void assertDenied(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("access-denied").contains("\"code\":\"" + code + "\"");
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    /** The JSON object of a list item (one without nested objects) by its id. */
    private static String item(String body, String id) {
        Matcher matcher = Pattern.compile("\\{[^{}]*\"id\":\"" + id + "\"[^{}]*}").matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group();
    }

    private static String field(String body, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private HttpResponse<String> get(String path, String token, String requestId) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return send(method, path, token, json, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String json, String language) throws Exception {
        return send(method, path, token, json, language, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String json, String language,
                                      String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
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
