package se.klassrum.web;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * What follows a student to a new school, over HTTP (rules S4, H3 and the bounds of H4). Last year Hugo studied at
 * Solbackaskolan, in a group of Petra's where she returned his work with feedback; now he studies at the gymnasium
 * only. He keeps that work in his development overview, and so does Olof, his god man; he does not open the old
 * group any more. Petra, at the old school, no longer reads his hand-in, and does not open his overview. A mentor
 * at the gymnasium gets the earlier work of the gymnasium's groups only, not the old school's.
 */
abstract class EarlierSchoolChecks extends ServerCalls {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String OVERVIEW = "/api/v1/students/" + PERSON_HUGO + "/overview";

    /** The old group and the work made once for all checks of this class (they share the deployment). */
    private static volatile Fixture fixture;

    private record Fixture(String marker, UUID group, String assignment) {
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private static String as(UUID objectId) {
        return TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    @Test
    void hugoKeepsHisReturnedWorkFromTheOldSchoolButNotTheOldGroup(DataSource database) throws Exception {
        Fixture made = fixture(database);

        HttpResponse<String> overview = get(OVERVIEW, "Bearer " + as(OID_HUGO), null);
        HttpResponse<String> oldGroup = get("/api/v1/groups/" + made.group() + "/assignments", "Bearer " + as(OID_HUGO), null);

        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        assertThat(overview.body()).contains("Bråk " + made.marker()).contains("Snyggt uträknat").contains(made.group().toString());
        assertThat(oldGroup.statusCode()).as(oldGroup.body()).isIn(403, 404);
        assertThat(oldGroup.body()).doesNotContain(made.marker());
    }

    @Test
    void hisGodManReadsTheSameOverview(DataSource database) throws Exception {
        Fixture made = fixture(database);
        String olof = GuardianSignIns.signIn(this::uri, http, database, PERSON_OLOF);

        HttpResponse<String> overview = get(OVERVIEW, null, olof);

        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        assertThat(overview.body()).contains("Bråk " + made.marker()).contains("Snyggt uträknat");
    }

    @Test
    void theOldSchoolsTeacherNoLongerReadsHisHandInNorOpensHisOverview(DataSource database) throws Exception {
        Fixture made = fixture(database);
        String requestId = "earlier-" + UUID.randomUUID();

        HttpResponse<String> handIn = get("/api/v1/groups/" + made.group() + "/assignments/" + made.assignment()
                + "/submissions/" + PERSON_HUGO, "Bearer " + as(OID_PETRA), null);
        HttpResponse<String> overview = get(OVERVIEW, "Bearer " + as(OID_PETRA), null, requestId);
        HttpResponse<String> unknown = get("/api/v1/students/" + UUID.randomUUID() + "/overview", "Bearer " + as(OID_PETRA),
                null, requestId);

        assertThat(handIn.statusCode()).as(handIn.body()).isIn(403, 404);
        assertThat(handIn.body()).doesNotContain("Snyggt uträknat");
        assertThat(overview.statusCode()).isEqualTo(404);
        assertThat(overview.body()).isEqualTo(unknown.body()).doesNotContain(made.marker());
    }

    @Test
    void aMentorAtTheNewSchoolGetsNoWorkFromTheOldSchool(DataSource database) throws Exception {
        Fixture made = fixture(database);
        UUID membership = UUID.randomUUID();
        Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from) values (?, ?, ?, ?, "
                + "'MEMBER', ?)", membership, TENANT_SOLBACKA, GROUP_NA24A_MENTOR, PERSON_HUGO, LocalDate.now().minusDays(30));
        try {
            HttpResponse<String> overview = get(OVERVIEW, "Bearer " + as(OID_BERTIL), null);

            assertThat(overview.body()).doesNotContain(made.marker()).doesNotContain("Snyggt uträknat");
        } finally {
            Sql.update(database, "delete from membership where id = ?", membership);
        }
    }

    /**
     * Hugo back at Solbackaskolan for a moment: a group of Petra's with him in it, work handed in and returned with
     * feedback; then his membership and his role there end as they did last year.
     */
    private Fixture fixture(DataSource database) throws Exception {
        if (fixture != null) {
            return fixture;
        }
        String marker = Long.toHexString(System.nanoTime());
        List<String> roleEnd = Sql.strings(database, "select cast(valid_to as text) from school_role where person_id = ? "
                + "and school_id = ? and role = 'STUDENT'", PERSON_HUGO, SCHOOL_SOLBACKASKOLAN);
        assertThat(roleEnd).as("Hugo studied at Solbackaskolan last year").singleElement().isNotNull();
        UUID group = UUID.randomUUID();
        Sql.update(database, "update school_role set valid_to = null where person_id = ? and school_id = ? and role = 'STUDENT'",
                PERSON_HUGO, SCHOOL_SOLBACKASKOLAN);
        try {
            Sql.update(database, "insert into study_group (id, tenant_id, school_id, kind, name, connected, archived, school_year)"
                    + " select ?, tenant_id, school_id, 'TEACHING', ?, true, false, school_year from study_group where id = ?",
                    group, "Matematik " + marker, GROUP_MA8_A);
            LocalDate from = LocalDate.now().minusDays(60);
            for (Object[] member : new Object[][] {{PERSON_PETRA, "OWNER"}, {PERSON_HUGO, "MEMBER"}}) {
                Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from)"
                        + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), TENANT_SOLBACKA, group, member[0], member[1], from);
            }
            HttpResponse<String> created = send("POST", "/api/v1/groups/" + group + "/assignments", as(OID_PETRA),
                    "{\"title\":\"Bråk " + marker + "\",\"instructions\":\"<p>Räkna</p>\",\"dueAt\":\""
                            + OffsetDateTime.now().plusDays(7) + "\",\"publish\":true}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher id = ID.matcher(created.body());
            assertThat(id.find()).isTrue();
            String submission = "/api/v1/groups/" + group + "/assignments/" + id.group(1) + "/submissions/" + PERSON_HUGO;
            assertThat(send("PUT", submission, as(OID_HUGO), "{\"content\":\"<p>3/4</p>\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> back = send("POST", submission + "/return", as(OID_PETRA),
                    "{\"feedback\":\"<p>Snyggt uträknat</p>\"}");
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
            Sql.update(database, "update membership set valid_to = ? where group_id = ? and person_id = ?",
                    LocalDate.now().minusDays(1), group, PERSON_HUGO);
            fixture = new Fixture(marker, group, id.group(1));
            return fixture;
        } finally {
            Sql.update(database, "update school_role set valid_to = cast(? as date) where person_id = ? and school_id = ? "
                    + "and role = 'STUDENT'", roleEnd.get(0), PERSON_HUGO, SCHOOL_SOLBACKASKOLAN);
        }
    }

    private HttpResponse<String> get(String path, String authorization, String cookie) throws Exception {
        return get(path, authorization, cookie, null);
    }

    private HttpResponse<String> get(String path, String authorization, String cookie, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
