package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;


import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_SOLBACKA;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.OID_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_HUGO;
import static se.klassrum.roster.demo.DemoIds.PERSON_KARIN;

/**
 * The web pages in a real browser: Debian's headless Chromium, driven through its chromedriver, against the WAR
 * on Payara Micro with the demo data. A screenshot of each page lands in {@code target/screenshots/}.
 *
 * <p>Without Chromium the class is skipped with the reason, except under CI ({@code CI=true}), where that fails.
 */
abstract class PagesChecks extends BrowserTest {


    @Test
    void annaSeesHerGroupsAndPostsToMa1cA() throws IOException {
        open("sv-SE,sv");
        signInAs("anna");

        assertThat(browser.getCurrentUrl()).contains("/groups.xhtml");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mina grupper");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        assertThat(text()).contains("Demoläge", "Inloggad som Anna Andersson", "Solbacka gymnasium", "Ma1c-A", "En5-B")
                .doesNotContain("NA24a");
        screenshot("groups-anna");

        browser.findElement(By.linkText("Ma1c-A")).click();
        waitFor(By.id("write:body"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ma1c-A");
        assertThat(browser.findElement(By.cssSelector("label[for='write:body']")).getText()).isEqualTo("Ditt inlägg");

        String post = "Prov på fredag, kapitel 3 " + UUID.randomUUID();
        editor("write:body").sendKeys(post);
        browser.findElement(By.id("write:publish")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Inlägget är publicerat."));
        assertThat(browser.findElement(By.cssSelector("article.post")).getText()).contains(post, "Anna Andersson");
        assertThat(browser.getCurrentUrl()).contains("/group.xhtml?id=");
        screenshot("group-anna-posted");

        browser.findElement(By.id("signOut:signOutButton")).click();
        waitFor(By.cssSelector("[data-persona='anna']"));
        browser.navigate().to(uri("/groups.xhtml").toURL());
        assertThat(text()).contains("Du är inte inloggad").doesNotContain("Ma1c-A");
    }

    /**
     * Anna publishes an assignment; Elsa sees the count of her unread notifications beside "Notiser", reads the list in
     * Swedish, opens the new assignment from it (which marks it read, so the count goes down by one) and reads the list
     * in English.
     */
    @Test
    void elsaSeesHerUnreadNotificationsCountedAndListedInSwedishAndEnglish() throws Exception {
        String title = "Notis " + UUID.randomUUID().toString().substring(0, 8);
        String assignment = annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/assignments", "{\"title\":\"" + title
                + "\",\"instructions\":\"<p>Läs kapitel 4</p>\",\"dueAt\":\"" + java.time.OffsetDateTime.now().plusDays(5)
                + "\",\"publish\":true}");
        open("sv-SE,sv");
        signInAs("elsa");
        WebElement bell = waitFor(By.id("notificationsLink"));
        int unread = Integer.parseInt(browser.findElement(By.id("unreadCount")).getText());
        assertThat(unread).as("at least Anna's new assignment").isPositive();
        assertThat(bell.getAttribute("textContent").strip()).as("what a screen reader hears")
                .matches("Notiser\\s*" + unread + ", " + unread + " olästa");

        clickAndWait(bell);
        WebElement item = notification("Ny uppgift i Ma1c-A: " + title);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Notiser");
        assertThat(item.getAttribute("class")).contains("unread");
        assertThat(item.getText()).contains("Ny");
        screenshot("notifications-elsa-sv");
        assertThat(axe("notifications (Elsa, Swedish)")).isEmpty();

        clickAndWait(item.findElement(By.cssSelector("a.open")));
        waiting().until(ExpectedConditions.urlContains("/assignment.xhtml"));
        assertThat(browser.getCurrentUrl()).contains("id=" + assignment);
        assertThat(browser.findElements(By.id("unreadCount")).stream().map(WebElement::getText).findFirst().orElse("0"))
                .as("opened, so read").isEqualTo(String.valueOf(unread - 1));

        closeBrowser();
        open("en-GB,en");
        signInAs("elsa");
        clickAndWait(waitFor(By.id("notificationsLink")));
        WebElement english = notification("New assignment in Ma1c-A: " + title);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Notifications");
        assertThat(english.getAttribute("class")).doesNotContain("unread");
        screenshot("notifications-elsa-en");
        assertThat(axe("notifications (Elsa, English)")).isEmpty();
    }

    /**
     * Elsa chooses one summary a day, in English, on her list of notifications: saved, said so, and kept after a
     * reload; the guardian portal's list leads her back to hers.
     */
    @Test
    void elsaChoosesADailySummaryInEnglishForHerNotificationMail(DataSource database) throws Exception {
        try {
            open("sv-SE,sv");
            signInAs("elsa");
            clickAndWait(waitFor(By.id("notificationsLink")));
            waiting().until(ExpectedConditions.urlContains("/notifications.xhtml"));
            chooseADailySummaryInEnglish();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Notiser");
            assertThat(browser.findElements(By.cssSelector(".portal-top"))).as("the staff and students' header").isEmpty();
            screenshot("notifications-elsa-mail-saved");
            assertThat(axe("notifications with the mail choice saved (Elsa)")).isEmpty();

            browser.navigate().to(uri("/guardian/notifications.xhtml").toURL());
            waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/guardian/")));
            assertThat(browser.getCurrentUrl()).contains("/notifications.xhtml");
            assertThat(new Select(waitFor(By.id("mail:frequency"))).getFirstSelectedOption().getText())
                    .isEqualTo("En sammanfattning om dagen");
        } finally {
            Sql.update(database, "delete from mail_preference where person_id = ?", PERSON_ELSA);
        }
    }

    @Test
    void elsaReadsMa1cAButMayNotWriteAndIsToldWhyInEnglish() throws IOException {
        open("en-GB,en");
        signInAs("elsa");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My groups");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text()).contains("Ma1c-A", "NA24a mentorsgrupp", "Mentor group");
        screenshot("groups-elsa");

        browser.findElement(By.linkText("Ma1c-A")).click();
        waitFor(By.id("posts-heading"));
        assertThat(browser.findElements(By.id("denial"))).isEmpty();

        // A student may not post (the API refuses it, TeachingChecks): the page does not offer a form that would be
        // refused afterwards.
        assertThat(browser.findElements(By.id("write:body"))).isEmpty();
        assertThat(browser.findElements(By.id("write-heading"))).isEmpty();
        assertThat(text()).doesNotContain("Exception");
        screenshot("group-elsa-denied");
    }

    @Test
    void saraExplainsWhyCeciliaAndAnnaMayNotSeeElsa() throws IOException {
        open("sv-SE,sv");
        signInAs("sara");
        browser.findElement(By.linkText("Förklara åtkomst")).click();
        waitFor(By.id("explain:person"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Förklara åtkomst");

        // Cecilia, chosen among the demo personas, and Elsa's profile by id: LICENCE is missing.
        new Select(browser.findElement(By.id("explain:demoPerson"))).selectByVisibleText("Cecilia Carlsson");
        browser.findElement(By.id("explain:student")).sendKeys(PERSON_ELSA.toString());
        browser.findElement(By.id("explain:ask")).click();

        WebElement answer = waitFor(By.id("answer"));
        assertThat(answer.findElement(By.tagName("h2")).getText()).contains("✗", "Inte tillåtet");
        WebElement licence = answer.findElement(By.cssSelector("[data-path='TEACHER'] li[data-code='LICENCE']"));
        assertThat(licence.getAttribute("class")).contains("failed");
        assertThat(licence.getText()).contains("✗", "Saknas:", "LICENCE", "Användaren saknar aktiv lärarlicens");
        assertThat(answer.findElement(By.cssSelector("[data-path='TEACHER'] li[data-code='ROLE_TEACHER']")).getText())
                .contains("✓", "Uppfylld:");
        assertThat(text()).doesNotContain("Exception");
        scrollTo(answer);
        screenshot("explain-cecilia");

        // Not an id, and posts without their group: each field says what is wrong.
        browser.findElement(By.id("explain:student")).clear();
        browser.findElement(By.id("explain:student")).sendKeys("inte-ett-id");
        new Select(browser.findElement(By.id("explain:kind"))).selectByValue("POST");
        browser.findElement(By.id("explain:ask")).click();
        assertThat(waitFor(By.id("explain:groupMessage")).getText()).contains("hör till en grupp");
        assertThat(browser.findElement(By.id("explain:studentMessage")).getText()).contains("inget id");
        assertThat(browser.findElements(By.id("answer"))).isEmpty();
        screenshot("explain-invalid");

        // Anna by id, Elsa's assessment in ENGENG05: TEACHER_SUBJECT is missing (Anna's subject link is MAT only).
        new Select(browser.findElement(By.id("explain:demoPerson"))).selectByValue("");
        browser.findElement(By.id("explain:person")).sendKeys(PERSON_ANNA.toString());
        browser.findElement(By.id("explain:student")).clear();
        browser.findElement(By.id("explain:student")).sendKeys(PERSON_ELSA.toString());
        new Select(browser.findElement(By.id("explain:kind"))).selectByValue("ASSESSMENT");
        browser.findElement(By.id("explain:syllabus")).sendKeys("engeng05");
        browser.findElement(By.id("explain:ask")).click();

        WebElement subject = waitFor(By.cssSelector("#answer [data-path='TEACHER'] li[data-code='TEACHER_SUBJECT']"));
        assertThat(subject.getAttribute("class")).contains("failed");
        assertThat(subject.getText()).contains("✗", "Saknas:", "inte kopplad till ämnet");
        assertThat(browser.findElement(By.cssSelector("#answer h2")).getText()).contains("Inte tillåtet");
        scrollTo(browser.findElement(By.id("answer")));
        screenshot("explain-anna");

        // Groups by name, among the schools Sara administers: two match "Ma1c", the whole name picks one, and
        // Petra's Ma8-A at a school Sara does not administer is not found.
        browser.findElement(By.id("explain:syllabus")).clear();
        new Select(browser.findElement(By.id("explain:kind"))).selectByValue("POST");
        browser.findElement(By.id("explain:group")).sendKeys("Ma1c");
        clickAndWait(browser.findElement(By.id("explain:ask")));
        assertThat(waitFor(By.id("explain:groupMessage")).getText())
                .contains("Flera passar", "Ma1c-A (Solbacka gymnasium)", "Skriv hela namnet");
        browser.findElement(By.id("explain:group")).clear();
        browser.findElement(By.id("explain:group")).sendKeys("Ma8-A");
        clickAndWait(browser.findElement(By.id("explain:ask")));
        assertThat(waitFor(By.id("explain:groupMessage")).getText()).contains("Ingen grupp");
        browser.findElement(By.id("explain:group")).clear();
        browser.findElement(By.id("explain:group")).sendKeys("ma1c-a");
        clickAndWait(browser.findElement(By.id("explain:ask")));
        assertThat(waitFor(By.cssSelector("#answer h2")).getText()).contains("Tillåtet");
        browser.findElement(By.id("explain:group")).clear();

        // Petra and Hugo: Petra teaches at Solbackaskolan, which Sara does not administer, so neither that school
        // nor Petra's group there is named to her; the gymnasium, which she administers, is.
        browser.findElement(By.id("explain:person")).clear();
        new Select(browser.findElement(By.id("explain:demoPerson"))).selectByVisibleText("Petra Pettersson");
        browser.findElement(By.id("explain:student")).clear();
        browser.findElement(By.id("explain:student")).sendKeys(PERSON_HUGO.toString());
        new Select(browser.findElement(By.id("explain:kind"))).selectByValue("STUDENT_PROFILE");
        browser.findElement(By.id("explain:syllabus")).clear();
        clickAndWait(browser.findElement(By.id("explain:ask")));

        WebElement role = waitFor(By.cssSelector("#answer [data-path='TEACHER'] li[data-code='ROLE_TEACHER']"));
        assertThat(role.getText()).contains("✓", "Användaren har rollen Lärare på en annan skola");
        assertThat(browser.findElement(By.id("answer")).getText()).doesNotContain("Solbackaskolan")
                .doesNotContain("Ma8-A").contains("Solbacka gymnasium");
        scrollTo(browser.findElement(By.id("answer")));
        screenshot("explain-petra-names-withheld");
    }

    @Test
    void elsaMayNotExplainCeciliasAccessToHerAndIsToldNotFoundInEnglish() throws IOException {
        open("en-GB,en");
        signInAs("elsa");
        browser.findElement(By.linkText("Explain access")).click();
        waitFor(By.id("explain:person"));

        new Select(browser.findElement(By.id("explain:demoPerson"))).selectByVisibleText("Cecilia Carlsson");
        new Select(browser.findElement(By.id("explain:demoStudent"))).selectByVisibleText("Elsa Ek");
        browser.findElement(By.id("explain:ask")).click();

        assertThat(waitFor(By.id("refusal")).getText()).contains("Not found");
        assertThat(browser.findElements(By.id("answer"))).isEmpty();
        assertThat(text()).doesNotContain("LICENCE", "Exception");
        screenshot("explain-elsa-not-found");
    }

    /**
     * The guardian portal on a phone (375 × 812): Karin Ek signs in with the code mailed to her, a wrong code first,
     * and reads the assessment of Elsa's that Anna published (set through the API first: the demo data has none);
     * Greta, who is not her child, is nowhere. Neither page scrolls sideways.
     */
    @Test
    void karinSignsInOnHerPhoneWithTheMailedCodeAndReadsElsasPublishedAssessment(DataSource database) throws Exception {
        String comment = "Tydliga lösningar och bra resonemang " + UUID.randomUUID();
        HttpResponse<String> assessed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        uri("/api/v1/students/" + PERSON_ELSA + "/assessments"))
                .header("Authorization", "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"group\":\"" + GROUP_MA1C_A
                        + "\",\"grade\":\"B\",\"comment\":\"" + comment + "\",\"publish\":true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
        String karin = Sql.strings(database, "select subject from guardian_login where guardian_id = ? and method = 'EMAIL' and enabled",
                PERSON_KARIN).get(0);

        open("sv-SE,sv", 375, 812);
        browser.navigate().to(uri("/guardian/sign-in.xhtml").toURL());
        waitFor(By.id("signIn:email"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Logga in");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        assertThat(browser.findElement(By.cssSelector("label[for='signIn:email']")).getText())
                .as("a required field is marked").isEqualTo("E-postadress *");
        assertThat(((Number) script("return window.innerWidth")).intValue()).isEqualTo(375);
        assertNoHorizontalScroll();
        screenshot("guardian-sign-in");

        Set<String> before = MailServer.messageIds();
        browser.findElement(By.id("signIn:email")).sendKeys(karin);
        browser.findElement(By.id("signIn:sendCode")).click();
        waitFor(By.id("signIn:code"));
        assertThat(text()).contains("Om adressen hör till en inloggning i Klassrum har vi skickat en kod till den.");
        assertThat(browser.findElement(By.cssSelector("label[for='signIn:code']")).getText()).isEqualTo("Kod från e-postmeddelandet *");
        String code = codeIn(MailServer.awaitNewMailTo(karin, before, 15_000));
        assertNoHorizontalScroll();
        screenshot("guardian-code");

        // A wrong code: one generic message, and the form stays.
        browser.findElement(By.id("signIn:code")).sendKeys(String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000));
        browser.findElement(By.id("signIn:signInButton")).click();
        assertThat(waitFor(By.id("signIn:codeMessage")).getText()).isEqualTo("Koden stämmer inte eller gäller inte längre.");
        assertThat(browser.getCurrentUrl()).contains("/guardian/sign-in.xhtml");
        assertNoHorizontalScroll();
        screenshot("guardian-wrong-code");

        browser.findElement(By.id("signIn:code")).clear();
        browser.findElement(By.id("signIn:code")).sendKeys(code);
        browser.findElement(By.id("signIn:signInButton")).click();
        waiting().until(ExpectedConditions.urlContains("/guardian/children.xhtml"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mina barn");
        WebElement elsa = waitFor(By.cssSelector("[data-child='" + PERSON_ELSA + "']"));
        assertThat(elsa.findElement(By.tagName("h2")).getText()).isEqualTo("Elsa Ek");
        WebElement assessment = elsa.findElement(By.cssSelector("li.assessment[data-syllabus='MATMAT01c']"));
        assertThat(assessment.getText()).contains("MATMAT01c", "Omdöme", "B", comment);
        assertThat(text()).doesNotContain("Greta", "Exception");
        assertThat((String) script("return document.cookie")).as("the session cookie is HttpOnly").doesNotContain("klassrum_guardian");
        assertNoHorizontalScroll();
        screenshot("guardian-children");

        browser.findElement(By.id("signOut:signOutButton")).click();
        waiting().until(ExpectedConditions.urlContains("/guardian/sign-in.xhtml"));
        assertThat(text()).contains("Du är utloggad.");
        browser.navigate().to(uri("/guardian/children.xhtml").toURL());
        assertThat(waitFor(By.id("notSignedIn")).getText()).contains("Du är inte inloggad");
        assertThat(text()).doesNotContain("Elsa", comment);
    }


    /**
     * Sara, a school administrator, finds Elsa by name, filters her log to Anna's allowed profile reads of today,
     * reads them as sentences a page at a time, downloads the same filtered log as CSV; the page has no serious or
     * critical accessibility violation.
     */
    @Test
    void saraFindsElsaByNameFiltersHerLogPagesThroughItAndDownloadsItAsCsv() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String annasToken = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA);
        for (int i = 0; i <= AdminAuditPageSize.ENTRIES; i++) {
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri("/api/v1/students/" + PERSON_ELSA))
                    .header("Authorization", "Bearer " + annasToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
        }
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString();

        open("sv-SE,sv", 1280, 1000);
        signInAs("sara");
        browser.navigate().to(uri("/admin/audit.xhtml").toURL());
        setValue(By.id("find:name"), "elsa");
        clickAndWait(browser.findElement(By.id("find:search")));
        WebElement found = waitFor(By.id("found"));
        assertThat(found.getText()).contains("Elsa Ek", "Solbacka gymnasium");
        assertThat(axe("audit log, students found (Sara)")).isEmpty();
        clickAndWait(found.findElement(By.linkText("Elsa Ek")));
        assertThat(waitFor(By.id("log-heading")).getText()).isEqualTo("Logg för Elsa Ek");

        new Select(browser.findElement(By.id("audit:actor"))).selectByVisibleText("Anna Andersson");
        new Select(browser.findElement(By.id("audit:kind"))).selectByVisibleText("Profil");
        new Select(browser.findElement(By.id("audit:outcome"))).selectByVisibleText("Tillåtet");
        setValue(By.id("audit:from"), today);
        setValue(By.id("audit:to"), today);
        clickAndWait(browser.findElement(By.id("audit:show")));
        waitFor(By.id("log"));
        assertThat(browser.getCurrentUrl()).contains("actor=" + PERSON_ANNA).contains("outcome=allowed");
        List<String> firstPage = sentences();
        assertThat(firstPage).hasSize(AdminAuditPageSize.ENTRIES).containsOnly("Anna Andersson läste Elsas profil");
        Set<String> firstSeqs = seqs();
        assertThat(browser.findElement(By.id("log")).getText()).contains("tillåtet").doesNotContain("STUDENT_PROFILE");
        assertThat(axe("audit log, filtered (Sara)")).isEmpty();
        screenshot("admin-audit-filtered");

        clickAndWait(browser.findElement(By.id("older")));
        waitFor(By.id("log"));
        assertThat(sentences()).isNotEmpty().containsOnly("Anna Andersson läste Elsas profil");
        assertThat(seqs()).doesNotContainAnyElementsOf(firstSeqs);
        assertThat(new Select(browser.findElement(By.id("audit:actor"))).getFirstSelectedOption().getText()).isEqualTo("Anna Andersson");

        // The download, as the browser fetches it with Sara's session.
        String href = browser.findElement(By.id("csv")).getAttribute("href");
        assertThat(href).contains("actor=" + PERSON_ANNA).contains("kind=STUDENT_PROFILE").contains("outcome=allowed");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> csv = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(async r => { const bytes = new Uint8Array(await r.arrayBuffer());"
                        + "done({status: r.status, type: r.headers.get('Content-Type'), bom: Array.from(bytes.slice(0, 3)),"
                        + "text: new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)}); });", href);
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        assertThat(((List<?>) csv.get("bom")).stream().map(String::valueOf).toList()).containsExactly("239", "187", "191");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.parse(
                new java.io.StringReader(((String) csv.get("text")).substring(1))).getRecords();
        assertThat(rows.get(0).get(1)).isEqualTo("Händelse");
        assertThat(rows.subList(1, rows.size())).hasSizeGreaterThan(AdminAuditPageSize.ENTRIES)
                .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("Anna Andersson läste Elsas profil"));

        // The explain page finds the student by name the same way and fills in her id.
        browser.navigate().to(uri("/explain.xhtml").toURL());
        setValue(By.id("find:name"), "ek elsa");
        clickAndWait(waitFor(By.id("find:search")));
        clickAndWait(waitFor(By.id("found")).findElement(By.linkText("Elsa Ek")));
        assertThat(waitFor(By.id("explain:student")).getAttribute("value")).isEqualTo(PERSON_ELSA.toString());
        assertThat(axe("explain, student found by name (Sara)")).isEmpty();
    }

    private List<String> sentences() {
        return browser.findElements(By.cssSelector("#log td.sentence")).stream().map(WebElement::getText).toList();
    }

    private Set<String> seqs() {
        return browser.findElements(By.cssSelector("#log tr[data-seq]")).stream()
                .map(row -> row.getAttribute("data-seq")).collect(java.util.stream.Collectors.toSet());
    }

    /** The audit page's page size (AdminAuditPage.PAGE_SIZE). */
    private static final class AdminAuditPageSize {
        static final int ENTRIES = 50;
    }
}
