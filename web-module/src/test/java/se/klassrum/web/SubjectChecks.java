package se.klassrum.web;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * Earlier assessments follow the subject (rule S1) over HTTP. Julia studied Ma1c with Anna in two groups that are
 * archived now: in one Anna published her assessment, in the other she left a draft. This year Anna teaches Julia Ma2c,
 * another syllabus of the same subject at the same school: from then on she reads the published Ma1c assessment
 * among Julia's assessments, and never the draft.
 */
abstract class SubjectChecks extends ServerCalls {

    private final HttpClient http = HttpClient.newHttpClient();

    private static String as(UUID objectId) {
        return TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    @Test
    void aTeacherOfAnotherSyllabusOfTheSubjectReadsTheEarlierPublishedAssessmentButNotTheDraft(DataSource database)
            throws Exception {
        String marker = Long.toHexString(System.nanoTime());
        UUID published = group(database, "Ma1c publicerat " + marker, null);
        UUID drafted = group(database, "Ma1c utkast " + marker, null);
        assertThat(assess(published, "Publicerat " + marker, true).statusCode()).isEqualTo(200);
        assertThat(assess(drafted, "Utkast " + marker, false).statusCode()).isEqualTo(200);
        Sql.update(database, "update study_group set archived = true where id in (?, ?)", published, drafted);
        String juliasAssessments = "/api/v1/students/" + PERSON_JULIA + "/assessments";

        HttpResponse<String> before = get(juliasAssessments, as(OID_ANNA));
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(before.body()).as("no current group of Anna's with Julia yet").doesNotContain(marker);

        UUID ma2 = UUID.randomUUID();
        Sql.update(database, "insert into syllabus (id, tenant_id, subject_id, code, name) select ?, tenant_id, subject_id,"
                + " ?, ? from syllabus where id = ?", ma2, "MA2" + marker, "Matematik 2c", SYLLABUS_MATMAT01C);
        group(database, "Ma2c " + marker, ma2);

        HttpResponse<String> after = get(juliasAssessments, as(OID_ANNA));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(after.body()).contains("Publicerat " + marker).doesNotContain("Utkast " + marker);

        HttpResponse<String> petras = get(juliasAssessments, as(OID_PETRA));
        assertThat(petras.body()).as("a maths teacher at another school, with no group of Julia's")
                .doesNotContain(marker);
    }

    /**
     * A connected teaching group of Anna's with Julia, at the school of Ma1c-A and in its syllabus unless another is
     * given.
     */
    private static UUID group(DataSource database, String name, UUID syllabus) throws Exception {
        UUID id = UUID.randomUUID();
        Sql.update(database, "insert into study_group (id, tenant_id, school_id, kind, name, connected, archived, school_year,"
                + " syllabus_id) select ?, tenant_id, school_id, 'TEACHING', ?, true, false, school_year, coalesce(cast(? as uuid), syllabus_id)"
                + " from study_group where id = ?", id, name, syllabus, GROUP_MA1C_A);
        for (Object[] member : new Object[][] {{PERSON_ANNA, "OWNER"}, {PERSON_JULIA, "MEMBER"}}) {
            Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from)"
                    + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), TENANT_SOLBACKA, id, member[0], member[1],
                    LocalDate.now().minusDays(60));
        }
        return id;
    }

    private HttpResponse<String> assess(UUID group, String comment, boolean publish) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/students/" + PERSON_JULIA + "/assessments"))
                .header("Authorization", "Bearer " + as(OID_ANNA)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"group\":\"" + group + "\",\"grade\":\"B\",\"comment\":\"<p>"
                        + comment + "</p>\",\"publish\":" + publish + "}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
