package se.klassrum.web;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
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
 * The development overview (utvecklingsöversikt, rules H2–H4) over HTTP. Last year Elsa studied history in a group
 * that is archived now, and this term she left a philosophy group; in both Anna returned work with feedback. Elsa,
 * her guardian Karin and her mentor Bertil read that work; Anna, who owns both groups, and a guardian whose link has
 * ended are answered as if Elsa did not exist. Work that was not returned with feedback is in nobody's overview.
 */
abstract class OverviewChecks extends ServerCalls {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String OVERVIEW = "/api/v1/students/" + PERSON_ELSA + "/overview";

    /** The groups and work made once for all checks of this class (they share the deployment). */
    private static volatile Fixture fixture;

    private record Fixture(String marker, UUID archived, UUID left) {
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private static String as(UUID objectId) {
        return TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    @Test
    void elsaReadsHerAssessedWorkFromAnArchivedGroupAndFromAGroupSheLeft(DataSource database) throws Exception {
        Fixture made = fixture(database);

        HttpResponse<String> answer = getAs(OVERVIEW, "Bearer " + as(OID_ELSA), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("Källkritik " + made.marker()).contains("Argumentation " + made.marker())
                .contains("Historia " + made.marker()).contains("Filosofi " + made.marker())
                .contains("Tydliga källor").doesNotContain("onerror");
        assertThat(answer.body()).contains(made.archived().toString()).contains(made.left().toString())
                .contains("\"returnedAt\"").contains("\"schoolYear\"");
    }

    @Test
    void workThatIsNotReturnedWithFeedbackIsInNobodysOverview(DataSource database) throws Exception {
        Fixture made = fixture(database);

        String elsas = getAs(OVERVIEW, "Bearer " + as(OID_ELSA), null).body();
        String bertils = getAs(OVERVIEW, "Bearer " + as(OID_BERTIL), null).body();

        for (String body : new String[] {elsas, bertils}) {
            assertThat(body).contains("Källkritik " + made.marker())
                    .doesNotContain("Ej rättad " + made.marker())
                    .doesNotContain("Utkast " + made.marker())
                    .doesNotContain("Komplettering " + made.marker());
        }
    }

    @Test
    void herGuardianReadsTheSameAndHerActiveMentorReadsTheEarlierWork(DataSource database) throws Exception {
        Fixture made = fixture(database);
        String karin = GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);

        HttpResponse<String> guardians = getAs(OVERVIEW, null, karin);
        HttpResponse<String> mentors = getAs(OVERVIEW, "Bearer " + as(OID_BERTIL), null);

        assertThat(guardians.statusCode()).as(guardians.body()).isEqualTo(200);
        assertThat(guardians.body()).contains("Källkritik " + made.marker()).contains("Argumentation " + made.marker());
        assertThat(mentors.statusCode()).as(mentors.body()).isEqualTo(200);
        assertThat(mentors.body()).contains("Källkritik " + made.marker()).contains("Argumentation " + made.marker());
    }

    @Test
    void aTeacherWhoOwnsTheGroupsAndATeacherOfAnotherGroupGetTheAnswerForAnUnknownStudent(DataSource database)
            throws Exception {
        Fixture made = fixture(database);
        String unknown = "/api/v1/students/" + UUID.randomUUID() + "/overview";

        for (UUID teacher : new UUID[] {OID_ANNA, OID_PETRA}) {
            // One request id for both: it is the only part of a problem that differs from request to request.
            String requestId = "alike-" + UUID.randomUUID();
            HttpResponse<String> overview = getAs(OVERVIEW, "Bearer " + as(teacher), null, requestId);
            HttpResponse<String> nobody = getAs(unknown, "Bearer " + as(teacher), null, requestId);
            assertThat(overview.statusCode()).as(overview.body()).isEqualTo(404);
            assertThat(overview.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(overview.body()).isEqualTo(nobody.body()).doesNotContain("Elsa").doesNotContain(made.marker());
        }
    }

    @Test
    void aGuardianWhoseLinkHasEndedGetsTheAnswerForAnUnknownStudent(DataSource database) throws Exception {
        Fixture made = fixture(database);
        String karin = GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        Sql.update(database, "update guardian_link set valid_to = ? where id = ?", LocalDate.now().minusDays(1),
                GUARDIAN_LINK_KARIN_ELSA);
        try {
            HttpResponse<String> answer = getAs(OVERVIEW, null, karin);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain(made.marker()).doesNotContain("Elsa");
        } finally {
            Sql.update(database, "update guardian_link set valid_to = null where id = ?", GUARDIAN_LINK_KARIN_ELSA);
        }
    }

    @Test
    void theOverviewRequestIsOneEntryInTheAuditLog(DataSource database) throws Exception {
        fixture(database);
        String requestId = "overview-" + UUID.randomUUID();

        assertThat(getAs(OVERVIEW, "Bearer " + as(OID_ELSA), null, requestId).statusCode()).isEqualTo(200);

        assertThat(Sql.strings(database, "select data_kind || ' ' || decision from audit_entry where request_id = ?",
                requestId)).containsExactly("DEVELOPMENT_OVERVIEW ALLOW");

        String refused = "overview-" + UUID.randomUUID();
        assertThat(getAs(OVERVIEW, "Bearer " + as(OID_ANNA), null, refused).statusCode()).isEqualTo(404);
        assertThat(Sql.strings(database, "select data_kind || ' ' || decision from audit_entry where request_id = ?",
                refused)).containsExactly("DEVELOPMENT_OVERVIEW DENY");
    }

    /**
     * Greta and Hugo have no assessed work, only an assessment each that Anna published in a group that is archived now
     * and that both have left (rules H2 to H4): Greta and her mentor Bertil read hers in her overview, by subject, and
     * Hugo's guardian Olof reads his; Anna, who no longer teaches them, gets the answer for an unknown student.
     */
    @Test
    void anOverviewOfPublishedAssessmentsAloneIsReadByTheStudentHerGuardianAndHerMentor(DataSource database)
            throws Exception {
        String marker = Long.toHexString(System.nanoTime());
        UUID group = UUID.randomUUID();
        Sql.update(database, "insert into study_group (id, tenant_id, school_id, kind, name, connected, archived, school_year,"
                + " syllabus_id) select ?, tenant_id, school_id, 'TEACHING', ?, true, false, school_year, syllabus_id"
                + " from study_group where id = ?", group, "Ma1c " + marker, GROUP_MA1C_A_PREVIOUS);
        for (Object[] member : new Object[][] {{PERSON_ANNA, "OWNER"}, {PERSON_GRETA, "MEMBER"}, {PERSON_HUGO, "MEMBER"}}) {
            Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from)"
                    + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), TENANT_SOLBACKA, group, member[0], member[1],
                    LocalDate.now().minusDays(60));
        }
        for (UUID student : new UUID[] {PERSON_GRETA, PERSON_HUGO}) {
            HttpResponse<String> assessed = sendAs("PUT", "/api/v1/students/" + student + "/assessments", as(OID_ANNA),
                    "{\"group\":\"" + group + "\",\"grade\":\"C\",\"comment\":\"<p>Omdöme " + marker + "</p>\","
                            + "\"publish\":true}");
            assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
        }
        Sql.update(database, "update study_group set archived = true where id = ?", group);
        Sql.update(database, "update membership set valid_to = ? where group_id = ? and role = 'MEMBER'",
                LocalDate.now().minusDays(1), group);
        String overview = "/api/v1/students/" + PERSON_GRETA + "/overview";
        String olof = GuardianSignIns.signIn(this::uri, http, database, PERSON_OLOF);

        HttpResponse<String> gretas = getAs(overview, "Bearer " + as(OID_GRETA), null);
        HttpResponse<String> mentors = getAs(overview, "Bearer " + as(OID_BERTIL), null);
        HttpResponse<String> guardians = getAs("/api/v1/students/" + PERSON_HUGO + "/overview", null, olof);
        HttpResponse<String> annas = getAs(overview, "Bearer " + as(OID_ANNA), null);

        for (HttpResponse<String> answer : List.of(gretas, mentors, guardians)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("Omdöme " + marker).contains("Ma1c " + marker)
                    .contains("\"subjectName\"").contains("\"grade\":\"C\"");
        }
        assertThat(annas.statusCode()).as(annas.body()).isEqualTo(404);
        assertThat(annas.body()).doesNotContain(marker);
    }

    /** Two groups of Anna's with Elsa, work in both, then the one archived and Elsa out of the other. */
    private Fixture fixture(DataSource database) throws Exception {
        if (fixture != null) {
            return fixture;
        }
        String marker = Long.toHexString(System.nanoTime());
        UUID archived = group(database, "Historia " + marker, GROUP_MA1C_A_PREVIOUS);
        UUID left = group(database, "Filosofi " + marker, GROUP_EN5_B);

        returned(archived, "Källkritik " + marker, "<p>Tydliga källor <img src=x onerror=alert(1)></p>");
        returned(left, "Argumentation " + marker, "<p>Väl argumenterat</p>");
        String handedIn = assignment(archived, "Ej rättad " + marker);
        assertThat(sendAs("PUT", submission(archived, handedIn), as(OID_ELSA), "{\"content\":\"<p>Mitt svar</p>\"}")
                .statusCode()).isEqualTo(200);
        String drafted = assignment(archived, "Utkast " + marker);
        assertThat(sendAs("PUT", submission(archived, drafted) + "/draft", as(OID_ELSA), "{\"content\":\"<p>Påbörjat</p>\"}")
                .statusCode()).isEqualTo(200);
        String completion = assignment(left, "Komplettering " + marker);
        assertThat(sendAs("PUT", submission(left, completion), as(OID_ELSA), "{\"content\":\"<p>Svar</p>\"}")
                .statusCode()).isEqualTo(200);
        assertThat(sendAs("POST", submission(left, completion) + "/completion", as(OID_ANNA),
                "{\"comment\":\"<p>Utveckla resonemanget</p>\"}").statusCode()).isEqualTo(200);

        LocalDate yesterday = LocalDate.now().minusDays(1);
        Sql.update(database, "update study_group set archived = true where id = ?", archived);
        Sql.update(database, "update membership set valid_to = ? where group_id in (?, ?) and person_id = ?", yesterday,
                archived, left, PERSON_ELSA);
        fixture = new Fixture(marker, archived, left);
        return fixture;
    }

    /** A connected teaching group of Anna's at the gymnasium, of the school year of {@code yearOf}, with Elsa in it. */
    private static UUID group(DataSource database, String name, UUID yearOf) throws Exception {
        UUID id = UUID.randomUUID();
        Sql.update(database, "insert into study_group (id, tenant_id, school_id, kind, name, connected, archived, school_year)"
                + " select ?, tenant_id, school_id, 'TEACHING', ?, true, false, school_year from study_group where id = ?",
                id, name, yearOf);
        LocalDate from = LocalDate.now().minusDays(60);
        for (Object[] member : new Object[][] {{PERSON_ANNA, "OWNER"}, {PERSON_ELSA, "MEMBER"}}) {
            Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from)"
                    + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), TENANT_SOLBACKA, id, member[0], member[1], from);
        }
        return id;
    }

    private void returned(UUID group, String title, String feedback) throws Exception {
        String assignment = assignment(group, title);
        assertThat(sendAs("PUT", submission(group, assignment), as(OID_ELSA), "{\"content\":\"<p>Mitt arbete</p>\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> back = sendAs("POST", submission(group, assignment) + "/return", as(OID_ANNA),
                "{\"feedback\":\"" + feedback + "\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    }

    private String assignment(UUID group, String title) throws Exception {
        HttpResponse<String> created = sendAs("POST", "/api/v1/groups/" + group + "/assignments", as(OID_ANNA),
                "{\"title\":\"" + title + "\",\"instructions\":\"<p>Gör uppgiften</p>\",\"dueAt\":\""
                        + OffsetDateTime.now().plusDays(7) + "\",\"publish\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher matcher = ID.matcher(created.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String submission(UUID group, String assignment) {
        return "/api/v1/groups/" + group + "/assignments/" + assignment + "/submissions/" + PERSON_ELSA;
    }
}
