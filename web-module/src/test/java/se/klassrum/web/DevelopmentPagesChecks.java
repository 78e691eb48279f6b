package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * The development overview on the pages: Elsa's "Min utveckling" and her guardian Karin's view of it on a phone,
 * in Swedish and in English. Anna returns a piece of Elsa's work in En5-B with feedback first; a hand-in she has not
 * returned yet is on neither page.
 */
abstract class DevelopmentPagesChecks extends BrowserTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void elsaReadsHerAssessedWorkOnMinUtvecklingInBothLanguages() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        returnedWork(marker);

        open("sv-SE,sv", 1280, 1000);
        signInAs("elsa");
        clickAndWait(waitFor(By.id("myDevelopmentLink")));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Min utveckling");
        assertThat(text()).contains("Uppsats " + marker, "Tydlig tes " + marker, "En5-B", "Läsår", "Återlämnad")
                .doesNotContain("Ej rättad " + marker, "Exception");
        assertThat(axe("Min utveckling (Elsa)")).isEmpty();
        screenshot("development-elsa");

        clickAndWait(browser.findElement(By.id("language:en")));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("My development");
        assertThat(text()).contains("Uppsats " + marker, "School year", "Returned").doesNotContain("Ej rättad " + marker);
        assertThat(axe("My development (Elsa)")).isEmpty();
    }

    @Test
    void karinOpensElsasDevelopmentOverviewFromTheChildPageOnHerPhone(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        returnedWork(marker);

        open("sv-SE,sv", 375, 812);
        signInAsGuardian(GuardianSignIns.emailLoginOf(database, PERSON_KARIN));
        browser.navigate().to(uri("/guardian/child.xhtml?id=" + PERSON_ELSA).toURL());
        clickAndWait(waitFor(By.id("overviewLink")));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Utvecklingsöversikt");
        assertThat(text()).contains("Uppsats " + marker, "Tydlig tes " + marker, "En5-B")
                .doesNotContain("Ej rättad " + marker, "Greta", "Exception");
        assertNoHorizontalScroll("the guardian's development overview");
        assertTapTargetsOnAPhone("the guardian's development overview");
        assertThat(axe("Utvecklingsöversikt (Karin)")).isEmpty();
        screenshot("development-karin");

        clickAndWait(browser.findElement(By.id("language:en")));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Development overview");
        assertThat(text()).contains("Uppsats " + marker, "School year", "Returned");
        assertNoHorizontalScroll("the guardian's development overview in English");
        assertTapTargetsOnAPhone("the guardian's development overview in English");
        assertThat(axe("Development overview (Karin)")).isEmpty();
    }

    @Test
    void bertilReadsElsasEarlierPublishedAssessmentsBySubjectOnHisPhone(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID group = UUID.randomUUID();
        Sql.update(database, "insert into study_group (id, tenant_id, school_id, kind, name, connected, archived, school_year,"
                + " syllabus_id) select ?, tenant_id, school_id, 'TEACHING', ?, true, false, school_year, syllabus_id"
                + " from study_group where id = ?", group, "Ma1c förra året " + marker, GROUP_MA1C_A);
        for (Object[] member : new Object[][] {{PERSON_ANNA, "OWNER"}, {PERSON_ELSA, "MEMBER"}}) {
            Sql.update(database, "insert into membership (id, tenant_id, group_id, person_id, role, valid_from)"
                    + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), TENANT_SOLBACKA, group, member[0], member[1],
                    java.time.LocalDate.now().minusDays(60));
        }
        api("PUT", "/api/v1/students/" + PERSON_ELSA + "/assessments", OID_ANNA, "{\"group\":\"" + group
                + "\",\"grade\":\"B\",\"comment\":\"<p>Säker räkning " + marker + "</p>\",\"publish\":true}", 200);
        Sql.update(database, "update study_group set archived = true where id = ?", group);

        open("sv-SE,sv", 375, 812);
        signInAs("bertil");
        browser.navigate().to(uri("/development.xhtml?student=" + PERSON_ELSA).toURL());
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Utvecklingsöversikt");
        assertThat(text()).contains("Publicerade omdömen per ämne", "Säker räkning " + marker,
                "Givet i Ma1c förra året " + marker).doesNotContain("Exception");
        // The staff pages' header is not held to the guardian pages' 44 px tap targets; the overview has no controls.
        assertNoHorizontalScroll("the mentor's development overview");
        assertThat(axe("Utvecklingsöversikt (Bertil)")).isEmpty();
        screenshot("development-bertil");

        clickAndWait(browser.findElement(By.id("language:en")));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Development overview");
        assertThat(text()).contains("Published assessments by subject", "Säker räkning " + marker,
                "Given in Ma1c förra året " + marker);
        assertNoHorizontalScroll("the mentor's development overview in English");
        assertThat(axe("Development overview (Bertil)")).isEmpty();
    }

    /** In En5-B: Elsa's essay returned by Anna with feedback, and a hand-in Anna has not returned. */
    private void returnedWork(String marker) throws Exception {
        String essay = assignment("Uppsats " + marker);
        api("PUT", submission(essay), OID_ELSA, "{\"content\":\"<p>Min uppsats</p>\"}", 200);
        api("POST", submission(essay) + "/return", OID_ANNA, "{\"feedback\":\"<p>Tydlig tes " + marker + "</p>\"}", 200);
        String waiting = assignment("Ej rättad " + marker);
        api("PUT", submission(waiting), OID_ELSA, "{\"content\":\"<p>Mitt svar</p>\"}", 200);
    }

    private String assignment(String title) throws Exception {
        String body = api("POST", "/api/v1/groups/" + GROUP_EN5_B + "/assignments", OID_ANNA, "{\"title\":\"" + title
                + "\",\"instructions\":\"<p>Skriv</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7)
                + "\",\"publish\":true}", 201);
        Matcher matcher = ID.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private static String submission(String assignment) {
        return "/api/v1/groups/" + GROUP_EN5_B + "/assignments/" + assignment + "/submissions/" + PERSON_ELSA;
    }

    private String api(String method, String path, UUID objectId, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }
}
