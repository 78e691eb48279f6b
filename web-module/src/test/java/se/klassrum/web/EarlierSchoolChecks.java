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
 * What follows a student to a new school, over HTTP (rules S2, S3, S4, H3 and the bounds of H4). Last year Hugo
 * studied at Solbackaskolan, in groups of Petra's where she returned his work with feedback and assessed him; now he
 * studies at the gymnasium only. He keeps that work in his development overview, and so does Olof, his god man; he
 * does not open the old group any more. Petra, at the old school, no longer reads his hand-in or assessments, and
 * does not open his overview. His new maths teacher reads the old school's published assessment of her own syllabus;
 * a mentor at the gymnasium reads his published assessments but none of the old school's work.
 */
abstract class EarlierSchoolChecks extends ServerCalls {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String OVERVIEW = "/api/v1/students/" + PERSON_HUGO + "/overview";

    /** The old group and the work made once for all checks of this class (they share the deployment). */
    private static volatile Fixture fixture;

    /**
     * @param assessedIn the old groups Petra assessed Hugo in: Ma1c published, another syllabus of the subject published,
     *                   Ma1c as a draft
     * @param otherSyllabusId that other syllabus
     */
    private record Fixture(String marker, UUID group, String assignment, List<UUID> assessedIn, UUID otherSyllabusId) {

        String sameSyllabus() {
            return "Samma kursplan " + marker;
        }

        String otherSyllabus() {
            return "Annan kursplan " + marker;
        }

        String draft() {
            return "Utkast " + marker;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private static String as(UUID objectId) {
        return TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    @Test
    void hugoKeepsHisReturnedWorkFromTheOldSchoolButNotTheOldGroup(DataSource database) throws Exception {
        Fixture made = fixture(database);

        HttpResponse<String> overview = getAs(OVERVIEW, "Bearer " + as(OID_HUGO), null);
        HttpResponse<String> oldGroup = getAs("/api/v1/groups/" + made.group() + "/assignments", "Bearer " + as(OID_HUGO), null);

        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        assertThat(overview.body()).contains("Bråk " + made.marker()).contains("Snyggt uträknat").contains(made.group().toString());
        assertThat(oldGroup.statusCode()).as(oldGroup.body()).isIn(403, 404);
        assertThat(oldGroup.body()).doesNotContain(made.marker());
    }

    @Test
    void hisGodManReadsTheSameOverview(DataSource database) throws Exception {
        Fixture made = fixture(database);
        String olof = GuardianSignIns.signIn(this::uri, http, database, PERSON_OLOF);

        HttpResponse<String> overview = getAs(OVERVIEW, null, olof);

        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        assertThat(overview.body()).contains("Bråk " + made.marker()).contains("Snyggt uträknat");
    }

    @Test
    void theOldSchoolsTeacherNoLongerReadsHisHandInNorOpensHisOverview(DataSource database) throws Exception {
        Fixture made = fixture(database);
        String requestId = "earlier-" + UUID.randomUUID();

        HttpResponse<String> handIn = getAs("/api/v1/groups/" + made.group() + "/assignments/" + made.assignment()
                + "/submissions/" + PERSON_HUGO, "Bearer " + as(OID_PETRA), null);
        HttpResponse<String> overview = getAs(OVERVIEW, "Bearer " + as(OID_PETRA), null, requestId);
        HttpResponse<String> unknown = getAs("/api/v1/students/" + UUID.randomUUID() + "/overview", "Bearer " + as(OID_PETRA),
                null, requestId);

        assertThat(handIn.statusCode()).as(handIn.body()).isIn(403, 404);
        assertThat(handIn.body()).doesNotContain("Snyggt uträknat");
        assertThat(overview.statusCode()).isEqualTo(404);
        assertThat(overview.body()).isEqualTo(unknown.body()).doesNotContain(made.marker());
    }

    /**
     * S2: Anna, who teaches Hugo Ma1c at the gymnasium now, reads his earlier published assessment of the same syllabus
     * from the old school; not one of another syllabus of the same subject, and not a draft. Petra, at the old school,
     * no longer reads them.
     */
    @Test
    void hisNewTeacherReadsTheOldSchoolsPublishedAssessmentOfHerSyllabusOnly(DataSource database) throws Exception {
        Fixture made = fixture(database);
        String assessments = "/api/v1/students/" + PERSON_HUGO + "/assessments";

        HttpResponse<String> annas = getAs(assessments, "Bearer " + as(OID_ANNA), null);
        HttpResponse<String> petras = getAs(assessments, "Bearer " + as(OID_PETRA), null);

        assertThat(annas.statusCode()).as(annas.body()).isEqualTo(200);
        assertThat(annas.body()).contains(made.sameSyllabus()).doesNotContain(made.otherSyllabus()).doesNotContain(made.draft());
        assertThat(petras.body()).doesNotContain(made.marker());
    }

    /**
     * The explanation of an earlier assessment is the decision reading it gets (S2): asked with the group it was given
     * in, Anna's published Ma1c assessment from the old school is allowed, the draft (EARLIER_PUBLISHED) and the other
     * syllabus's are not, as her list of his assessments shows, while a draft she would set now is; Petra, at the old
     * school, is allowed none. No explanation to Anna names the old school's groups, which she does not see.
     */
    @Test
    void anEarlierAssessmentIsExplainedToHisNewTeacherAsReadingItIsDecided(DataSource database) throws Exception {
        Fixture made = fixture(database);
        String question = "/api/v1/access/explain?student=" + PERSON_HUGO + "&kind=ASSESSMENT";

        HttpResponse<String> published = getAs(question + "&person=" + PERSON_ANNA + "&syllabus=" + SYLLABUS_MATMAT01C
                + "&assessmentGroup=" + made.assessedIn().get(0), "Bearer " + as(OID_ANNA), null);
        HttpResponse<String> otherSyllabus = getAs(question + "&person=" + PERSON_ANNA + "&syllabus=" + made.otherSyllabusId()
                + "&assessmentGroup=" + made.assessedIn().get(1), "Bearer " + as(OID_ANNA), null);
        HttpResponse<String> draft = getAs(question + "&person=" + PERSON_ANNA + "&syllabus=" + SYLLABUS_MATMAT01C
                + "&published=false&assessmentGroup=" + made.assessedIn().get(2), "Bearer " + as(OID_ANNA), null);
        HttpResponse<String> toBeSet = getAs(question + "&person=" + PERSON_ANNA + "&syllabus=" + SYLLABUS_MATMAT01C
                + "&published=false", "Bearer " + as(OID_ANNA), null);
        HttpResponse<String> petras = getAs(question + "&person=" + PERSON_PETRA + "&syllabus=" + SYLLABUS_MATMAT01C
                + "&assessmentGroup=" + made.assessedIn().get(0), "Bearer " + as(OID_PETRA), null);
        HttpResponse<String> notAnAssessment = getAs("/api/v1/access/explain?student=" + PERSON_HUGO + "&kind=STUDENT_PROFILE"
                + "&person=" + PERSON_ANNA + "&assessmentGroup=" + made.assessedIn().get(0), "Bearer " + as(OID_ANNA), null);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).startsWith("{\"allowed\":true");
        assertThat(otherSyllabus.statusCode()).as(otherSyllabus.body()).isEqualTo(200);
        assertThat(otherSyllabus.body()).startsWith("{\"allowed\":false");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(draft.body()).as("a draft from the old school, as her list leaves it out").startsWith("{\"allowed\":false")
                .contains("{\"code\":\"EARLIER_PUBLISHED\",\"passed\":false");
        assertThat(toBeSet.body()).as("without its group: an assessment Anna sets in her current Ma1c group")
                .startsWith("{\"allowed\":true");
        assertThat(petras.statusCode()).as(petras.body()).isIn(200, 404);
        assertThat(petras.body()).doesNotStartWith("{\"allowed\":true");
        for (HttpResponse<String> annas : List.of(published, otherSyllabus, draft)) {
            assertThat(annas.body()).as("the old school's groups, which Anna does not see").doesNotContain(made.marker());
        }
        assertThat(notAnAssessment.statusCode()).isEqualTo(400);
    }

    /**
     * S3 and the bounds of H4: a mentor at the new school reads Hugo's published assessments from the old school, of
     * any syllabus, but not the draft, not his old hand-in and none of the old school's work in his overview.
     */
    @Test
    void aMentorAtTheNewSchoolReadsHisPublishedAssessmentsButNoWorkFromTheOldSchool(DataSource database) throws Exception {
        Fixture made = fixture(database);
        UUID membership = UUID.randomUUID();
        Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from) values (?, ?, ?, ?, "
                + "'MEMBER', ?)", membership, TENANT_SOLBACKA, GROUP_NA24A_MENTOR, PERSON_HUGO, LocalDate.now().minusDays(30));
        try {
            HttpResponse<String> assessments = getAs("/api/v1/students/" + PERSON_HUGO + "/assessments", "Bearer " + as(OID_BERTIL), null);
            HttpResponse<String> handIn = getAs("/api/v1/groups/" + made.group() + "/assignments/" + made.assignment()
                    + "/submissions/" + PERSON_HUGO, "Bearer " + as(OID_BERTIL), null);
            HttpResponse<String> overview = getAs(OVERVIEW, "Bearer " + as(OID_BERTIL), null);

            assertThat(assessments.statusCode()).as(assessments.body()).isEqualTo(200);
            assertThat(assessments.body()).contains(made.sameSyllabus()).contains(made.otherSyllabus())
                    .doesNotContain(made.draft());
            assertThat(handIn.statusCode()).as(handIn.body()).isIn(403, 404);
            assertThat(handIn.body()).doesNotContain("Snyggt uträknat");
            assertThat(overview.body()).doesNotContain("Bråk " + made.marker()).doesNotContain("Snyggt uträknat");
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
            insertGroup(database, group, "Matematik " + marker, null);
            HttpResponse<String> created = sendAs("POST", "/api/v1/groups/" + group + "/assignments", as(OID_PETRA),
                    "{\"title\":\"Bråk " + marker + "\",\"instructions\":\"<p>Räkna</p>\",\"dueAt\":\""
                            + OffsetDateTime.now().plusDays(7) + "\",\"publish\":true}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher id = ID.matcher(created.body());
            assertThat(id.find()).isTrue();
            String submission = "/api/v1/groups/" + group + "/assignments/" + id.group(1) + "/submissions/" + PERSON_HUGO;
            assertThat(sendAs("PUT", submission, as(OID_HUGO), "{\"content\":\"<p>3/4</p>\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> back = sendAs("POST", submission + "/return", as(OID_PETRA),
                    "{\"feedback\":\"<p>Snyggt uträknat</p>\"}");
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
            // Petra's assessments of Hugo there: Ma1c, the syllabus of Anna's group he is in now, published and as a
            // draft, and another syllabus of the same subject, published.
            UUID otherSyllabus = UUID.randomUUID();
            Sql.update(database, "insert into syllabus (id, tenant_id, subject_id, code, name) select ?, tenant_id, subject_id,"
                    + " ?, ? from syllabus where id = ?", otherSyllabus, "MA8" + marker, "Matematik åk 8", SYLLABUS_MATMAT01C);
            List<UUID> assessed = List.of(group(database, "Ma1c " + marker, SYLLABUS_MATMAT01C),
                    group(database, "Ma8 " + marker, otherSyllabus), group(database, "Ma1c utkast " + marker, SYLLABUS_MATMAT01C));
            Fixture made = new Fixture(marker, group, id.group(1), assessed, otherSyllabus);
            assertThat(assess(assessed.get(0), made.sameSyllabus(), true).statusCode()).isEqualTo(200);
            assertThat(assess(assessed.get(1), made.otherSyllabus(), true).statusCode()).isEqualTo(200);
            assertThat(assess(assessed.get(2), made.draft(), false).statusCode()).isEqualTo(200);
            Sql.update(database, "update membership set valid_to = ? where person_id = ? and group_id in (?, ?, ?, ?)",
                    LocalDate.now().minusDays(1), PERSON_HUGO, group, assessed.get(0), assessed.get(1), assessed.get(2));
            fixture = made;
            return fixture;
        } finally {
            Sql.update(database, "update school_role set valid_to = cast(? as date) where person_id = ? and school_id = ? "
                    + "and role = 'STUDENT'", roleEnd.get(0), PERSON_HUGO, SCHOOL_SOLBACKASKOLAN);
        }
    }

    /** A connected teaching group of Petra's at Solbackaskolan with Hugo in it, of the syllabus given (or none). */
    private static UUID group(DataSource database, String name, UUID syllabus) throws Exception {
        UUID id = UUID.randomUUID();
        insertGroup(database, id, name, syllabus);
        return id;
    }

    private static void insertGroup(DataSource database, UUID id, String name, UUID syllabus) throws Exception {
        Sql.update(database, "insert into study_group (id, tenant_id, school_id, kind, name, connected, archived, school_year,"
                + " syllabus_id) select ?, tenant_id, school_id, 'TEACHING', ?, true, false, school_year, cast(? as uuid)"
                + " from study_group where id = ?", id, name, syllabus, GROUP_MA8_A);
        LocalDate from = LocalDate.now().minusDays(60);
        for (Object[] member : new Object[][] {{PERSON_PETRA, "OWNER"}, {PERSON_HUGO, "MEMBER"}}) {
            Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from)"
                    + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), TENANT_SOLBACKA, id, member[0], member[1], from);
        }
    }

    private HttpResponse<String> assess(UUID group, String comment, boolean publish) throws Exception {
        return sendAs("PUT", "/api/v1/students/" + PERSON_HUGO + "/assessments", as(OID_PETRA), "{\"group\":\"" + group
                + "\",\"grade\":\"C\",\"comment\":\"<p>" + comment + "</p>\",\"publish\":" + publish + "}");
    }
}
