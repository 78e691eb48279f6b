package se.klassrum.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * Notifications in Anna's group Ma1c-A, decided by the access rules when they are read: Anna publishes an
 * assignment and writes a post, Greta (protected identity) hands in and Anna returns her work. Elsa and her guardian
 * Karin are told of the assignment and the post, never of Greta; Greta and her guardian Nils are told of her returned
 * work; Anna of Greta's hand-in. When Karin's link ends, she sees nothing more of Elsa, without a trace in the count.
 */
abstract class NotificationsChecks extends ServerCalls {

    private static final String MINE = "/api/v1/me/notifications";

    private final HttpClient http = HttpClient.newHttpClient();

    private static String as(UUID objectId) {
        return "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    private static String nils() {
        return "Bearer " + TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, idpSubject("nils"));
    }

    @Test
    void eachReaderIsToldWhatTheRulesLetThemSeeWhenTheyRead(DataSource database) throws Exception {
        String karin = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        int elsasUnreadBefore = unread(as(OID_ELSA));
        int karinsUnreadBefore = unread(karin);

        String title = "Notisuppgift " + UUID.randomUUID().toString().substring(0, 8);
        String assignments = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments";
        HttpResponse<String> created = call("POST", assignments, as(OID_ANNA), "{\"title\":\"" + title
                + "\",\"instructions\":\"<p>Lös 1–10</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7)
                + "\",\"publish\":true}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String assignment = json(created.body()).getString("id");
        HttpResponse<String> posted = call("POST", "/api/v1/groups/" + GROUP_MA1C_A + "/posts", as(OID_ANNA),
                "{\"body\":\"<p>Prov på fredag</p>\"}", null);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String gretas = assignments + "/" + assignment + "/submissions/" + PERSON_GRETA;
        assertThat(call("PUT", gretas, as(OID_GRETA), "{\"content\":\"<p>Gretas svar</p>\"}", null).statusCode())
                .isEqualTo(200);

        List<JsonObject> annas = items(as(OID_ANNA));
        assertThat(annas).as("Anna, Greta's teacher, is told of the hand-in waiting")
                .anySatisfy(item -> assertAbout(item, "HAND_IN_WAITING", PERSON_GRETA, assignment));
        assertThat(annas).as("never of what she did herself").noneMatch(item -> assignment.equals(item.getString("contentId")));

        assertThat(call("POST", gretas + "/return", as(OID_ANNA), "{\"feedback\":\"<p>Bra</p>\"}", null).statusCode())
                .isEqualTo(200);
        assertThat(items(as(OID_GRETA))).as("Greta is told her work is returned, with the assignment's title")
                .anySatisfy(item -> {
                    assertAbout(item, "WORK_RETURNED", PERSON_GRETA, assignment);
                    assertThat(item.getString("title")).isEqualTo(title);
                });
        assertThat(items(nils())).as("so is her guardian Nils").anySatisfy(item ->
                assertAbout(item, "WORK_RETURNED", PERSON_GRETA, assignment));

        HttpResponse<String> elsas = call("GET", MINE + "?limit=100", as(OID_ELSA), null, null);
        assertThat(elsas.statusCode()).as(elsas.body()).isEqualTo(200);
        assertThat(elsas.body()).as("a protected student never appears in another's list")
                .doesNotContain(PERSON_GRETA.toString()).doesNotContain("Greta");
        List<JsonObject> elsasItems = array(elsas.body());
        JsonObject elsasAssignment = elsasItems.stream().filter(item -> item.getString("kind").equals("ASSIGNMENT_PUBLISHED")
                && assignment.equals(item.getString("contentId"))).findFirst().orElseThrow();
        assertThat(elsasAssignment.getString("title")).isEqualTo(title);
        assertThat(elsasAssignment.getString("groupName")).isEqualTo("Ma1c-A");
        assertThat(elsasAssignment.getBoolean("unread")).isTrue();
        assertThat(elsasItems).anySatisfy(item -> assertThat(item.getString("kind")).isEqualTo("POST_PUBLISHED"));
        assertThat(json(elsas.body()).getInt("unread")).as("the assignment and the post are new to Elsa")
                .isEqualTo(elsasUnreadBefore + 2);

        HttpResponse<String> read = call("POST", MINE + "/read", as(OID_ELSA), "{\"ids\":[\""
                + elsasAssignment.getString("id") + "\"]}", null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(204);
        assertThat(unread(as(OID_ELSA))).isEqualTo(elsasUnreadBefore + 1);
        assertThat(items(as(OID_ELSA))).filteredOn(item -> item.getString("id").equals(elsasAssignment.getString("id")))
                .singleElement().satisfies(item -> assertThat(item.getBoolean("unread")).isFalse());

        HttpResponse<String> first = call("GET", MINE + "?limit=1", as(OID_ELSA), null, null);
        String cursor = json(first.body()).getString("nextCursor");
        HttpResponse<String> second = call("GET", MINE + "?limit=1&cursor=" + cursor, as(OID_ELSA), null, null);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(array(second.body())).singleElement().satisfies(item -> assertThat(item.getString("id"))
                .isNotEqualTo(array(first.body()).get(0).getString("id")));
        HttpResponse<String> forged = call("GET", MINE + "?cursor=not-a-cursor", as(OID_ELSA), null, null);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        List<JsonObject> karins = items(karin);
        assertThat(karins).as("Karin is told of her child Elsa's new assignment")
                .anySatisfy(item -> assertAbout(item, "ASSIGNMENT_PUBLISHED", PERSON_ELSA, assignment));
        assertThat(karins.toString()).doesNotContain(PERSON_GRETA.toString());
        assertThat(unread(karin)).isEqualTo(karinsUnreadBefore + 2);

        try {
            Sql.update(database, "update guardian_link set valid_to = ? where id = ?",
                    LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(1), GUARDIAN_LINK_KARIN_ELSA);
            HttpResponse<String> ended = call("GET", MINE + "?limit=100", karin, null, null);
            assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
            assertThat(ended.body()).as("a guardian whose link ended yesterday sees nothing of the child")
                    .doesNotContain(PERSON_ELSA.toString()).doesNotContain(assignment);
            assertThat(json(ended.body()).getInt("unread")).as("nor counts it").isZero();
            assertThat(json(ended.body()).containsKey("nextCursor")).as("nor a cursor").isFalse();
        } finally {
            Sql.update(database, "update guardian_link set valid_to = null where id = ?", GUARDIAN_LINK_KARIN_ELSA);
        }
    }

    private static void assertAbout(JsonObject item, String kind, UUID student, String assignment) {
        assertThat(item.getString("kind")).isEqualTo(kind);
        assertThat(item.getString("studentId")).isEqualTo(student.toString());
        assertThat(item.getString("assignmentId")).isEqualTo(assignment);
        assertThat(item.getString("groupId")).isEqualTo(GROUP_MA1C_A.toString());
    }

    private List<JsonObject> items(String authorization) throws Exception {
        HttpResponse<String> answer = call("GET", MINE + "?limit=100", authorization, null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return array(answer.body());
    }

    private int unread(String authorization) throws Exception {
        HttpResponse<String> answer = call("GET", MINE + "?limit=1", authorization, null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body()).getInt("unread");
    }

    private static List<JsonObject> array(String body) {
        return json(body).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
