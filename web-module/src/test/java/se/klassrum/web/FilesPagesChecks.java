package se.klassrum.web;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Further scenarios: files with an assignment's instructions and with a teacher's answers, and an upload's progress
 * and refusals, each walked in Swedish and in English and on a phone.
 */
abstract class FilesPagesChecks extends BrowserTest {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aTeacherAndAStudentAttachFilesAndEachReaderDownloadsWhatTheyMay(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String post = annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/posts", "{\"body\":\"Bilder från labbet " + marker + "\"}");
        String assignment = annaPublishes("Labbrapport " + marker, "Bifoga rapporten");
        Path folder = Files.createTempDirectory("klassrum-files-");
        Path pdf = Files.write(folder.resolve("Laborationsinstruktion åäö.pdf"), PDF);
        Path png = picture(folder, "tavlan.png");
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
            deleteAssignment(database, assignment);
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    /**
     * Anna attaches a PDF and a picture to an assignment's instructions in one go; Elsa, on her phone in English, sees
     * them with the instructions, views the picture and downloads the PDF, and hands in. Anna puts a file ready for
     * her answer, which Elsa cannot fetch until Anna asks for completion with it; Elsa reads it with the request and
     * hands in again, and the file stays with that request in the history. Anna, now on her phone in English, answers
     * with another file and returns the work: Elsa finds it with the feedback; Filip, another student of the group, in
     * Swedish, gets the instructions' files and a 404 for it. axe-core on each new state.
     */
    @Test
    void instructionsAndFeedbackCarryFilesThatTheStudentAndTheTeachersRead(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String assignment = annaPublishes("Mätningar " + marker, "Mät tre sträckor");
        Path folder = Files.createTempDirectory("klassrum-files-");
        Path instructions = Files.write(folder.resolve("Mätprotokoll.pdf"), PDF);
        Path picture = picture(folder, "linjal.png");
        Path toComplete = Files.write(folder.resolve("komplettera.pdf"), PDF);
        Path comments = Files.write(folder.resolve("kommentarer.pdf"), PDF);
        String page = "/assignment.xhtml?group=" + GROUP_MA1C_A + "&id=" + assignment;
        By elsasWork = By.cssSelector("li.submission[data-student='" + PERSON_ELSA + "']");
        String answerFiles = "answer-files-" + PERSON_ELSA;
        List<String> problems = new ArrayList<>();
        try {
            // Anna attaches two files to the instructions at once.
            open("sv-SE,sv");
            signInAs("anna");
            browser.navigate().to(uri(page).toURL());
            WebElement choose = waitFor(By.id("instruction-files-choose"));
            assertThat(browser.findElement(By.cssSelector("label[for='instruction-files-choose']")).getText())
                    .isEqualTo("Bifoga filer till instruktionerna");
            choose.sendKeys(instructions + "\n" + picture);
            clickAndWait(browser.findElement(By.id("instruction-files-send")));
            assertThat(waitFor(By.id("instruction-files")).getText()).contains("Mätprotokoll.pdf", "linjal.png", "Visa");
            problems.addAll(axe("assignment with the instructions' files (Anna)"));
            screenshot("files-assignment-anna-instructions");

            // Elsa, on her phone in English, reads them with the instructions and hands in.
            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAs("elsa");
            browser.navigate().to(uri(page).toURL());
            WebElement given = waitFor(By.id("instruction-files"));
            assertThat(given.getText()).contains("Mätprotokoll.pdf", "linjal.png", "View");
            assertThat(browser.findElements(By.id("instruction-files-upload"))).as("no upload to the instructions").isEmpty();
            Map<String, Object> pdf = fetch(given.findElement(By.cssSelector("a.file-download")).getAttribute("href"));
            assertThat(pdf.get("status")).isEqualTo(200L);
            assertThat((String) pdf.get("disposition")).startsWith("attachment;").contains("M%C3%A4tprotokoll.pdf");
            assertThat(pdf.get("nosniff")).isEqualTo("nosniff");
            assertThat(pdf.get("cache")).isEqualTo("no-store");
            Map<String, Object> view = fetch(given.findElement(By.cssSelector("a.file-view")).getAttribute("href"));
            assertThat(view.get("status")).isEqualTo(200L);
            assertThat((String) view.get("disposition")).startsWith("inline;");
            assertNoHorizontalScroll("assignment with the instructions' files on a phone (Elsa)");
            problems.addAll(axe("assignment with the instructions' files, phone, English (Elsa)"));
            scrollTo(given);
            screenshot("files-assignment-elsa-instructions-phone");
            clickAndWait(waitFor(By.id("submit:submitButton")));
            assertThat(waitFor(By.id("submit:contentMessage")).getText()).isEqualTo("Write your answer first.");
            editor("submit:content").sendKeys("Three lines: 12, 7 and 3 cm");
            clickAndWait(browser.findElement(By.id("submit:submitButton")));
            waitFor(By.id("mine"));

            // Anna puts a file ready for her answer: the teachers see it, Elsa cannot fetch it yet.
            closeBrowser();
            open("sv-SE,sv");
            signInAs("anna");
            browser.navigate().to(uri(page).toURL());
            WebElement work = waitFor(elsasWork);
            assertThat(work.findElement(By.cssSelector("label[for='" + answerFiles + "-choose']")).getText())
                    .isEqualTo("Bifoga filer till din återkoppling");
            work.findElement(By.id(answerFiles + "-choose")).sendKeys(toComplete.toString());
            clickAndWait(work.findElement(By.id(answerFiles + "-send")));
            WebElement waiting = waitFor(By.id(answerFiles));
            assertThat(waiting.getText()).contains("komplettera.pdf", "Eleven ser den när du har svarat");
            String toCompleteLink = waiting.findElement(By.cssSelector("a.file-download")).getAttribute("href");
            problems.addAll(axe("assignment with a file for the answer (Anna)"));
            scrollTo(waiting);
            screenshot("files-assignment-anna-answer-waiting");
            signInAs("elsa");
            assertThat(fetch(toCompleteLink).get("status")).as("Elsa before the answer").isEqualTo(404L);

            signInAs("anna");
            browser.navigate().to(uri(page).toURL());
            work = waitFor(elsasWork);
            work.findElement(By.cssSelector(".ql-editor")).sendKeys("Mät den tredje sträckan igen, se filen.");
            clickAndWait(work.findElement(By.cssSelector("button[id$='completionButton']")));
            waitForText("skickad tillbaka för komplettering");
            assertThat(waitFor(By.id(answerFiles)).getText()).contains("komplettera.pdf")
                    .doesNotContain("Eleven ser den när du har svarat");

            // Elsa reads the file with the request, and hands in again: it stays with the request in the history.
            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAs("elsa");
            browser.navigate().to(uri(page).toURL());
            WebElement completion = waitFor(By.id("completion"));
            assertThat(completion.getText()).contains("Mät den tredje sträckan igen", "komplettera.pdf");
            assertThat(fetch(completion.findElement(By.cssSelector("a.file-download")).getAttribute("href")).get("status"))
                    .isEqualTo(200L);
            assertNoHorizontalScroll("assignment with the request's file on a phone (Elsa)");
            problems.addAll(axe("assignment with the request's file, phone, English (Elsa)"));
            scrollTo(completion);
            screenshot("files-assignment-elsa-completion-phone");
            editor("submit:content").sendKeys(", measured again: 3.5 cm");
            clickAndWait(browser.findElement(By.id("submit:submitButton")));
            assertThat(waitFor(By.cssSelector(".history")).getText()).contains("Completion requested", "komplettera.pdf");
            assertThat(browser.findElements(By.id("completion"))).isEmpty();
            assertThat(browser.findElements(By.id("files-mine"))).as("Elsa attached nothing herself").isEmpty();

            // Anna, on her phone in English, answers with another file and returns the work.
            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAs("anna");
            browser.navigate().to(uri(page).toURL());
            work = waitFor(elsasWork);
            assertThat(work.findElement(By.cssSelector(".history")).getText()).contains("komplettera.pdf");
            assertThat(work.findElement(By.cssSelector("label[for='" + answerFiles + "-choose']")).getText())
                    .isEqualTo("Attach files to your feedback");
            assertThat(work.findElement(By.id(answerFiles + "-camera")).getAttribute("capture")).isEqualTo("environment");
            work.findElement(By.id(answerFiles + "-choose")).sendKeys(comments.toString());
            clickAndWait(work.findElement(By.id(answerFiles + "-send")));
            assertThat(waitFor(By.id(answerFiles)).getText()).contains("kommentarer.pdf", "The student sees it once you answer")
                    .doesNotContain("komplettera.pdf");
            work = waitFor(elsasWork);
            work.findElement(By.cssSelector(".ql-editor")).sendKeys("Well measured.");
            clickAndWait(work.findElement(By.cssSelector("button[id$='returnButton']")));
            WebElement feedback = waitFor(By.cssSelector("li.submission[data-student='" + PERSON_ELSA + "'] .feedback"));
            assertThat(feedback.getText()).contains("Well measured.", "kommentarer.pdf").doesNotContain("komplettera.pdf");
            assertNoHorizontalScroll("assignment with the feedback's file on a phone (Anna)");
            problems.addAll(axe("assignment returned with a file, phone, English (Anna)"));
            scrollTo(feedback);
            screenshot("files-assignment-anna-returned-phone");
            String commentsLink = feedback.findElement(By.cssSelector("a.file-download")).getAttribute("href");

            signInAs("elsa");
            browser.navigate().to(uri(page).toURL());
            WebElement returned = waitFor(By.id("feedback"));
            assertThat(returned.getText()).contains("Well measured.", "kommentarer.pdf").doesNotContain("komplettera.pdf");
            assertThat(fetch(returned.findElement(By.cssSelector("a.file-download")).getAttribute("href")).get("status"))
                    .isEqualTo(200L);
            problems.addAll(axe("assignment returned with a file, phone, English (Elsa)"));
            scrollTo(returned);
            screenshot("files-assignment-elsa-returned-phone");
            assertThat(browser.findElements(By.id("my-files"))).as("no heading over files that are not there, nor a form")
                    .isEmpty();

            // Filip, another student of the group, in Swedish: the instructions' files, nothing of Elsa's.
            closeBrowser();
            open("sv-SE,sv");
            signInAs("filip");
            assertThat(fetch(commentsLink).get("status")).as("another student of the group").isEqualTo(404L);
            browser.navigate().to(uri(page).toURL());
            assertThat(waitFor(By.id("instruction-files")).getText()).contains("Mätprotokoll.pdf", "linjal.png", "Visa");
            assertThat(browser.findElement(By.cssSelector("label[for='files-mine-choose']")).getText()).isEqualTo("Bifoga filer");
            assertThat(text()).doesNotContain("kommentarer.pdf", "komplettera.pdf");
            problems.addAll(axe("assignment with the instructions' files (Filip)"));
            screenshot("files-assignment-filip-instructions");
        } finally {
            deleteAssignment(database, assignment);
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    /**
     * With the upload throttled (Chrome DevTools Protocol, {@code Network.emulateNetworkConditions}), Anna sees her two
     * files' progress part of the way, with the button held, then both on the post. A file of a type not taken and one
     * over the size limit (262144 bytes in the server tests) are each refused with the reason beside the form, in
     * Swedish for Anna and in English for Elsa on her phone, and nothing is attached.
     */
    @Test
    void anUploadShowsItsProgressAndARefusalSaysWhyInSwedishAndEnglish(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String post = annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/posts", "{\"body\":\"Mätdata " + marker + "\"}");
        String assignment = annaPublishes("Uppladdning " + marker, "Bifoga dina mätningar");
        Path folder = Files.createTempDirectory("klassrum-files-");
        byte[] large = Arrays.copyOf(PDF, 200_000);
        Path measurements = Files.write(folder.resolve("mätdata.pdf"), large);
        Path picture = picture(folder, "mätning.png");
        Path html = Files.writeString(folder.resolve("sida.html"), "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
        Path tooLarge = Files.write(folder.resolve("för-stor.pdf"), Arrays.copyOf(PDF, 262_145));
        String files = "files-" + post;
        List<String> problems = new ArrayList<>();
        try {
            open("sv-SE,sv");
            signInAs("anna");
            browser.navigate().to(uri("/group.xhtml?id=" + GROUP_MA1C_A).toURL());
            waitFor(By.id(files + "-choose")).sendKeys(measurements + "\n" + picture);
            ChromeDriver chrome = (ChromeDriver) browser;
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 20,
                    "downloadThroughput", -1, "uploadThroughput", 40_000));
            WebElement send = browser.findElement(By.id(files + "-send"));
            send.click();
            WebElement progress = browser.findElement(By.id(files + "-progress"));
            new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100)).until(driver -> {
                Number value = (Number) script("return arguments[0].hidden ? -1 : arguments[0].value", progress);
                return value.doubleValue() > 0 && value.doubleValue() < 100;
            });
            assertThat(browser.findElement(By.id(files + "-status")).getText()).isEqualTo("Laddar upp…");
            assertThat(send.isEnabled()).as("no second upload while one is on its way").isFalse();
            scrollTo(progress);
            screenshot("files-upload-progress");
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            WebElement attached = new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id(files)));
            assertThat(attached.getText()).contains("mätdata.pdf", "mätning.png", "196 kB");

            refused(files, html, "Filer av typen text/html tas inte emot (sida.html)");
            refused(files, tooLarge, "Filen för-stor.pdf är större än 256 kB");
            assertThat(browser.findElement(By.id(files)).getText()).doesNotContain("sida.html", "för-stor.pdf");
            problems.addAll(axe("group with a refused upload (Anna)"));
            scrollTo(browser.findElement(By.id(files + "-upload")));
            screenshot("files-upload-refused");

            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAs("elsa");
            browser.navigate().to(uri("/assignment.xhtml?group=" + GROUP_MA1C_A + "&id=" + assignment).toURL());
            waitFor(By.id("files-mine-choose"));
            refused("files-mine", tooLarge, "The file för-stor.pdf is larger than 256 kB");
            refused("files-mine", html, "Files of the type text/html are not accepted (sida.html)");
            assertThat(browser.findElements(By.id("files-mine"))).as("nothing attached").isEmpty();
            assertNoHorizontalScroll("assignment with a refused upload on a phone (Elsa)");
            problems.addAll(axe("assignment with a refused upload, phone, English (Elsa)"));
            scrollTo(browser.findElement(By.id("files-mine-status")));
            screenshot("files-upload-refused-phone");
        } finally {
            Sql.update(database, "delete from post where id = ?", UUID.fromString(post));
            deleteAssignment(database, assignment);
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    /** A published assignment of Anna's in Ma1c-A, due in a week, made through the API; its id. */
    private String annaPublishes(String title, String instructions) throws Exception {
        return annaCreates("/api/v1/groups/" + GROUP_MA1C_A + "/assignments", Json.createObjectBuilder().add("title", title)
                .add("instructions", "<p>" + instructions + "</p>").add("dueAt", OffsetDateTime.now().plusDays(7).toString())
                .add("publish", true).build().toString());
    }

    /** A small PNG picture. */
    private static Path picture(Path folder, String name) throws IOException {
        Path png = folder.resolve(name);
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        return png;
    }

    /** Uploads one file with the form of these files, which stays on the page with the refusal and can be used again. */
    private void refused(String files, Path file, String reason) {
        WebElement choose = waitFor(By.id(files + "-choose"));
        script("arguments[0].value = '';", choose);
        choose.sendKeys(file.toString());
        browser.findElement(By.id(files + "-send")).click();
        WebElement status = browser.findElement(By.id(files + "-status"));
        waiting().until(ExpectedConditions.textToBePresentInElement(status, reason));
        assertThat(status.getText()).isEqualTo(reason);
        assertThat(browser.findElement(By.id(files + "-progress")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id(files + "-send")).isEnabled()).as("the form can be used again").isTrue();
    }
}
