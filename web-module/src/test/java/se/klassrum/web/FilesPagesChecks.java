package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_KARIN;

/**
 * Attachments on the pages, in headless Chromium: Anna attaches a PDF and a picture to a post in one go, Elsa (in
 * English) attaches a file to her hand-in, which only she sees until she hands in; Anna then downloads it from the
 * submissions, another student of the group gets a 404 for it, and Karin, Elsa's guardian, on her phone in English,
 * sees and downloads the post's files and may download Elsa's handed-in file. axe-core finds no serious or critical violation on any of these pages.
 */
abstract class FilesPagesChecks extends BrowserTest {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aTeacherAndAStudentAttachFilesAndEachReaderDownloadsWhatTheyMay(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String post = annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/posts", "{\"body\":\"Bilder från labbet " + marker + "\"}");
        String assignment = annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/assignments", "{\"title\":\"Labbrapport "
                + marker + "\",\"instructions\":\"<p>Bifoga rapporten</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7)
                + "\",\"publish\":true}");
        Path folder = Files.createTempDirectory("klassrum-files-");
        Path pdf = Files.write(folder.resolve("Laborationsinstruktion åäö.pdf"), PDF);
        Path png = folder.resolve("tavlan.png");
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Path report = Files.write(folder.resolve("rapport.pdf"), PDF);
        String assignmentPage = "/assignment.xhtml?group=" + GROUP_MA1C_A + "&id=" + assignment;
        List<String> problems = new ArrayList<>();
        try {
            // Anna attaches two files to the post at once.
            open("sv-SE,sv");
            signInAs("anna");
            browser.navigate().to(uri("/group.xhtml?id=" + GROUP_MA1C_A).toURL());
            WebElement choose = waitFor(By.id("files-" + post + "-choose"));
            assertThat(choose.getAttribute("multiple")).isNotNull();
            assertThat(browser.findElement(By.id("files-" + post + "-camera")).getAttribute("capture")).isEqualTo("environment");
            assertThat(text()).contains("Bifoga filer", "Eller ta ett foto");
            choose.sendKeys(pdf + "\n" + png);
            clickAndWait(browser.findElement(By.id("files-" + post + "-send")));
            WebElement files = waitFor(By.id("files-" + post));
            assertThat(files.getText()).contains("Laborationsinstruktion åäö.pdf", "tavlan.png", "Visa");
            problems.addAll(axe("group with a post's files (Anna)"));
            screenshot("files-group-anna");

            // Elsa, in English: the post's files, and a file with her hand-in.
            closeBrowser();
            open("en-GB,en");
            signInAs("elsa");
            browser.navigate().to(uri("/group.xhtml?id=" + GROUP_MA1C_A).toURL());
            WebElement readable = waitFor(By.id("files-" + post));
            assertThat(readable.getText()).contains("Laborationsinstruktion åäö.pdf", "tavlan.png");
            assertThat(browser.findElements(By.id("files-" + post + "-upload"))).as("no upload form for a student").isEmpty();
            Map<String, Object> postFile = fetch(readable.findElement(By.cssSelector("a.file-download")).getAttribute("href"));
            assertThat(postFile.get("status")).isEqualTo(200L);
            assertThat((String) postFile.get("disposition")).startsWith("attachment;").contains("filename*=UTF-8''");

            browser.navigate().to(uri(assignmentPage).toURL());
            WebElement mine = waitFor(By.id("files-mine-choose"));
            assertThat(text()).contains("Attach files", "Or take a photo");
            mine.sendKeys(report.toString());
            clickAndWait(browser.findElement(By.id("files-mine-send")));
            WebElement own = waitFor(By.id("files-mine"));
            assertThat(own.getText()).contains("rapport.pdf", "Only you see it until you hand in");
            String reportLink = own.findElement(By.cssSelector("a.file-download")).getAttribute("href");
            problems.addAll(axe("assignment with a draft's file, English (Elsa)"));
            screenshot("files-assignment-elsa-draft");

            signInAs("anna");
            browser.navigate().to(uri(assignmentPage).toURL());
            waitFor(By.tagName("h1"));
            assertThat(text()).doesNotContain("rapport.pdf");
            assertThat(fetch(reportLink).get("status")).as("Anna before the hand-in").isEqualTo(404L);

            signInAs("elsa");
            browser.navigate().to(uri(assignmentPage).toURL());
            editor("submit:content").sendKeys("My report is attached");
            clickAndWait(browser.findElement(By.id("submit:submitButton")));
            assertThat(waitFor(By.id("files-mine")).getText()).contains("rapport.pdf").doesNotContain("Only you see it");

            signInAs("anna");
            browser.navigate().to(uri(assignmentPage).toURL());
            WebElement handedIn = waitFor(By.id("files-" + PERSON_ELSA));
            assertThat(handedIn.getText()).contains("rapport.pdf");
            Map<String, Object> teacher = fetch(handedIn.findElement(By.cssSelector("a.file-download")).getAttribute("href"));
            assertThat(teacher.get("status")).isEqualTo(200L);
            assertThat(teacher.get("size")).isEqualTo((long) PDF.length);
            problems.addAll(axe("assignment with a handed-in file (Anna)"));

            signInAs("filip");
            assertThat(fetch(reportLink).get("status")).as("another student of the group").isEqualTo(404L);

            // Karin, Elsa's guardian, on her phone in English.
            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAsGuardian(Sql.strings(database, "select subject from guardian_login where guardian_id = ? and "
                    + "method = 'EMAIL' and enabled", PERSON_KARIN).get(0));
            browser.navigate().to(uri("/guardian/child.xhtml?id=" + PERSON_ELSA).toURL());
            WebElement guardian = waitFor(By.id("files-" + post));
            assertThat(guardian.getText()).contains("Laborationsinstruktion åäö.pdf", "tavlan.png", "View");
            Map<String, Object> karin = fetch(guardian.findElement(By.cssSelector("a.file-download")).getAttribute("href"));
            assertThat(karin.get("status")).isEqualTo(200L);
            assertThat(fetch(reportLink).get("status")).as("Elsa's handed-in file for her guardian").isEqualTo(200L);
            assertNoHorizontalScroll("guardian's child page with files");
            problems.addAll(axe("guardian's child page with files, phone, English (Karin)"));
            screenshot("files-guardian-karin-phone");
        } finally {
            Sql.update(database, "delete from post where id = ?", UUID.fromString(post));
            Sql.update(database, "delete from submission where assignment_id = ?", UUID.fromString(assignment));
            Sql.update(database, "delete from assignment where id = ?", UUID.fromString(assignment));
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }
}
