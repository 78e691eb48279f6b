package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_SOLBACKA;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_D;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.GROUP_NA24A_MENTOR;
import static se.klassrum.roster.demo.DemoIds.GUARDIAN_LINK_EBBA_ELSA;
import static se.klassrum.roster.demo.DemoIds.GUARDIAN_LOGIN_EBBA;
import static se.klassrum.roster.demo.DemoIds.OID_ANNA;
import static se.klassrum.roster.demo.DemoIds.OID_BERTIL;
import static se.klassrum.roster.demo.DemoIds.OID_ELSA;
import static se.klassrum.roster.demo.DemoIds.OID_PETRA;
import static se.klassrum.roster.demo.DemoIds.OID_SARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_GRETA;
import static se.klassrum.roster.demo.DemoIds.PERSON_RUT;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_EBBA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_IVAR;
import static se.klassrum.roster.demo.DemoIds.PERSON_KARIN;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKA_GYMNASIUM;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_MATMAT01C;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A_PREVIOUS;
import static se.klassrum.roster.demo.DemoIds.PERSON_HUGO;
import static se.klassrum.roster.demo.DemoIds.SUBJECT_KEM;
import static se.klassrum.roster.demo.DemoIds.idpSubject;

/**
 * The portal's pages in a real browser (Debian's headless Chromium): staff sign in through the organisation's
 * identity provider (a real OpenID Connect provider on loopback, mock-oauth2-server, issuing Entra-shaped ID tokens
 * with {@code tid} and {@code oid}); guardians read a child's posts, assignments and talks on a phone; the school
 * administrator follows imports and a student's audit log; a guardian whose link ended is told which prerequisite
 * is missing. A screenshot of each page lands in {@code target/screenshots/}.
 *
 * <p>Without Chromium the class is skipped with the reason, except under CI ({@code CI=true}), where that fails. What
 * the tests add to the shared demo data (a post, an assignment, a talk, a rejected import run) is new rows that no
 * other test counts; the roster itself is not changed.
 */
abstract class PortalPagesChecks extends BrowserTest {

    private static final String KE1_D = "Ke1-D (ej ansluten)";
    private static final String MA1C_A = "Ma1c-A";

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void annaSignsInThroughTheIdentityProviderAndSeesHerGroups() throws IOException {
        open("sv-SE,sv", 1280, 1000);
        browser.navigate().to(uri("/").toURL());
        waiting().until(ExpectedConditions.urlContains("/sign-in.xhtml"));
        waitFor(By.id("staffSignIn"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Logga in");
        assertThat(text()).contains("Logga in med ditt skolkonto", "Logga in för vårdnadshavare");
        screenshot("portal-staff-sign-in");

        OidcServer.nextStaffSignInAs(ENTRA_TENANT_SOLBACKA, OID_ANNA);
        browser.findElement(By.id("staffSignIn")).click();
        waiting().until(ExpectedConditions.urlContains("/groups.xhtml"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mina grupper");
        assertThat(text()).contains("Inloggad som Anna Andersson", "Solbacka gymnasium", "Ma1c-A", "En5-B")
                .doesNotContain("NA24a", "Importer");
        screenshot("portal-groups-anna");

        browser.findElement(By.id("signOut:signOutButton")).click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/groups.xhtml")));
        browser.navigate().to(uri("/groups.xhtml").toURL());
        assertThat(text()).contains("Du är inte inloggad").doesNotContain("Ma1c-A");
    }

    /** One person per browser session: a demo persona chosen afterwards replaces the person signed in before. */
    @Test
    void aDemoPersonaChosenAfterwardsReplacesThePersonSignedInThroughTheProvider() throws IOException {
        open("en-GB,en", 1280, 1000);
        signInAsStaff(OID_SARA);
        assertThat(text()).contains("Signed in as Sara Svensson");

        browser.navigate().to(uri("/demo.xhtml").toURL());
        waitFor(By.cssSelector("[data-persona='elsa']")).click();
        waiting().until(ExpectedConditions.urlContains("/groups.xhtml"));
        assertThat(text()).contains("Signed in as Elsa Ek", "Ma1c-A").doesNotContain("Sara Svensson");
        assertThat(browser.findElements(By.id("importsLink"))).isEmpty();
    }

    @Test
    void somebodyTheRosterDoesNotKnowIsNotSignedIn() throws IOException {
        open("en-GB,en", 1280, 1000);
        browser.navigate().to(uri("/sign-in.xhtml").toURL());
        OidcServer.nextStaffSignInAs(ENTRA_TENANT_SOLBACKA, UUID.randomUUID());
        waitFor(By.id("staffSignIn")).click();

        assertThat(waitFor(By.id("signInFailed")).getText()).contains("The sign-in did not go through");
        assertThat(text()).doesNotContain("Signed in as", "Exception");
        browser.navigate().to(uri("/groups.xhtml").toURL());
        assertThat(text()).contains("You are not signed in");
        screenshot("portal-staff-sign-in-failed");
    }

    /**
     * Karin Ek on her phone (375 × 812): a post and a published assignment of Anna's in Ma1c-A and a development talk
     * that Bertil held with her are on Elsa's page, with Elsa's published assessments; nothing scrolls sideways.
     */
    @Test
    void karinReadsElsasPostsAssignmentsAndTalksOnHerPhone(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String post = "Studiebesök på tisdag " + marker;
        String assignment = "Övningar kapitel 4 " + marker;
        String goals = "Räkna tio minuter varje dag " + marker;
        api("POST", "/api/v1/groups/" + GROUP_MA1C_A + "/posts", OID_ANNA, "{\"body\":\"<p>" + post + "</p>\"}", 201);
        api("POST", "/api/v1/groups/" + GROUP_MA1C_A + "/assignments", OID_ANNA, "{\"title\":\"" + assignment
                + "\",\"instructions\":\"<p>Gör 4.1–4.12</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7)
                + "\",\"publish\":true}", 201);
        api("POST", "/api/v1/students/" + PERSON_ELSA + "/development-talks", OID_BERTIL, "{\"group\":\"" + GROUP_NA24A_MENTOR
                + "\",\"heldOn\":\"2026-11-02\",\"guardians\":[\"" + PERSON_KARIN + "\"],\"notes\":\"<p>Elsa trivs</p>\","
                + "\"agreedGoals\":\"<p>" + goals + "</p>\"}", 201);
        String karin = Sql.strings(database, "select subject from guardian_login where guardian_id = ? and method = 'EMAIL' and enabled",
                PERSON_KARIN).get(0);

        open("sv-SE,sv", 375, 812);
        browser.navigate().to(uri("/guardian/sign-in.xhtml").toURL());
        waitFor(By.id("signIn:email"));
        assertThat(browser.findElement(By.id("idpSignIn")).getText()).isEqualTo("Logga in med e-legitimation");
        assertNoHorizontalScroll();
        assertTapTargetsOnAPhone("the guardian sign-in page");
        screenshot("portal-guardian-sign-in");
        Set<String> before = MailServer.messageIds();
        browser.findElement(By.id("signIn:email")).sendKeys(karin);
        browser.findElement(By.id("signIn:sendCode")).click();
        waitFor(By.id("signIn:code")).sendKeys(codeIn(MailServer.awaitNewMailTo(karin, before, 15_000)));
        browser.findElement(By.id("signIn:signInButton")).click();
        waiting().until(ExpectedConditions.urlContains("/guardian/children.xhtml"));

        WebElement elsa = waitFor(By.cssSelector("[data-child='" + PERSON_ELSA + "']"));
        assertTapTargetsOnAPhone("the guardian's children");
        elsa.findElement(By.linkText("Inlägg, uppgifter och samtal")).click();
        waiting().until(ExpectedConditions.urlContains("/guardian/child.xhtml"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Elsa Ek");
        assertThat(browser.findElement(By.id("posts")).getText()).contains("Inlägg", post, "Ma1c-A", "Anna Andersson");
        assertThat(browser.findElement(By.id("assignments")).getText()).contains("Uppgifter", assignment, "Gör 4.1–4.12");
        assertThat(browser.findElement(By.id("talks")).getText()).contains("Utvecklingssamtal", "2026-11-02",
                "Bertil Berg", "Elsa trivs", "Överenskomna mål", goals);
        assertThat(browser.findElement(By.id("assessments")).getText()).contains("Omdömen");
        assertThat(text()).doesNotContain("Greta", "Exception");
        assertNoHorizontalScroll();
        assertTapTargetsOnAPhone("the child's page");
        screenshot("portal-guardian-child");
        scrollTo(browser.findElement(By.id("talks")));
        screenshot("portal-guardian-child-talks");

        // Karin prefers English: the switch in the portal's header, still on the phone.
        WebElement english = browser.findElement(By.id("language:en"));
        english.click();
        waiting().until(ExpectedConditions.stalenessOf(english));
        assertThat(waitFor(By.id("talks")).getText()).contains("Development talks", "Elsa trivs");
        assertThat(browser.findElement(By.cssSelector(".portal-name")).getText()).isEqualTo("For guardians");
        assertNoHorizontalScroll();
        assertTapTargetsOnAPhone("the child's page in English");
    }


    /**
     * Karin on her phone, in Swedish and English, follows Elsa's work: the hand-in to an assignment with its
     * komplettering history, Anna's feedback as rendered (and cleaned) rich text, and the files of the hand-in and of
     * the feedback, downloadable, the picture shown in the browser; a late hand-in says so, and the draft Elsa keeps
     * after it stays hers. Ebba, whose link to Elsa ended yesterday, sees none of it and cannot download the file.
     */
    @Test
    void karinFollowsElsasHandInsFeedbackAndFilesButNotHerDraft(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String report = "Labbrapport " + marker;
        String overdue = "Veckouppgift " + marker;
        String first = annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/assignments", "{\"title\":\"" + report
                + "\",\"instructions\":\"<p>Skriv rapporten</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7)
                + "\",\"publish\":true}");
        String second = annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/assignments", "{\"title\":\"" + overdue
                + "\",\"instructions\":\"<p>Lös uppgifterna</p>\",\"dueAt\":\"" + OffsetDateTime.now().minusDays(1)
                + "\",\"publish\":true}");
        String work = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments/" + first + "/submissions/" + PERSON_ELSA;
        String late = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments/" + second + "/submissions/" + PERSON_ELSA;
        try {
            attach(work + "/files", OID_ELSA, "rapport.pdf", "application/pdf", PDF);
            api("PUT", work, OID_ELSA, "{\"content\":\"<p>Första versionen " + marker + "</p>\"}", 200);
            api("POST", work + "/completion", OID_ANNA, "{\"comment\":\"<p>Lägg till en slutsats " + marker + "</p>\"}", 200);
            api("PUT", work, OID_ELSA, "{\"content\":\"<p>Andra versionen " + marker + "</p>\"}", 200);
            attach(work + "/files", OID_ANNA, "rattning.png", "image/png", png());
            api("POST", work + "/return", OID_ANNA, "{\"feedback\":\"<p><strong>Bra jobbat " + marker
                    + "</strong></p><script>document.title='x'</script>\"}", 200);
            api("PUT", late, OID_ELSA, "{\"content\":\"<p>Sen inlämning " + marker + "</p>\"}", 200);
            api("PUT", late + "/draft", OID_ELSA, "{\"content\":\"<p>Hemligt utkast " + marker + "</p>\"}", 200);

            open("sv-SE,sv", 375, 812);
            signInAsGuardian(GuardianSignIns.emailLoginOf(database, PERSON_KARIN));
            browser.navigate().to(uri("/guardian/child.xhtml?id=" + PERSON_ELSA).toURL());
            WebElement handIn = waitFor(By.id("handIn-" + first));
            assertThat(handIn.getText()).contains("Inlämnat", "Andra versionen " + marker, "I tid", "rapport.pdf",
                    "rattning.png", "Visa", "Återkoppling", "Bra jobbat " + marker,
                    "Tidigare inlämningar och återkoppling", "Första versionen " + marker, "Komplettering begärd",
                    "Lägg till en slutsats " + marker);
            assertThat(handIn.findElements(By.cssSelector(".meta .label.warn"))).as("on time, not late").isEmpty();
            assertThat(handIn.findElement(By.cssSelector(".feedback strong")).getText()).isEqualTo("Bra jobbat " + marker);
            assertThat(browser.getTitle()).as("the feedback's script is not run").isNotEqualTo("x");
            assertThat(handIn.findElements(By.tagName("script"))).isEmpty();
            WebElement lateHandIn = waitFor(By.id("handIn-" + second));
            assertThat(lateHandIn.getText()).contains("Sen inlämning " + marker);
            assertThat(lateHandIn.findElement(By.cssSelector(".meta .label.warn")).getText()).isEqualTo("Sen");
            assertThat(text()).doesNotContain("Hemligt utkast " + marker, "Exception");
            List<String> problems = new java.util.ArrayList<>(axe("the child's page with hand-ins (Karin)"));
            assertNoHorizontalScroll("the child's page with hand-ins");
            assertTapTargetsOnAPhone("the child's page with hand-ins");
            scrollTo(handIn);
            screenshot("portal-guardian-child-hand-in");

            String reportLink = fileLink(handIn, "rapport.pdf", "a.file-download");
            Map<String, Object> download = fetch(reportLink);
            assertThat(download.get("status")).isEqualTo(200L);
            assertThat((String) download.get("disposition")).startsWith("attachment;");
            assertThat(download.get("size")).isEqualTo((long) PDF.length);
            String preview = fileLink(handIn, "rattning.png", "a.file-view");
            assertThat((String) fetch(preview).get("disposition")).startsWith("inline;");
            browser.navigate().to(new java.net.URI(preview).toURL());
            assertThat((Boolean) waiting().until(driver -> script(
                    "return document.images.length === 1 && document.images[0].complete && document.images[0].naturalWidth === 16")))
                    .as("the feedback's picture is shown in the browser").isTrue();
            screenshot("portal-guardian-hand-in-preview");
            browser.navigate().back();

            WebElement english = waitFor(By.id("language:en"));
            clickAndWait(english);
            WebElement inEnglish = waitFor(By.id("handIn-" + first));
            assertThat(inEnglish.getText()).contains("Handed in", "On time", "Feedback", "Bra jobbat " + marker,
                    "Earlier hand-ins and feedback", "Completion requested", "rapport.pdf", "View");
            assertThat(waitFor(By.id("handIn-" + second)).findElement(By.cssSelector(".meta .label.warn")).getText())
                    .isEqualTo("Late");
            assertThat(text()).doesNotContain("Hemligt utkast " + marker);
            problems.addAll(axe("the child's page with hand-ins in English (Karin)"));
            assertNoHorizontalScroll("the child's page with hand-ins in English");
            assertTapTargetsOnAPhone("the child's page with hand-ins in English");
            scrollTo(inEnglish);
            screenshot("portal-guardian-child-hand-in-en");
            assertThat(problems).as("serious or critical accessibility violations").isEmpty();
            closeBrowser();

            // Ebba, Elsa's other guardian, whose link ended yesterday.
            Sql.update(database, "update guardian_login set enabled = true where id = ?", GUARDIAN_LOGIN_EBBA);
            Sql.update(database, "update guardian_link set valid_to = ? where id = ?",
                    java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).minusDays(1), GUARDIAN_LINK_EBBA_ELSA);
            open("sv-SE,sv", 375, 812);
            signInAsGuardian(GuardianSignIns.emailLoginOf(database, PERSON_EBBA));
            browser.navigate().to(uri("/guardian/child.xhtml?id=" + PERSON_ELSA).toURL());
            waitFor(By.id("denial"));
            assertThat(browser.findElements(By.cssSelector("[data-hand-in]"))).isEmpty();
            assertThat(text()).doesNotContain("Andra versionen " + marker, "Bra jobbat " + marker, "rapport.pdf",
                    "Sen inlämning " + marker);
            assertThat(fetch(reportLink).get("status")).as("the hand-in's file for Ebba").isEqualTo(404L);
            screenshot("portal-guardian-link-ended-no-hand-ins");
        } finally {
            Sql.update(database, "update guardian_link set valid_to = null where id = ?", GUARDIAN_LINK_EBBA_ELSA);
            Sql.update(database, "update guardian_login set enabled = false where id = ?", GUARDIAN_LOGIN_EBBA);
            for (String assignment : List.of(first, second)) {
                Sql.update(database, "delete from submission where assignment_id = ?", UUID.fromString(assignment));
                Sql.update(database, "delete from assignment where id = ?", UUID.fromString(assignment));
            }
        }
    }

    /**
     * Karin on her phone opens "Notiser" from the portal's header: her notifications about Elsa in the portal's own
     * layout, in Swedish and English; she chooses one summary a day, in English, which is saved and kept. The staff
     * and students' list leads her to hers, and a notification to Elsa's page in the portal.
     */
    @Test
    void karinReadsHerNotificationsInThePortalAndChoosesADailySummaryInEnglish(DataSource database) throws Exception {
        String title = "Inför provet " + UUID.randomUUID().toString().substring(0, 8);
        annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/assignments", "{\"title\":\"" + title
                + "\",\"instructions\":\"<p>Repetera kapitel 3</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(5)
                + "\",\"publish\":true}");
        try {
            open("sv-SE,sv", 375, 812);
            signInAsGuardian(GuardianSignIns.emailLoginOf(database, PERSON_KARIN));
            clickAndWait(waitFor(By.id("notificationsLink")));
            waiting().until(ExpectedConditions.urlContains("/guardian/notifications.xhtml"));
            WebElement item = notification("Ny uppgift i " + MA1C_A + ": " + title);
            assertThat(item.getText()).contains("Gäller Elsa Ek");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Notiser");
            assertThat(browser.findElement(By.cssSelector(".portal-top .portal-name")).getText())
                    .as("the portal's own header").isEqualTo("För vårdnadshavare");
            assertThat(text()).doesNotContain("Greta", "Exception");
            List<String> problems = new java.util.ArrayList<>(axe("the guardian's notifications (Karin)"));
            assertNoHorizontalScroll("the guardian's notifications");
            assertTapTargetsOnAPhone("the guardian's notifications");
            screenshot("notifications-guardian-karin-phone");

            chooseADailySummaryInEnglish();
            assertThat(browser.getCurrentUrl()).contains("/guardian/notifications.xhtml");
            scrollTo(browser.findElement(By.id("mail")));
            screenshot("notifications-guardian-karin-mail-saved");

            clickAndWait(browser.findElement(By.id("language:en")));
            WebElement english = notification("New assignment in " + MA1C_A + ": " + title);
            assertThat(english.getText()).contains("About Elsa Ek");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Notifications");
            assertThat(browser.findElement(By.cssSelector(".portal-top .portal-name")).getText()).isEqualTo("For guardians");
            assertThat(new Select(browser.findElement(By.id("mail:frequency"))).getFirstSelectedOption().getText())
                    .isEqualTo("One summary a day");
            problems.addAll(axe("the guardian's notifications in English (Karin)"));
            assertNoHorizontalScroll("the guardian's notifications in English");
            assertTapTargetsOnAPhone("the guardian's notifications in English");
            screenshot("notifications-guardian-karin-phone-en");
            assertThat(problems).as("serious or critical accessibility violations").isEmpty();

            browser.navigate().to(uri("/notifications.xhtml").toURL());
            waiting().until(ExpectedConditions.urlContains("/guardian/notifications.xhtml"));
            clickAndWait(notification("New assignment in " + MA1C_A + ": " + title).findElement(By.cssSelector("a.open")));
            waiting().until(ExpectedConditions.urlContains("/guardian/child.xhtml"));
            assertThat(browser.getCurrentUrl()).contains("id=" + PERSON_ELSA);
        } finally {
            Sql.update(database, "delete from mail_preference where person_id = ?", PERSON_KARIN);
        }
    }

    /** The address of the file's link ("a.file-download" or "a.file-view") in the list of files under the item. */
    private static String fileLink(WebElement item, String name, String link) {
        return item.findElements(By.cssSelector(".files li")).stream().filter(file -> file.getText().contains(name))
                .findFirst().orElseThrow().findElement(By.cssSelector(link)).getAttribute("href");
    }

    /** A file the person with this Entra object id attaches through the API (one multipart part named "file"). */
    private void attach(String path, UUID objectId, String name, String type, byte[] content) throws Exception {
        String boundary = "klassrum-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> attached = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
    }

    /** A picture of 16 × 16 pixels. */
    private static byte[] png() throws IOException {
        ByteArrayOutputStream picture = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", picture);
        return picture.toByteArray();
    }

    /**
     * A link to a page, opened by nobody signed in, leads to the sign-in that fits it, which says so, and once signed
     * in to the page asked for: Anna's link to an assignment through the identity provider, Karin's to Elsa's page
     * on her phone with the e-mail code. Signed in already, Karin's sign-in page goes straight on to Elsa's page.
     */
    @Test
    void aSignedOutDeepLinkLeadsThroughTheSignInToThePageAskedFor(DataSource database) throws Exception {
        String title = "Deep link " + UUID.randomUUID().toString().substring(0, 8);
        String assignment = annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/assignments", "{\"title\":\"" + title
                + "\",\"instructions\":\"<p>Läs kapitel 5</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7)
                + "\",\"publish\":true}");
        try {
            open("sv-SE,sv", 1280, 1000);
            browser.navigate().to(uri("/assignment.xhtml?group=" + GROUP_MA1C_A + "&id=" + assignment).toURL());
            waiting().until(ExpectedConditions.urlContains("/sign-in.xhtml?next="));
            assertThat(waitFor(By.id("notSignedIn")).getText())
                    .isEqualTo("Du är inte inloggad. Logga in, så kommer du sedan till sidan du ville öppna.");
            assertThat(text()).doesNotContain(title);
            assertThat(axe("the sign-in page after a deep link")).isEmpty();
            screenshot("portal-deep-link-staff-sign-in");
            OidcServer.nextStaffSignInAs(ENTRA_TENANT_SOLBACKA, OID_ANNA);
            browser.findElement(By.id("staffSignIn")).click();
            waiting().until(ExpectedConditions.urlContains("/assignment.xhtml?group=" + GROUP_MA1C_A + "&id=" + assignment));
            assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(text()).contains("Inloggad som Anna Andersson", "Läs kapitel 5");
            screenshot("portal-deep-link-staff-landed");
            closeBrowser();

            open("sv-SE,sv", 375, 812);
            String childPage = "/guardian/child.xhtml?id=" + PERSON_ELSA;
            browser.navigate().to(uri(childPage).toURL());
            waiting().until(ExpectedConditions.urlContains("/guardian/sign-in.xhtml?next="));
            assertThat(waitFor(By.id("notSignedIn")).getText()).startsWith("Du är inte inloggad.");
            assertThat(text()).doesNotContain("Elsa");
            assertNoHorizontalScroll("the guardian sign-in after a deep link");
            assertTapTargetsOnAPhone("the guardian sign-in after a deep link");
            assertThat(axe("the guardian sign-in after a deep link")).isEmpty();
            screenshot("portal-deep-link-guardian-sign-in");
            signInWithCode(GuardianSignIns.emailLoginOf(database, PERSON_KARIN));
            waiting().until(ExpectedConditions.urlContains(childPage));
            assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Elsa Ek");
            screenshot("portal-deep-link-guardian-landed");

            browser.navigate().to(uri("/guardian/sign-in.xhtml?next=" + URLEncoder.encode(childPage, StandardCharsets.UTF_8)).toURL());
            waiting().until(ExpectedConditions.urlContains(childPage));
            assertThat(waitFor(By.tagName("h1")).getText()).as("signed in already").isEqualTo("Elsa Ek");
        } finally {
            Sql.update(database, "delete from assignment where id = ?", UUID.fromString(assignment));
        }
    }

    /**
     * A sign-in returns only to a page of this site: a return address of another site, however it is written or
     * encoded, is not carried on, and the sign-in lands where it does without one, on this site.
     */
    @Test
    void openRedirectAttemptsLandOnTheStartPage(DataSource database) throws Exception {
        List<String> attempts = List.of("//evil.example", "https://evil.example", "/\\evil.example",
                "/%2F%2Fevil.example", "%2F%2Fevil.example", "/%5Cevil.example", "/%252F%252Fevil.example",
                "/\t/evil.example");
        open("en-GB,en", 1280, 1000);
        for (String attempt : attempts) {
            String next = URLEncoder.encode(attempt, StandardCharsets.UTF_8);
            browser.navigate().to(uri("/sign-in.xhtml?next=" + next).toURL());
            assertThat(waitFor(By.id("staffSignIn")).getAttribute("href")).as(attempt).doesNotContain("next");
            assertThat(browser.findElements(By.id("notSignedIn"))).as(attempt).isEmpty();

            // The sign-in flow itself, asked directly.
            OidcServer.nextStaffSignInAs(ENTRA_TENANT_SOLBACKA, OID_ANNA);
            browser.navigate().to(uri("/sign-in/oidc?next=" + next).toURL());
            waiting().until(ExpectedConditions.urlContains("/groups.xhtml"));
            assertThat(java.net.URI.create(browser.getCurrentUrl()).getHost()).as(attempt).isEqualTo(uri("/").getHost());
            assertThat(text()).as(attempt).contains("Signed in as Anna Andersson");
        }
        closeBrowser();

        open("en-GB,en", 375, 812);
        for (String attempt : List.of("//evil.example", "https://evil.example")) {
            browser.navigate().to(uri("/guardian/sign-in.xhtml?next=" + URLEncoder.encode(attempt, StandardCharsets.UTF_8)).toURL());
            assertThat(browser.findElements(By.id("notSignedIn"))).as(attempt).isEmpty();
            signInWithCode(GuardianSignIns.emailLoginOf(database, PERSON_KARIN));
            waiting().until(ExpectedConditions.urlContains("/guardian/children.xhtml"));
            assertThat(java.net.URI.create(browser.getCurrentUrl()).getHost()).as(attempt).isEqualTo(uri("/").getHost());
            signOut();
        }
    }

    /**
     * Lars Isaksson signs in through the identity provider's button and lands on his children; Ivar turned 18 and the
     * school has recorded no consent of his, so Ivar is not listed, and Ivar's page says which prerequisite is missing:
     * the link ended at majority, and what Ivar can do about it.
     */
    @Test
    void larsSignsInWithHisEIdAndIsToldWhyHeMayNoLongerSeeIvar() throws IOException {
        open("sv-SE,sv", 375, 812);
        browser.navigate().to(uri("/guardian/sign-in.xhtml").toURL());
        OidcServer.nextSignInAs(idpSubject("lars"));
        waitFor(By.id("idpSignIn")).click();
        waiting().until(ExpectedConditions.urlContains("/guardian/children.xhtml"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mina barn");
        assertThat(text()).contains("Det finns inga barn att visa.").doesNotContain("Ivar");

        browser.navigate().to(uri("/guardian/child.xhtml?id=" + PERSON_IVAR).toURL());
        WebElement denial = waitFor(By.id("denial"));
        assertThat(denial.getText()).contains("Åtkomst nekad", "En förutsättning saknas");
        assertThat(denial.findElements(By.tagName("li"))).isNotEmpty();
        assertThat(denial.getText()).contains("Eleven har fyllt 18 år, så din vårdnadshavarkoppling upphörde vid "
                        + "myndighetsdagen; den fortsätter bara om eleven samtycker och skolan registrerar samtycket")
                .contains("Om eleven vill att du behåller åtkomsten kan eleven säga det till skolan, som registrerar samtycket.");
        assertThat(text()).doesNotContain("Ma1c-A", "Exception");
        assertNoHorizontalScroll();
        screenshot("portal-guardian-denied");
    }

    /**
     * Sara previews the register's files on the imports page before importing them: the preview runs on the server,
     * the page shows it as a preview with what it would change and who would gain and lose access, and the roster is
     * as it was.
     */
    @Test
    void saraPreviewsTheRegistersFilesAndNothingChanges(DataSource database) throws Exception {
        String roster = String.join("\n", Sql.strings(database, "select id || ' ' || coalesce(cast(valid_to as varchar), '-')"
                + " from membership order by 1"));
        long people = Sql.number(database, "select count(*) from person");
        java.nio.file.Path samples = ServerChecks.sharedData("sds-v2.1");
        String files = String.join("\n", List.of("orgs.csv", "users.csv", "roles.csv", "classes.csv", "enrollments.csv",
                "academicSessions.csv", "courses.csv", "demographics.csv", "userFlags.csv", "relationships.csv").stream()
                .map(file -> samples.resolve(file).toAbsolutePath().toString()).toList());

        open("sv-SE,sv", 1280, 1000);
        signInAsStaff(OID_SARA);
        browser.findElement(By.id("importsLink")).click();
        waitFor(By.id("importUpload:preview"));
        assertThat(text()).contains("En förhandsgranskning läser, kontrollerar och skriver filerna");
        int runsBefore = browser.findElements(By.cssSelector("article.import-run")).size();
        browser.findElement(By.id("importUpload:files")).sendKeys(files);
        clickAndWait(browser.findElement(By.id("importUpload:preview")));
        assertThat(waitFor(By.id("messages")).getText()).contains("Förhandsgranskningen har startat");
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("article.import-run")).size() > runsBefore
                        && !"RUNNING".equals(driver.findElements(By.cssSelector("article.import-run")).get(0)
                        .getAttribute("data-status")));
        WebElement previewed = browser.findElements(By.cssSelector("article.import-run")).get(0);
        assertThat(previewed.getAttribute("data-preview")).isEqualTo("true");
        assertThat(previewed.getAttribute("data-status")).as(previewed.getText()).isEqualTo("PREVIEWED");
        assertThat(previewed.getText()).contains("Förhandsgranskad", "Förhandsgranskning", "ingenting ändrades",
                "Personer", "users.csv");
        assertThat(previewed.findElements(By.cssSelector("table.impact, p.no-impact"))).isNotEmpty();
        assertThat(Sql.number(database, "select count(*) from person")).as("a preview creates nobody").isEqualTo(people);
        assertThat(String.join("\n", Sql.strings(database, "select id || ' ' || coalesce(cast(valid_to as varchar), '-')"
                + " from membership order by 1"))).as("a preview ends no membership").isEqualTo(roster);
        List<String> problems = new java.util.ArrayList<>(axe("imports page with a preview (Sara)"));
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
        screenshot("portal-admin-imports-preview");
    }

    @Test
    void saraFollowsTheImportsAndReadsElsasAuditLog() throws Exception {
        // A refused import of Solbacka's: recorded as a run with its problems, and nothing in the roster changes.
        HttpResponse<String> rejected = uploadOrgsOnly(TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
        // Something for Elsa's log: Anna reads her profile.
        api("GET", "/api/v1/students/" + PERSON_ELSA, OID_ANNA, null, 200);

        open("sv-SE,sv", 1280, 1000);
        signInAsStaff(OID_SARA);

        browser.findElement(By.id("importsLink")).click();
        WebElement run = waitFor(By.cssSelector("article.import-run[data-status='REJECTED']"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Importer från elevregistret");
        assertThat(run.getText()).contains("Avvisad", "orgs.csv", "Problem", "users.csv");
        screenshot("portal-admin-imports");

        // The same through the page: a zip with the file in a folder, as a register exports it. The import runs on
        // the server, the page comes back with it, and its problems are listed; the roster is unchanged.
        java.nio.file.Path zip = java.nio.file.Files.createTempFile("klassrum-roster-", ".zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("export/orgs.csv"));
            out.write("sourcedId,name,type,parentSourcedId\r\nsolbacka-zip,Solbacka zipskola,school,\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new java.util.zip.ZipEntry("export/readme.txt"));
            out.write("not a roster file".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        int runsBefore = browser.findElements(By.cssSelector("article.import-run")).size();
        List<String> problems = new java.util.ArrayList<>(axe("imports page with its upload form (Sara)"));
        browser.findElement(By.id("importUpload:files")).sendKeys(zip.toAbsolutePath().toString());
        clickAndWait(browser.findElement(By.id("importUpload:import")));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                driver.findElements(By.cssSelector("article.import-run")).size() > runsBefore);
        assertThat(text()).contains("Importen");
        // The import runs in the background and the page reads itself again while it runs: the new run may still be
        // RUNNING when it first appears, and is to end as REJECTED.
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> !"RUNNING".equals(driver.findElements(By.cssSelector("article.import-run")).get(0)
                        .getAttribute("data-status")));
        WebElement fromPage = browser.findElements(By.cssSelector("article.import-run")).get(0);
        assertThat(fromPage.getAttribute("data-status")).isEqualTo("REJECTED");
        assertThat(fromPage.getText()).contains("orgs.csv", "Problem", "users.csv").doesNotContain("readme.txt");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/imports.xhtml");
        java.nio.file.Files.deleteIfExists(zip);

        // A file that is no roster file starts nothing and says so.
        java.nio.file.Path notes = java.nio.file.Files.createTempFile("klassrum-notes-", ".txt");
        java.nio.file.Files.writeString(notes, "hej");
        browser.findElement(By.id("importUpload:files")).sendKeys(notes.toAbsolutePath().toString());
        clickAndWait(browser.findElement(By.id("importUpload:import")));
        assertThat(waitFor(By.id("messages")).getText()).contains("Importen startade inte", "Inte en CSV- eller zip-fil");
        assertThat(browser.findElements(By.cssSelector("article.import-run"))).hasSize(runsBefore + 1);
        java.nio.file.Files.deleteIfExists(notes);
        problems.addAll(axe("imports page after an upload (Sara)"));
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
        screenshot("portal-admin-imports-uploaded");

        browser.findElement(By.id("auditLink")).click();
        waitFor(By.id("audit:student"));
        new Select(browser.findElement(By.id("audit:demoStudent"))).selectByVisibleText("Elsa Ek");
        browser.findElement(By.id("audit:show")).click();
        WebElement log = waitFor(By.id("log"));
        assertThat(log.getText()).contains("Logg för Elsa Ek", "Anna Andersson läste Elsas profil", "tillåtet");
        // The data extract for Elsa's request: the page's download is the same file as the API's, and it is logged.
        String extractAddress = browser.findElement(By.id("extract")).getAttribute("href");
        assertThat(extractAddress).contains("/admin/extract.json?student=" + PERSON_ELSA);
        Object fetched = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('Content-Disposition')"
                        + " + ' ' + t))).catch(e => done('failed ' + e));", extractAddress);
        assertThat(String.valueOf(fetched)).startsWith("200 attachment").contains("\"givenName\":\"Elsa\"", "\"accessLog\"");
        assertThat(text()).doesNotContain("Exception");
        screenshot("portal-admin-audit");

        // Anna is no administrator: both pages refuse her.
        signOut();
        signInAsStaff(OID_ANNA);
        browser.navigate().to(uri("/admin/imports.xhtml").toURL());
        assertThat(waitFor(By.id("refusal")).getText()).contains("Bara en skoladministratör");
        browser.navigate().to(uri("/admin/audit.xhtml?student=" + PERSON_ELSA).toURL());
        assertThat(waitFor(By.id("refusal")).getText()).contains("Hittades inte");
        assertThat(browser.findElements(By.id("log"))).isEmpty();
    }

    /**
     * Sara reads the log of her school across its students, filtered to what Anna read: the sentence names Elsa and
     * leads to Elsa's own log; the filter stays chosen in the address; what Petra read about Rut at another school is
     * not there. In English on a phone too. Anna, a teacher, is refused the page.
     */
    @Test
    void saraReadsTheLogOfHerSchoolFilteredToWhatAnnaRead() throws Exception {
        api("GET", "/api/v1/students/" + PERSON_ELSA, OID_ANNA, null, 200);
        api("GET", "/api/v1/students/" + PERSON_RUT, OID_PETRA, null, 200);

        open("sv-SE,sv", 1280, 1000);
        signInAsStaff(OID_SARA);
        browser.findElement(By.id("logLink")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Loggen för dina skolor");
        new Select(browser.findElement(By.id("actor"))).selectByVisibleText("Anna Andersson");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("allowed");
        clickAndWait(browser.findElement(By.id("show")));
        WebElement log = waitFor(By.id("log"));
        assertThat(log.getText()).contains("Anna Andersson läste Elsa Eks profil", "tillåtet").doesNotContain("Rut", "Petra");
        assertThat(browser.getCurrentUrl()).contains("actor=" + PERSON_ANNA, "outcome=allowed");
        assertThat(new Select(browser.findElement(By.id("actor"))).getFirstSelectedOption().getText()).isEqualTo("Anna Andersson");
        assertThat(log.findElements(By.cssSelector("tbody tr"))).allSatisfy(row ->
                assertThat(row.findElement(By.cssSelector("td.sentence")).getText()).startsWith("Anna Andersson"));
        List<String> problems = new java.util.ArrayList<>(axe("the log of Sara's schools"));
        screenshot("admin-log-anna");
        WebElement elsa = log.findElement(By.linkText("Elsa Ek"));
        assertThat(elsa.getAttribute("href")).contains("/admin/audit.xhtml?student=" + PERSON_ELSA);
        // The export holds the same entries, filtered the same way, with the students of each.
        String csvAddress = browser.findElement(By.id("csv")).getAttribute("href");
        assertThat(csvAddress).contains("/admin/log.csv?", "actor=" + PERSON_ANNA, "outcome=allowed");
        Object csv = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('Content-Disposition')"
                        + " + ' ' + t))).catch(e => done('failed ' + e));", csvAddress);
        assertThat(String.valueOf(csv)).startsWith("200 attachment").contains("\"Anna Andersson läste Elsa Eks profil\"",
                "\"Elsa Ek\"", PERSON_ELSA.toString()).doesNotContain("Rut", "Petra Pettersson");

        open("en", 375, 800);
        signInAsStaff(OID_SARA);
        browser.navigate().to(uri("/admin/log.xhtml?actor=" + PERSON_ANNA + "&outcome=allowed").toURL());
        assertThat(waitFor(By.id("log")).getText()).contains("Anna Andersson read Elsa Ek's profile", "allowed");
        problems.addAll(axe("the log of Sara's schools, English, phone"));
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
        screenshot("admin-log-anna-phone-en");

        open("sv-SE,sv", 1280, 1000);
        signInAsStaff(OID_ANNA);
        browser.navigate().to(uri("/admin/log.xhtml").toURL());
        assertThat(waitFor(By.id("refusal")).getText()).contains("Loggen är till för skoladministratörer");
        assertThat(browser.findElements(By.id("log"))).isEmpty();
    }

    /**
     * Sara manages Elsa's guardians by finding Elsa by name, never by an internal id: both guardians with their links
     * and logins; she switches Ebba's login on and off again and gives Ebba an e-mail login, each told on the page.
     * Greta's guardians, behind a protected identity Sara has no path to, are "not found"; Anna may not manage any.
     */
    @Test
    void saraFindsElsaByNameAndManagesHerGuardiansLogins(DataSource database) throws Exception {
        String address = "ebba-" + UUID.randomUUID() + "@example.se";
        try {
            open("sv-SE,sv", 1280, 1000);
            signInAsStaff(OID_SARA);
            browser.findElement(By.id("guardiansLink")).click();
            assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Vårdnadshavare och deras inloggningar");
            browser.findElement(By.id("find:name")).sendKeys("elsa");
            clickAndWait(browser.findElement(By.id("find:search")));
            clickAndWait(waitFor(By.linkText("Elsa Ek")));
            WebElement guardians = waitFor(By.id("guardians"));
            assertThat(guardians.getText()).contains("Ebba Ek", "Karin Ek", "Vårdnadshavare", "Kopplingen ger åtkomst");
            assertThat(browser.getCurrentUrl()).contains("student=" + PERSON_ELSA);
            WebElement ebbasLogin = browser.findElement(By.cssSelector("li[data-login='" + GUARDIAN_LOGIN_EBBA + "']"));
            assertThat(ebbasLogin.getAttribute("data-enabled")).isEqualTo("false");
            List<String> problems = new java.util.ArrayList<>(axe("Elsa's guardians (Sara)"));
            screenshot("admin-guardians-elsa");

            clickAndWait(ebbasLogin.findElement(By.cssSelector("input[id$='enable']")));
            assertThat(waitFor(By.id("messages")).getText()).contains("Inloggningen är påslagen");
            assertThat(browser.findElement(By.cssSelector("li[data-login='" + GUARDIAN_LOGIN_EBBA + "']"))
                    .getAttribute("data-enabled")).isEqualTo("true");
            clickAndWait(browser.findElement(By.cssSelector("li[data-login='" + GUARDIAN_LOGIN_EBBA + "'] input[id$='disable']")));
            assertThat(waitFor(By.id("messages")).getText()).contains("Inloggningen är avstängd");
            assertThat(browser.findElement(By.cssSelector("li[data-login='" + GUARDIAN_LOGIN_EBBA + "']"))
                    .getAttribute("data-enabled")).isEqualTo("false");

            WebElement ebba = browser.findElement(By.xpath("//li[@data-guardian][.//strong[text()='Ebba Ek']]"));
            ebba.findElement(By.cssSelector("input[type='email']")).sendKeys(address);
            clickAndWait(ebba.findElement(By.cssSelector("input[id$='addEmail']")));
            assertThat(waitFor(By.id("messages")).getText()).contains("Vårdnadshavaren har en e-postinloggning");
            assertThat(browser.findElement(By.id("guardians")).getText()).contains("E-post: " + address);
            problems.addAll(axe("Elsa's guardians after the changes (Sara)"));
            assertThat(problems).as("serious or critical accessibility violations").isEmpty();
            screenshot("admin-guardians-elsa-changed");

            browser.navigate().to(uri("/admin/guardians.xhtml?student=" + PERSON_GRETA).toURL());
            assertThat(waitFor(By.id("refusal")).getText()).contains("Hittades inte");
            assertThat(text()).doesNotContain("Nils");

            open("sv-SE,sv", 1280, 1000);
            signInAsStaff(OID_ANNA);
            browser.navigate().to(uri("/admin/guardians.xhtml?student=" + PERSON_ELSA).toURL());
            assertThat(waitFor(By.id("refusal")).getText()).contains("skoladministratörer");
            assertThat(browser.findElements(By.id("guardians"))).isEmpty();
        } finally {
            Sql.update(database, "update guardian_login set enabled = false where id = ?", GUARDIAN_LOGIN_EBBA);
            Sql.update(database, "delete from guardian_login where subject = ?", address);
        }
    }

    /**
     * Sara connects Ke1-D, gives it the chemistry syllabus, links Anna to chemistry, and undoes each change again;
     * the demo roster ends as it began (and is put back by SQL should an assertion fail half-way).
     */
    @Test
    void saraConnectsAGroupSetsItsSyllabusAndLinksATeacherToASubject(DataSource database) throws Exception {
        try {
            open("sv-SE,sv", 1280, 1000);
            signInAsStaff(OID_SARA);
            // Sara has no groups of her own: her start page is the school she administers, at a glance.
            assertThat(text()).doesNotContain("Du har inga grupper i dag");
            assertThat(waitFor(By.cssSelector("#administered li[data-school='Solbacka gymnasium']")).getText())
                    .isEqualTo("Solbacka gymnasium " + gymnasiumSummary(database));
            assertThat(browser.findElements(By.cssSelector("#administered li"))).hasSize(1);
            assertThat(browser.findElement(By.id("administered")).getText()).contains("Importer", "Granskningslogg");
            assertThat(axe("start page (Sara)")).isEmpty();
            screenshot("portal-admin-start");
            browser.findElement(By.id("adminGroupsLink")).click();
            waitFor(By.id("school-heading"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Grupper och ämneskopplingar");
            assertThat(browser.findElement(By.id("school-heading")).getText()).isEqualTo("Solbacka gymnasium");
            assertThat(group(KE1_D).findElement(By.cssSelector(".admin-group-head")).getText()).contains("Undervisningsgrupp");
            assertThat(group(KE1_D).findElement(By.cssSelector(".label.warn")).getText()).isEqualTo("ej ansluten");
            assertThat(text()).contains("Ma1c-A", "NA24a mentorsgrupp", "Mentorsgrupp").doesNotContain("Ma8-A");
            screenshot("portal-admin-groups");

            // A search narrows the list, and the list keeps it, and its place, after each change.
            long total = Sql.number(database, "select count(*) from study_group where school_id = ?", SCHOOL_SOLBACKA_GYMNASIUM);
            browser.findElement(By.id("q")).sendKeys("ke1");
            new Select(browser.findElement(By.id("state"))).selectByVisibleText("Ej anslutna");
            browser.findElement(By.id("filterButton")).click();
            waiting().until(ExpectedConditions.urlContains("q=ke1"));
            assertThat(browser.findElements(By.cssSelector("li[data-group]"))).extracting(row -> row.getAttribute("data-group"))
                    .containsExactly(KE1_D);
            assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("Visar 1 av " + total + " grupper.");
            assertThat(axe("groups, searched and filtered (Sara)")).isEmpty();
            new Select(browser.findElement(By.id("state"))).selectByVisibleText("Alla lägen");
            browser.findElement(By.id("filterButton")).click();
            waiting().until(driver -> driver.findElements(By.cssSelector("li[data-group]")).size() == 2);
            assertThat(browser.findElements(By.cssSelector("li[data-group]"))).extracting(row -> row.getAttribute("data-group"))
                    .containsExactly(KE1_D, "Ke1-E");

            group(KE1_D).findElement(By.cssSelector("input[value='Anslut']")).click();
            expectNotice(KE1_D + " är ansluten.");
            assertThat(browser.getCurrentUrl()).contains("q=ke1");
            assertThat(browser.findElements(By.cssSelector("li[data-group]"))).as("the search is kept").hasSize(2);
            assertThat(group(KE1_D).getAttribute("data-connected")).isEqualTo("true");
            assertThat(group(KE1_D).findElement(By.cssSelector(".label.ok")).getText()).isEqualTo("ansluten");
            assertThat(Sql.number(database, "select count(*) from study_group where id = ? and connected", GROUP_KE1_D)).isEqualTo(1);

            new Select(group(KE1_D).findElement(By.tagName("select"))).selectByVisibleText("KEMKEM01 – Kemi 1");
            group(KE1_D).findElement(By.cssSelector("input[value='Spara kursplan']")).click();
            expectNotice(KE1_D + " har fått sin kursplan.");
            assertThat(new Select(group(KE1_D).findElement(By.tagName("select"))).getFirstSelectedOption().getText())
                    .startsWith("KEMKEM01");

            new Select(browser.findElement(By.id("newLink:teacher"))).selectByVisibleText("Anna Andersson");
            new Select(browser.findElement(By.id("newLink:subject"))).selectByVisibleText("KEM – Kemi");
            browser.findElement(By.id("newLink:link")).click();
            expectNotice("Läraren är kopplad till ämnet.");
            WebElement link = browser.findElement(By.cssSelector("li[data-link='Anna Andersson|KEM']"));
            assertThat(link.getText()).contains("Anna Andersson", "KEM");
            scrollTo(link);
            screenshot("portal-admin-groups-changed");

            // Undone, one by one, through the page.
            link.findElement(By.cssSelector("input[value='Ta bort']")).click();
            expectNotice("Kopplingen är borttagen.");
            assertThat(browser.findElements(By.cssSelector("li[data-link='Anna Andersson|KEM']"))).isEmpty();
            new Select(group(KE1_D).findElement(By.tagName("select"))).selectByValue("");
            group(KE1_D).findElement(By.cssSelector("input[value='Spara kursplan']")).click();
            expectNotice(KE1_D + " har ingen kursplan nu.");
            // Disconnecting asks first, with what it would do to access, decided by the rules: Anna keeps Elsa through
            // En5-B and Fy1a-C, so no teacher loses a student; Elsa loses Ke1-D's posts and assignments.
            group(KE1_D).findElement(By.cssSelector("input[value='Koppla från']")).click();
            assertThat(waitFor(By.id("impact")).getText()).isEqualTo("Ingen lärare förlorar åtkomsten till någon elevs"
                    + " information genom gruppen, och 1 elev förlorar gruppens inlägg och uppgifter.");
            assertThat(browser.findElement(By.id("confirm-title")).getText()).isEqualTo("Koppla från " + KE1_D + "?");
            assertThat(Sql.number(database, "select count(*) from study_group where id = ? and connected", GROUP_KE1_D))
                    .as("nothing changes before it is confirmed").isEqualTo(1);
            group(KE1_D).findElement(By.cssSelector("input[value='Ja, koppla från']")).click();
            expectNotice(KE1_D + " är inte längre ansluten.");
            assertThat(group(KE1_D).getAttribute("data-connected")).isEqualTo("false");
        } finally {
            Sql.update(database, "update study_group set connected = false, syllabus_id = null where id = ?", GROUP_KE1_D);
            Sql.update(database, "delete from teacher_subject where teacher_id = ? and subject_id = ?", PERSON_ANNA, SUBJECT_KEM);
        }
    }

    /**
     * "Koppla från" on Ma1c-A says first that Anna would lose four of its students (Elsa she keeps through En5-B and
     * Fy1a-C) and that four would lose its posts (Klara, without a student licence, reads none today), in Swedish and in
     * English; Greta, whose identity is protected and to whom Sara has no path, is not counted. Cancelling changes
     * nothing. The confirmation passes axe.
     */
    @Test
    void disconnectingAGroupSaysFirstWhoLosesAccessAndCancellingKeepsIt(DataSource database) throws Exception {
        open("sv-SE,sv", 1280, 1000);
        signInAsStaff(OID_SARA);
        browser.navigate().to(uri("/admin/groups.xhtml").toURL());
        group(MA1C_A).findElement(By.cssSelector("input[value='Koppla från']")).click();
        assertThat(waitFor(By.id("impact")).getText()).isEqualTo("1 lärare förlorar åtkomsten till 4 elevers information"
                + " genom gruppen, och 4 elever förlorar gruppens inlägg och uppgifter.");
        assertThat(browser.findElement(By.id("confirm")).getAttribute("role")).isEqualTo("alertdialog");
        assertThat(group(MA1C_A).findElements(By.cssSelector("input[value='Koppla från']")))
                .as("the row offers the confirmation, not the same button again").isEmpty();
        assertThat(axe("groups, confirming a disconnection (Sara)")).isEmpty();
        screenshot("portal-admin-groups-confirm-disconnect");
        group(MA1C_A).findElement(By.linkText("Avbryt")).click();
        waiting().until(ExpectedConditions.numberOfElementsToBe(By.id("impact"), 0));
        assertThat(group(MA1C_A).getAttribute("data-connected")).isEqualTo("true");
        assertThat(Sql.number(database, "select count(*) from study_group where id = ? and connected", GROUP_MA1C_A)).isEqualTo(1);

        open("en-GB,en", 375, 812);
        signInAsStaff(OID_SARA);
        browser.navigate().to(uri("/admin/groups.xhtml").toURL());
        group(MA1C_A).findElement(By.cssSelector("input[value='Disconnect']")).click();
        assertThat(waitFor(By.id("impact")).getText()).isEqualTo("1 teacher loses access to the data of 4 students through"
                + " the group, and 4 students lose the group's posts and assignments.");
        assertNoHorizontalScroll("groups, confirming a disconnection, on a phone");
        screenshot("portal-admin-groups-confirm-disconnect-phone");
        assertThat(Sql.number(database, "select count(*) from study_group where id = ? and connected", GROUP_MA1C_A)).isEqualTo(1);
    }

    /** Anna is no school administrator: the groups page refuses her. */
    @Test
    void aTeacherMayNotAdministerGroups() throws IOException {
        open("en-GB,en", 1280, 1000);
        signInAsStaff(OID_ANNA);
        assertThat(browser.findElements(By.id("adminGroupsLink"))).isEmpty();
        browser.navigate().to(uri("/admin/groups.xhtml").toURL());
        assertThat(waitFor(By.id("refusal")).getText()).contains("Only a school administrator");
        assertThat(text()).doesNotContain("Ke1-D", "Connect");
    }

    /** "7 grupper · 1 ej ansluten · 2 utan kursplan", counted in the database: the gymnasium's current groups. */
    private static String gymnasiumSummary(DataSource database) throws Exception {
        String current = "from study_group where school_id = '" + SCHOOL_SOLBACKA_GYMNASIUM + "' and not archived";
        long groups = Sql.number(database, "select count(*) " + current);
        long notConnected = Sql.number(database, "select count(*) " + current + " and not connected");
        long withoutSyllabus = Sql.number(database, "select count(*) " + current + " and kind = 'TEACHING' and syllabus_id is null");
        assertThat(groups).as("the demo gymnasium has several groups").isGreaterThan(1);
        return groups + " grupper · " + (notConnected == 0 ? "alla anslutna" : notConnected == 1 ? "1 ej ansluten"
                : notConnected + " ej anslutna") + " · " + (withoutSyllabus == 0 ? "alla undervisningsgrupper har kursplan"
                : withoutSyllabus == 1 ? "1 utan kursplan" : withoutSyllabus + " utan kursplan");
    }

    private WebElement group(String name) {
        return waitFor(By.cssSelector("li[data-group='" + name + "']"));
    }

    private void api(String method, String path, UUID objectId, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    }

    /** Only orgs.csv of a School Data Sync set: refused, since the other files are missing. */
    private HttpResponse<String> uploadOrgsOnly(String token) throws Exception {
        String boundary = "klassrum-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orgs.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write("sourcedId,name,type,parentSourcedId\r\nsolbacka-test,Solbacka testskola,school,\r\n"
                .getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The explain page asks about an assessment with the group it was given in, and answers as reading it is decided:
     * Anna's own question about a draft of Hugo's Ma1c assessment in last year's archived Ma1c-A is not allowed (an
     * earlier assessment is read only when published), while a draft she would set now in her current Ma1c-A is; the
     * field belongs to assessments only. Swedish; the answer passes axe.
     */
    @Test
    void theExplainPageExplainsAnEarlierAssessmentWithTheGroupItWasGivenIn() throws IOException {
        open("sv-SE,sv", 1280, 1000);
        signInAsStaff(OID_ANNA);

        explainAsAnna("ASSESSMENT", SYLLABUS_MATMAT01C.toString(), GROUP_MA1C_A_PREVIOUS.toString(), false);
        WebElement earlier = waitFor(By.id("answer"));
        assertThat(earlier.findElement(By.id("answer-heading")).getAttribute("class")).isEqualTo("failed");
        assertThat(earlier.findElement(By.cssSelector("section[data-path='TEACHER'] li[data-code='EARLIER_PUBLISHED']"))
                .getAttribute("class")).contains("failed");
        assertThat(axe("explain, an earlier assessment (Anna)")).isEmpty();
        screenshot("explain-earlier-assessment");

        explainAsAnna("ASSESSMENT", SYLLABUS_MATMAT01C.toString(), "", false);
        assertThat(waitFor(By.id("answer-heading")).getAttribute("class")).as("a draft she sets now").isEqualTo("passed");

        explainAsAnna("STUDENT_PROFILE", "", GROUP_MA1C_A_PREVIOUS.toString(), true);
        assertThat(waitFor(By.id("explain:assessmentGroupMessage")).getText())
                .isEqualTo("Bara ett omdöme anges med gruppen där det gavs: lämna fältet tomt.");
        assertThat(browser.findElements(By.id("answer"))).isEmpty();
    }

    /** Anna asks the explain page about herself and Hugo. */
    private void explainAsAnna(String kind, String syllabus, String assessmentGroup, boolean published) throws IOException {
        browser.navigate().to(uri("/explain.xhtml").toURL());
        for (String[] field : new String[][] {{"explain:person", PERSON_ANNA.toString()},
                {"explain:student", PERSON_HUGO.toString()}, {"explain:syllabus", syllabus},
                {"explain:assessmentGroup", assessmentGroup}}) {
            WebElement input = waitFor(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        new Select(browser.findElement(By.id("explain:kind"))).selectByValue(kind);
        WebElement box = browser.findElement(By.id("explain:published"));
        if (box.isSelected() != published) {
            box.click();
        }
        clickAndWait(browser.findElement(By.id("explain:ask")));
    }

    /**
     * Signs out and waits for the page the sign-out leads to: the sign-out is a form post whose redirect would
     * otherwise still be on its way when the test navigates elsewhere, and then win.
     */
    private void signOut() {
        // Until the old page is gone; while Chromium swaps the pages it may also answer that the button no longer
        // belongs to the document, which clickAndWait takes as gone too.
        clickAndWait(browser.findElement(By.id("signOut:signOutButton")));
        waiting().until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /**
     * Waits for the page's notice to say this. Each change reloads the page, and until it has, the notice of the change
     * before is still there: the text is read anew each time, so that neither the old notice nor its element going
     * stale is mistaken for the answer.
     */
    private void expectNotice(String expected) {
        try {
            waiting()
                    .until(ExpectedConditions.textToBe(By.cssSelector(".notice"), expected));
        } catch (org.openqa.selenium.TimeoutException late) {
            assertThat(browser.findElements(By.cssSelector(".notice"))).as("the notice").extracting(WebElement::getText)
                    .containsExactly(expected);
        }
    }

}
