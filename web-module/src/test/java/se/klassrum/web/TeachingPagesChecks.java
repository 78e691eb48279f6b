package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_EN5_B;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_E;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.GROUP_NA24A_MENTOR;
import static se.klassrum.roster.demo.DemoIds.PERSON_EBBA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_IVAR;
import static se.klassrum.roster.demo.DemoIds.PERSON_KARIN;
import static se.klassrum.roster.demo.DemoIds.PERSON_GRETA;
import static se.klassrum.roster.demo.DemoIds.PERSON_FILIP;
import static se.klassrum.roster.demo.DemoIds.PERSON_HUGO;
import static se.klassrum.roster.demo.DemoIds.PERSON_KLARA;

/**
 * The teaching pages in a real browser (Debian's headless Chromium, as {@link PagesChecks}): a teacher's assignments,
 * submissions and grading, a student's hand-in and assessments, a mentor's development talks, the refusals with
 * their missing prerequisites, the language switch, and an axe-core accessibility check of the main pages. A
 * screenshot of each page lands in {@code target/screenshots/}.
 *
 * <p>What a test writes is its own: an assignment with a title of its own, an assessment of Ivar's (whom no other
 * test assesses), a talk of Elsa's with notes of its own; each test deletes what it wrote, so the demo data the
 * other test classes rely on stays as it was. Without Chromium the class is skipped with the reason, except under
 * CI ({@code CI=true}), where that fails.
 */
abstract class TeachingPagesChecks extends BrowserTest {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    /** The demo personas of the students the grid scenario may assess. */
    private static final Map<UUID, String> PERSONAS = Map.of(PERSON_GRETA, "greta", PERSON_HUGO, "hugo", PERSON_FILIP,
            "filip", PERSON_ELSA, "elsa");

    /**
     * Anna drafts an assignment in Ma1c-A (due yesterday) and publishes it; Elsa does not see the draft, then hands
     * in after the due time (marked late) and hands in again; Anna returns it with feedback, which Elsa reads and can
     * no longer change.
     */
    @Test
    void annaPublishesAnAssignmentElsaHandsInLateAndAnnaReturnsItWithFeedback(DataSource database) throws Exception {
        String title = "Andragradsekvationer " + UUID.randomUUID().toString().substring(0, 8);
        try {
            open("sv-SE,sv");
            signInAs("anna");
            openGroup(GROUP_MA1C_A);
            assertThat(browser.findElement(By.id("members-heading")).getText()).isEqualTo("Medlemmar");
            assertThat(browser.findElement(By.cssSelector("label[for='assignment:title']")).getText())
                    .as("a required field is marked").isEqualTo("Rubrik *");
            assertThat(browser.findElement(By.id("assignment:title")).getAttribute("aria-required")).isEqualTo("true");

            // Nothing typed: each required field says so, and nothing is created.
            clickAndWait(browser.findElement(By.id("assignment:saveDraft")));
            assertThat(waitFor(By.id("assignment:titleMessage")).getText()).isEqualTo("Ge uppgiften en rubrik.");
            assertThat(browser.findElement(By.id("assignment:dueMessage")).getText()).contains("datum och klockslag");
            assertThat(browser.getCurrentUrl()).as("the address still names the group").contains("id=" + GROUP_MA1C_A);
            assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the focus is on the first problem")
                    .isEqualTo("assignment:title");
            assertThat(browser.findElement(By.id("assignment:title")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("assignment:due")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(text().split("Ge uppgiften en rubrik.", -1)).as("each error is shown once").hasSize(2);

            // A form is sent once: while it is on its way, its button says so and cannot be pressed again.
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "document.addEventListener('submit', function (event) { event.preventDefault(); });");
            WebElement saveDraftButton = browser.findElement(By.id("assignment:saveDraft"));
            saveDraftButton.click();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> !saveDraftButton.isEnabled());
            assertThat(saveDraftButton.getAttribute("aria-busy")).isEqualTo("true");
            openGroup(GROUP_MA1C_A);

            browser.findElement(By.id("assignment:title")).sendKeys(title);
            editor("assignment:instructions").sendKeys("Lös uppgift 1–10 i kapitel 3.");
            setValue(By.id("assignment:due"), LocalDate.now(SCHOOL_ZONE).minusDays(1) + "T08:00");
            clickAndWait(browser.findElement(By.id("assignment:saveDraft")));
            waitForText("sparad som utkast");
            WebElement draft = assignmentItem(title);
            assertThat(draft.getText()).contains("Utkast", "kl. 08.00 · i går");
            screenshot("group-anna-teacher");

            // Elsa does not see the draft.
            signInAs("elsa");
            openGroup(GROUP_MA1C_A);
            assertThat(text()).doesNotContain(title);
            assertThat(browser.findElements(By.id("members-heading"))).isEmpty();
            assertThat(browser.findElements(By.id("assignment:title"))).isEmpty();

            signInAs("anna");
            openGroup(GROUP_MA1C_A);
            clickAndWait(assignmentItem(title).findElement(By.cssSelector("button[id$='publishAssignment']")));
            waitForText("gruppens elever ser den nu");
            assertThat(assignmentItem(title).getText()).doesNotContain("Utkast");

            // Elsa hands in after the due time, then replaces her answer.
            signInAs("elsa");
            openGroup(GROUP_MA1C_A);
            clickAndWait(assignmentItem(title).findElement(By.linkText(title)));
            waitFor(By.id("submit:content"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(browser.findElement(By.id("notSubmitted")).getText()).contains("inte lämnat in");
            clickAndWait(browser.findElement(By.id("submit:submitButton")));
            assertThat(waitFor(By.id("submit:contentMessage")).getText()).isEqualTo("Skriv ditt svar först.");
            editor("submit:content").sendKeys("x = 2 eller x = 3");
            clickAndWait(browser.findElement(By.id("submit:submitButton")));
            waitForText("markeras som sen");
            assertThat(browser.findElement(By.id("mine")).getText()).contains("x = 2 eller x = 3", "Sen", "Inlämnad");
            assertThat(browser.findElement(By.id("submit:submitButton")).getAttribute("textContent")).contains("Lämna in igen");
            editor("submit:content").sendKeys("x = 2 eller x = 3, kontrollerat");
            clickAndWait(browser.findElement(By.id("submit:submitButton")));
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("mine"), "kontrollerat"));
            assertThat(text()).contains("markeras som sen");
            screenshot("assignment-elsa-submitted");

            // Anna reads it and returns it with feedback.
            String assignmentUrl = browser.getCurrentUrl();
            signInAs("anna");
            browser.navigate().to(assignmentUrl);
            WebElement submission = waitFor(By.cssSelector("li.submission[data-student='" + PERSON_ELSA + "']"));
            assertThat(submission.getText()).contains("Elsa Ek", "kontrollerat", "Sen", "Inlämnad");
            assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("1 inlämnad, varav 1 sen, 0 återlämnade");
            assertThat(browser.findElement(By.id("notSubmittedList")).getText()).contains("Falk, Filip", "Isaksson, Ivar")
                    .doesNotContain("Ek, Elsa");
            screenshot("assignment-anna-submissions");
            submission.findElement(By.cssSelector(".ql-editor")).sendKeys("Bra lösning, visa prövningen också.");
            clickAndWait(submission.findElement(By.cssSelector("button[id$='returnButton']")));
            waitForText("återlämnad med din återkoppling");
            assertThat(waitFor(By.cssSelector("li.submission[data-student='" + PERSON_ELSA + "']")).getText())
                    .contains("Återlämnad", "visa prövningen");

            // Elsa reads the feedback; the work is locked.
            signInAs("elsa");
            browser.navigate().to(assignmentUrl);
            assertThat(waitFor(By.id("feedback")).getText()).contains("Återkoppling", "visa prövningen", "kan inte längre ändras");
            assertThat(browser.findElements(By.id("submit:content"))).isEmpty();
            assertThat(text()).doesNotContain("Exception");
            screenshot("assignment-elsa-returned");
        } finally {
            for (String assignment : Sql.strings(database, "select id from assignment where title = ?", title)) {
                Sql.update(database, "delete from submission where assignment_id = ?", UUID.fromString(assignment));
                Sql.update(database, "delete from assignment where id = ?", UUID.fromString(assignment));
            }
        }
    }

    /**
     * Komplettering, teacher → student → teacher: Elsa saves a draft, which Anna does not see (Elsa is among those who
     * have not handed in); Elsa hands the draft in; Anna asks for completion with a comment; Elsa reads it, hands in
     * again and sees the history; Anna returns the work, history kept. Then Elsa on a phone in English. axe on each
     * new state.
     */
    @Test
    void annaAsksElsaToCompleteHerWorkAndTheHistoryIsKept(DataSource database) throws Exception {
        String title = "Komplettering " + UUID.randomUUID().toString().substring(0, 8);
        String assignment = createAssignment(database, title);
        String page = "/assignment.xhtml?group=" + GROUP_MA1C_A + "&id=" + assignment;
        By elsasWork = By.cssSelector("li.submission[data-student='" + PERSON_ELSA + "']");
        List<String> problems = new ArrayList<>();
        try {
            open("sv-SE,sv");
            signInAs("elsa");
            browser.navigate().to(uri(page).toURL());
            assertThat(waitFor(By.id("myStatus")).getText()).contains("Ej inlämnad");
            editor("submit:content").sendKeys("Första tanke: x = 2");
            clickAndWait(browser.findElement(By.id("submit:saveDraftButton")));
            waitForText("Utkastet är sparat");
            assertThat(browser.findElement(By.id("myStatus")).getText()).contains("Utkast");
            assertThat(browser.findElement(By.id("draftNote")).getText()).contains("Bara du ser det");
            assertThat(browser.findElement(By.id("notSubmitted")).getText()).contains("inte lämnat in");
            assertThat(editor("submit:content").getText()).as("the draft, ready to go on with").contains("Första tanke: x = 2");
            problems.addAll(axe("assignment with a draft (Elsa)"));
            screenshot("assignment-elsa-draft");

            // Anna does not see the draft: Elsa has not handed in.
            signInAs("anna");
            browser.navigate().to(uri(page).toURL());
            waitFor(By.id("submissions-heading"));
            assertThat(browser.findElements(elsasWork)).isEmpty();
            assertThat(browser.findElement(By.id("notSubmittedList")).getText()).contains("Ek, Elsa");
            assertThat(text()).doesNotContain("Första tanke");

            signInAs("elsa");
            browser.navigate().to(uri(page).toURL());
            assertThat(waitFor(By.id("submit:submitButton")).getAttribute("textContent")).contains("Lämna in");
            clickAndWait(browser.findElement(By.id("submit:submitButton")));
            waitForText("Inlämnad.");
            assertThat(browser.findElement(By.id("mine")).getText()).contains("Första tanke: x = 2", "Inlämnad");
            assertThat(browser.findElements(By.id("draftNote"))).as("handing in uses up the draft").isEmpty();

            // Anna asks for completion.
            signInAs("anna");
            browser.navigate().to(uri(page).toURL());
            WebElement work = waitFor(elsasWork);
            assertThat(work.getText()).contains("Första tanke: x = 2", "Inlämnad");
            work.findElement(By.cssSelector(".ql-editor")).sendKeys("Visa uträkningen steg för steg.");
            clickAndWait(work.findElement(By.cssSelector("button[id$='completionButton']")));
            waitForText("skickad tillbaka för komplettering");
            assertThat(waitFor(elsasWork).getText()).contains("Komplettera", "Komplettering begärd", "Visa uträkningen");
            assertThat(waitFor(elsasWork).findElements(By.cssSelector(".ql-editor"))).as("nothing to answer now").isEmpty();
            problems.addAll(axe("assignment, completion requested (Anna)"));
            screenshot("assignment-anna-completion-requested");

            // Elsa completes her work.
            signInAs("elsa");
            browser.navigate().to(uri(page).toURL());
            assertThat(waitFor(By.id("myStatus")).getText()).contains("Komplettera");
            assertThat(browser.findElement(By.id("completion")).getText())
                    .contains("Läraren ber dig komplettera", "Visa uträkningen steg för steg.");
            assertThat(browser.findElement(By.id("submit:submitButton")).getAttribute("textContent"))
                    .contains("Lämna in kompletteringen");
            problems.addAll(axe("assignment, asked to complete (Elsa)"));
            screenshot("assignment-elsa-completion");
            editor("submit:content").sendKeys("Uträkning: (x - 2)(x - 3) = 0");
            clickAndWait(browser.findElement(By.id("submit:submitButton")));
            waitForText("Inlämnad.");
            assertThat(browser.findElement(By.id("mine")).getText()).contains("Uträkning").doesNotContain("Första tanke");
            assertThat(browser.findElement(By.cssSelector(".history")).getText()).contains(
                    "Tidigare inlämningar och återkoppling", "Första tanke: x = 2", "Komplettering begärd", "Anna",
                    "Visa uträkningen");

            // Anna reads both versions and returns the work.
            signInAs("anna");
            browser.navigate().to(uri(page).toURL());
            work = waitFor(elsasWork);
            assertThat(work.getText()).contains("Uträkning", "Första tanke: x = 2", "Visa uträkningen", "Inlämnad");
            work.findElement(By.cssSelector(".ql-editor")).sendKeys("Nu är det komplett.");
            clickAndWait(work.findElement(By.cssSelector("button[id$='returnButton']")));
            waitForText("återlämnad med din återkoppling");
            assertThat(waitFor(elsasWork).getText()).contains("Återlämnad", "Nu är det komplett.", "Första tanke: x = 2",
                    "Visa uträkningen");
            problems.addAll(axe("assignment, returned after completion (Anna)"));
            screenshot("assignment-anna-history");

            // Elsa on a phone, in English.
            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAs("elsa");
            browser.navigate().to(uri(page).toURL());
            assertThat(waitFor(By.id("myStatus")).getText()).contains("Returned");
            assertThat(browser.findElement(By.cssSelector(".history")).getText()).contains("Earlier hand-ins and feedback",
                    "Completion requested", "Visa uträkningen");
            assertThat(browser.findElements(By.id("submit:content"))).isEmpty();
            assertNoHorizontalScroll("assignment with history on a phone");
            problems.addAll(axe("assignment with history, phone, English (Elsa)"));
            screenshot("assignment-elsa-history-phone");

            // Anna on her phone, in English.
            signInAs("anna");
            browser.navigate().to(uri(page).toURL());
            assertThat(waitFor(elsasWork).getText()).contains("Returned", "Nu är det komplett.", "Earlier hand-ins and feedback",
                    "Completion requested", "Visa uträkningen");
            assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("1 handed in, 0 of them late, 1 returned");
            assertNoHorizontalScroll("assignment with history on a phone (Anna)");
            problems.addAll(axe("assignment with history, phone, English (Anna)"));
            scrollTo(waitFor(elsasWork));
            screenshot("assignment-anna-history-phone");
        } finally {
            deleteAssignment(database, assignment);
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    /**
     * Anna corrects a post and an assignment of Ma1c-A and deletes both: Elsa sees them marked "ändrad", then a
     * placeholder instead of what was there, and has no button to change either; Elsa's guardian Karin, on her phone in
     * English, sees the same placeholders. The rows stay with who deleted them. axe on each new state.
     */
    @Test
    void annaCorrectsAndDeletesAPostAndAnAssignmentAndElsaAndKarinSeeIt(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String assignment = createAssignment(database, "Rättas " + marker);
        annaPosts("/api/v1/groups/" + GROUP_MA1C_A + "/posts", "{\"body\":\"Prov fredag " + marker + "\"}");
        String post = Sql.strings(database, "select id from post where body like ?", "%" + marker + "%").get(0);
        By thePost = By.cssSelector("article.post[data-post='" + post + "']");
        String page = "/assignment.xhtml?group=" + GROUP_MA1C_A + "&id=" + assignment;
        List<String> problems = new ArrayList<>();
        try {
            open("sv-SE,sv");
            signInAs("anna");
            openGroup(GROUP_MA1C_A);
            clickAndWait(waitFor(thePost).findElement(By.cssSelector("button[id$='edit']")));
            WebElement area = waitFor(By.cssSelector("article.post[data-post='" + post + "'] .ql-editor"));
            assertThat(area.getText()).contains("Prov fredag " + marker);
            area.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Prov torsdag " + marker);
            problems.addAll(axe("group, correcting a post (Anna)"));
            clickAndWait(waitFor(thePost).findElement(By.cssSelector("button[id$='saveEdit']")));
            waitForText("Inlägget är ändrat");
            assertThat(waitFor(thePost).getText()).contains("Prov torsdag " + marker, "ändrad").doesNotContain("fredag");

            browser.navigate().to(uri(page).toURL());
            clickAndWait(waitFor(By.id("correct:edit")));
            WebElement title = waitFor(By.id("correct:editTitle"));
            assertThat(title.getAttribute("value")).isEqualTo("Rättas " + marker);
            title.clear();
            title.sendKeys("Rättad " + marker);
            problems.addAll(axe("assignment, correcting it (Anna)"));
            clickAndWait(browser.findElement(By.id("correct:saveEdit")));
            waitForText("Uppgiften är ändrad");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Rättad " + marker);
            assertThat(browser.findElement(By.id("edited")).getText()).contains("ändrad");

            // Elsa sees the corrections, and no way to change them.
            signInAs("elsa");
            openGroup(GROUP_MA1C_A);
            assertThat(waitFor(thePost).getText()).contains("Prov torsdag " + marker, "ändrad");
            assertThat(browser.findElements(By.cssSelector("article.post button"))).isEmpty();
            assertThat(assignmentItem("Rättad " + marker).getText()).contains("ändrad");
            browser.navigate().to(uri(page).toURL());
            waitFor(By.id("submit:content"));
            assertThat(browser.findElements(By.id("correct:edit"))).isEmpty();
            assertThat(browser.findElements(By.id("correct:delete"))).isEmpty();

            // Anna deletes both, each after a yes.
            signInAs("anna");
            openGroup(GROUP_MA1C_A);
            clickAndWait(waitFor(thePost).findElement(By.cssSelector("button[id$='delete']")));
            assertThat(waitFor(thePost).getText()).contains("Ta bort inlägget?", "Prov torsdag " + marker);
            problems.addAll(axe("group, confirming a deletion (Anna)"));
            clickAndWait(waitFor(thePost).findElement(By.cssSelector("button[id$='confirmDelete']")));
            waitForText("Inlägget är borttaget");
            assertThat(waitFor(thePost).getText()).contains("Inlägget togs bort").doesNotContain(marker);
            browser.navigate().to(uri(page).toURL());
            clickAndWait(waitFor(By.id("correct:delete")));
            assertThat(waitFor(By.cssSelector(".confirm")).getText()).contains("Ta bort uppgiften?");
            clickAndWait(browser.findElement(By.id("correct:confirmDelete")));
            waitForText("Uppgiften är borttagen");
            WebElement tombstone = waitFor(By.cssSelector("li.assignment-item[data-assignment='" + assignment + "']"));
            assertThat(tombstone.getText()).contains("Uppgiften togs bort").doesNotContain(marker);
            problems.addAll(axe("group with deleted content (Anna)"));
            screenshot("group-anna-deleted");
            assertThat(Sql.strings(database, "select deleted_by from post where id = ?", UUID.fromString(post)))
                    .as("the tombstone keeps who deleted it").containsExactly(PERSON_ANNA.toString());

            signInAs("elsa");
            openGroup(GROUP_MA1C_A);
            assertThat(waitFor(thePost).getText()).contains("Inlägget togs bort").doesNotContain(marker);
            assertThat(waitFor(By.cssSelector("li.assignment-item[data-assignment='" + assignment + "']")).getText())
                    .contains("Uppgiften togs bort").doesNotContain(marker);
            assertThat(text()).doesNotContain(marker);
            browser.navigate().to(uri(page).toURL());
            assertThat(waitFor(By.id("tombstone")).getText()).contains("Uppgiften togs bort");
            assertThat(browser.findElements(By.id("submit:content"))).as("no more hand-ins").isEmpty();
            problems.addAll(axe("deleted assignment (Elsa)"));

            // Elsa and Anna on their phones, in English.
            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAs("elsa");
            openGroup(GROUP_MA1C_A);
            assertThat(waitFor(thePost).getText()).contains("The post was deleted").doesNotContain(marker);
            assertThat(waitFor(By.cssSelector("li.assignment-item[data-assignment='" + assignment + "']")).getText())
                    .contains("The assignment was deleted").doesNotContain(marker);
            assertNoHorizontalScroll("group with deleted content on a phone (Elsa)");
            problems.addAll(axe("group with deleted content, phone, English (Elsa)"));
            scrollTo(waitFor(thePost));
            screenshot("group-elsa-deleted-phone");
            browser.navigate().to(uri(page).toURL());
            assertThat(waitFor(By.id("tombstone")).getText()).contains("The assignment was deleted");
            signInAs("anna");
            openGroup(GROUP_MA1C_A);
            assertThat(waitFor(thePost).getText()).contains("The post was deleted").doesNotContain(marker);
            assertThat(waitFor(thePost).findElements(By.tagName("button"))).as("nothing left to change").isEmpty();
            assertNoHorizontalScroll("group with deleted content on a phone (Anna)");
            scrollTo(waitFor(thePost));
            screenshot("group-anna-deleted-phone");

            // Karin, Elsa's guardian, on her phone in English.
            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAsGuardian(Sql.strings(database, "select subject from guardian_login where guardian_id = ? and "
                    + "method = 'EMAIL' and enabled", PERSON_KARIN).get(0));
            browser.navigate().to(uri("/guardian/child.xhtml?id=" + PERSON_ELSA).toURL());
            assertThat(waitFor(thePost).getText()).contains("The post was deleted").doesNotContain(marker);
            assertThat(browser.findElement(By.cssSelector("#assignments [data-assignment='" + assignment + "']")).getText())
                    .contains("The assignment was deleted").doesNotContain(marker);
            assertThat(text()).doesNotContain(marker);
            assertNoHorizontalScroll("guardian's page with deleted content");
            problems.addAll(axe("guardian's child page with deleted content, phone, English (Karin)"));
            screenshot("guardian-karin-deleted-phone");
        } finally {
            Sql.update(database, "delete from post where id = ?", UUID.fromString(post));
            deleteAssignment(database, assignment);
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    /**
     * Anna opens Ivar from Ma1c-A's members and publishes an assessment in MATMAT01c through the grading form, which
     * Ivar then reads among his own; through En5-B she is told that her subject link is missing before she can type.
     */
    @Test
    void annaAssessesIvarThroughTheGradingFormAndIvarReadsItPublished(DataSource database) throws Exception {
        assertThat(Sql.number(database, "select count(*) from assessment where student_id = ?", PERSON_IVAR))
                .as("no other test assesses Ivar").isZero();
        String comment = "Säker på algebra " + UUID.randomUUID().toString().substring(0, 8);
        try {
            open("sv-SE,sv");
            signInAs("anna");
            openGroup(GROUP_MA1C_A);
            clickAndWait(browser.findElement(By.cssSelector("#members [data-student='" + PERSON_IVAR + "'] a")));
            waitFor(By.id("grading:grade"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ivar Isaksson");
            assertThat(browser.findElement(By.id("grading-heading")).getText()).contains("Bedöm", "MATMAT01c");
            assertThat(new Select(browser.findElement(By.id("grading:grade"))).getFirstSelectedOption().getText())
                    .isEqualTo("Ännu inte bedömt");
            assertThat(browser.findElement(By.id("assessments")).getText()).contains("Inga omdömen");

            new Select(browser.findElement(By.id("grading:grade"))).selectByValue("B");
            editor("grading:comment").sendKeys(comment);
            browser.findElement(By.id("grading:publish")).click();
            clickAndWait(browser.findElement(By.id("grading:save")));
            waitForText("sparat och publicerat");
            WebElement assessment = waitFor(By.cssSelector("#assessments li.assessment[data-syllabus='MATMAT01c']"));
            assertThat(assessment.getText()).contains("Matematik 1c", "B", comment, "Publicerat", "Ma1c-A");
            assertThat(new Select(browser.findElement(By.id("grading:grade"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("B");
            assertThat(browser.findElement(By.id("grading-section")).getText()).contains("publicerat");
            assertThat(editor("grading:comment").getText()).as("the comment, ready to revise")
                    .isEqualTo(comment);
            screenshot("student-anna-grading");

            // Through En5-B: Anna is not linked to English, so no form, but the reason.
            browser.navigate().to(uri("/student.xhtml?id=" + PERSON_ELSA + "&group=" + GROUP_EN5_B).toURL());
            WebElement denial = waitFor(By.id("gradeDenial"));
            assertThat(denial.getText()).contains("Åtkomst nekad", "En förutsättning saknas",
                    "Du är inte kopplad till ämnet", "Be skoladministratören koppla dig till ämnet");
            assertThat(browser.findElements(By.id("grading:grade"))).isEmpty();
            screenshot("student-anna-grading-denied");

            // Ivar reads his published assessment.
            signInAs("ivar");
            clickAndWait(browser.findElement(By.id("myAssessmentsLink")));
            WebElement mine = waitFor(By.cssSelector("li.assessment[data-syllabus='MATMAT01c']"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mina omdömen");
            assertThat(mine.getText()).contains("Matematik 1c", "Omdöme", "B", comment);
            assertThat(text()).doesNotContain("Exception");
            screenshot("my-assessments-ivar");
        } finally {
            Sql.update(database, "delete from assessment where student_id = ?", PERSON_IVAR);
        }
    }

    /** Cecilia has no licence: Elsa's page tells her which prerequisite is missing, in English when asked. */
    @Test
    void ceciliaWithoutALicenceIsToldWhatIsMissing() throws IOException {
        open("en-GB,en");
        signInAs("cecilia");
        browser.navigate().to(uri("/student.xhtml?id=" + PERSON_ELSA + "&group=" + GROUP_KE1_E).toURL());
        WebElement denial = waitFor(By.id("denial"));
        assertThat(denial.getText()).contains("Access denied", "A prerequisite is missing", "licence");
        assertThat(text()).doesNotContain("Elsa Ek", "elsa.ek", "Exception");
        assertThat(browser.findElements(By.id("profile"))).isEmpty();
        screenshot("student-cecilia-denied");
    }

    /**
     * Bertil, Elsa's mentor, finds NA24a among his groups, opens Elsa and records a talk inviting Karin only: both of
     * Elsa's guardians are invited until he leaves Ebba out. Notes for a talk on a later day are refused: that day
     * books it.
     */
    @Test
    void bertilRecordsADevelopmentTalkWithOneOfElsasGuardians(DataSource database) throws Exception {
        String goals = "Läsa en bok i månaden " + UUID.randomUUID().toString().substring(0, 8);
        try {
            open("sv-SE,sv");
            signInAs("bertil");
            assertThat(text()).contains("NA24a mentorsgrupp", "Mentorsgrupp");
            screenshot("groups-bertil-mentor");
            clickAndWait(browser.findElement(By.linkText("NA24a mentorsgrupp")));
            waitFor(By.id("members-heading"));
            screenshot("group-bertil-mentor");
            clickAndWait(browser.findElement(By.cssSelector("#members [data-student='" + PERSON_ELSA + "'] a")));
            waitFor(By.id("talk:heldOn"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Elsa Ek");
            assertThat(browser.findElement(By.id("profile")).getText()).contains("Ma1c-A", "NA24a mentorsgrupp");
            assertThat(browser.findElement(By.id("assessments-heading")).getText()).isEqualTo("Omdömen");
            assertThat(browser.findElements(By.id("grading:grade"))).as("a mentor reads assessments, sets none").isEmpty();
            assertThat(browser.findElement(By.id("talk:heldOn")).getAttribute("value"))
                    .isEqualTo(LocalDate.now(SCHOOL_ZONE).toString());
            WebElement guardians = browser.findElement(By.id("talk:present"));
            assertThat(guardians.getText()).contains("Karin Ek (Vårdnadshavare)", "Ebba Ek (Vårdnadshavare)");
            assertThat(guardians.findElements(By.cssSelector("input[type='checkbox']")))
                    .as("every guardian with an active link is invited unless the mentor chooses otherwise")
                    .hasSize(2).allMatch(WebElement::isSelected);

            setValue(By.id("talk:heldOn"), LocalDate.now(SCHOOL_ZONE).plusDays(3).toString());
            editor("talk:goals").sendKeys(goals);
            clickAndWait(browser.findElement(By.id("talk:recordTalk")));
            assertThat(waitFor(By.id("talk:notesMessage")).getText()).contains("när det har hållits");

            setValue(By.id("talk:heldOn"), LocalDate.now(SCHOOL_ZONE).minusDays(1).toString());
            uninvite(PERSON_EBBA);
            editor("talk:notes").sendKeys("Elsa trivs och vill läsa mer.");
            if (editor("talk:goals").getText().isEmpty()) {
                editor("talk:goals").sendKeys(goals);
            }
            clickAndWait(browser.findElement(By.id("talk:recordTalk")));
            waitForText("är dokumenterat");
            WebElement talk = browser.findElements(By.cssSelector("#talks li.talk")).stream()
                    .filter(item -> item.getText().contains(goals)).findFirst().orElseThrow();
            assertThat(talk.getText()).contains(LocalDate.now(SCHOOL_ZONE).minusDays(1).toString(), "Bertil Berg",
                    "Karin Ek", "Elsa trivs", goals).doesNotContain("Ebba");
            assertThat(text()).doesNotContain("Exception");
            scrollTo(talk);
            screenshot("student-bertil-talk");
            assertThat(Sql.strings(database, "select g.guardian_id from development_talk_guardian g join development_talk t "
                    + "on t.id = g.talk_id where t.agreed_goals like ?", "%" + goals + "%"))
                    .containsExactly(PERSON_KARIN.toString()).doesNotContain(PERSON_EBBA.toString());
        } finally {
            Sql.update(database, "delete from development_talk where student_id = ? and agreed_goals like ?", PERSON_ELSA,
                    "%" + goals + "%");
        }
    }

    /**
     * Bertil books a talk with Elsa for next week, inviting Ebba only: it is listed as booked, with no notes and no
     * form to write them. When its day has come (moved to yesterday in the database here), he writes its notes on the
     * same page.
     */
    @Test
    void bertilBooksATalkAndWritesItOnceItHasBeenHeld(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        LocalDate nextWeek = LocalDate.now(SCHOOL_ZONE).plusDays(7);
        try {
            open("sv-SE,sv");
            signInAs("bertil");
            clickAndWait(browser.findElement(By.linkText("NA24a mentorsgrupp")));
            waitFor(By.id("members-heading"));
            clickAndWait(browser.findElement(By.cssSelector("#members [data-student='" + PERSON_ELSA + "'] a")));
            waitFor(By.id("talk:heldOn"));

            setValue(By.id("talk:heldOn"), nextWeek.toString());
            uninvite(PERSON_KARIN);
            clickAndWait(browser.findElement(By.id("talk:recordTalk")));
            waitForText("är bokat");
            WebElement booked = talkOn(nextWeek);
            assertThat(booked.getText()).contains("bokat", "Inbjudna vårdnadshavare", "Ebba Ek").doesNotContain("Anteckningar")
                    .doesNotContain("Karin");
            assertThat(booked.findElements(By.cssSelector(".ql-editor"))).as("no notes before the talk").isEmpty();
            screenshot("student-bertil-booked-talk");

            // The day comes.
            // Yesterday in the school's time zone, which the database's current_date (UTC) is not around midnight.
            LocalDate yesterday = LocalDate.now(SCHOOL_ZONE).minusDays(1);
            Sql.update(database, "update development_talk set held_on = ? where student_id = ? and held_on = ?",
                    yesterday, PERSON_ELSA, nextWeek);
            browser.navigate().refresh();
            WebElement held = talkOn(yesterday);
            held.findElement(By.cssSelector("[id$='writtenNotes'] .ql-editor")).sendKeys("Elsa vill välja naturkurs " + marker);
            clickAndWait(held.findElement(By.cssSelector("[id$='writeTalk']")));
            waitForText("är dokumenterat");
            WebElement written = talkOn(yesterday);
            assertThat(written.getText()).contains("Elsa vill välja naturkurs " + marker, "Ebba Ek").doesNotContain("bokat");
            assertThat(written.findElements(By.cssSelector(".ql-editor"))).isEmpty();
            assertThat(text()).doesNotContain("Exception");
        } finally {
            Sql.update(database, "delete from development_talk where student_id = ? and (notes like ? or (notes = ''"
                    + " and agreed_goals = ''))", PERSON_ELSA, "%" + marker + "%");
        }
    }

    /** Takes a guardian, invited by default, off the talk's invitations. */
    private void uninvite(UUID guardian) {
        WebElement box = browser.findElement(By.cssSelector("#talk\\:present input[value='" + guardian + "']"));
        assertThat(box.isSelected()).as("invited by default").isTrue();
        box.click();
    }

    private WebElement talkOn(LocalDate day) {
        return waitFor(By.xpath("//section[@id='talks']//li[contains(@class,'talk')][.//time[@datetime='" + day + "']]"));
    }

    /**
     * The browser asks for German: Swedish, the default. The switch turns the pages English and that holds for the
     * session, page after page, with the page's own parameters kept; switching back works the same way.
     */
    @Test
    void theLanguageSwitchHoldsForTheSession() throws IOException {
        open("de-DE,de");
        browser.navigate().to(uri("/demo.xhtml").toURL());
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Logga in som en demoperson");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        assertThat(browser.findElement(By.id("language:sv")).getAttribute("aria-pressed")).isEqualTo("true");

        clickAndWait(browser.findElement(By.id("language:en")));
        waitForText("Sign in as a demo persona");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("language:en")).getAttribute("aria-pressed")).isEqualTo("true");
        screenshot("language-english");

        clickAndWait(browser.findElement(By.cssSelector("[data-persona='anna']")));
        waiting().until(ExpectedConditions.urlContains("/groups.xhtml"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My groups");
        openGroup(GROUP_MA1C_A);
        assertThat(browser.findElement(By.id("assignments-heading")).getText()).isEqualTo("Assignments");

        clickAndWait(browser.findElement(By.id("language:sv")));
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "sv"));
        assertThat(browser.findElement(By.id("assignments-heading")).getText()).isEqualTo("Uppgifter");
        assertThat(browser.getCurrentUrl()).contains("id=" + GROUP_MA1C_A);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ma1c-A");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        clickAndWait(browser.findElement(By.linkText("Mina grupper")));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Mina grupper");
    }

    /**
     * axe-core (WCAG 2.0/2.1 A and AA rules) on the main pages, as the persona who uses each, in the same Chromium:
     * no serious or critical violation.
     */
    @Test
    void theMainPagesHaveNoSeriousOrCriticalAccessibilityViolations(DataSource database) throws Exception {
        String title = "Tillgänglighet " + UUID.randomUUID().toString().substring(0, 8);
        String assignment = createAssignment(database, title);
        String assignmentPage = "/assignment.xhtml?group=" + GROUP_MA1C_A + "&id=" + assignment;
        List<String> problems = new ArrayList<>();
        try {
            open("sv-SE,sv");
            browser.navigate().to(uri("/demo.xhtml").toURL());
            waitFor(By.cssSelector("[data-persona='anna']"));
            problems.addAll(axe("demo"));
            browser.navigate().to(uri("/guardian/sign-in.xhtml").toURL());
            waitFor(By.tagName("h1"));
            problems.addAll(axe("guardian sign-in"));

            signInAs("anna");
            problems.addAll(axe("groups (Anna)"));
            openGroup(GROUP_MA1C_A);
            problems.addAll(axe("group Ma1c-A (Anna)"));
            browser.navigate().to(uri(assignmentPage).toURL());
            waitFor(By.id("submissions-heading"));
            problems.addAll(axe("assignment (Anna)"));
            browser.navigate().to(uri("/student.xhtml?id=" + PERSON_IVAR + "&group=" + GROUP_MA1C_A).toURL());
            waitFor(By.id("grading:grade"));
            problems.addAll(axe("student with grading form (Anna)"));
            browser.navigate().to(uri("/student.xhtml?id=" + PERSON_ELSA + "&group=" + GROUP_EN5_B).toURL());
            waitFor(By.id("gradeDenial"));
            problems.addAll(axe("student, grading denied (Anna)"));
            browser.navigate().to(uri("/explain.xhtml").toURL());
            waitFor(By.id("explain:person"));
            problems.addAll(axe("explain (Anna)"));

            signInAs("bertil");
            browser.navigate().to(uri("/student.xhtml?id=" + PERSON_ELSA + "&group=" + GROUP_NA24A_MENTOR).toURL());
            waitFor(By.id("talk:heldOn"));
            problems.addAll(axe("student with talks (Bertil)"));

            signInAs("elsa");
            problems.addAll(axe("groups (Elsa)"));
            openGroup(GROUP_MA1C_A);
            problems.addAll(axe("group Ma1c-A (Elsa)"));
            browser.navigate().to(uri(assignmentPage).toURL());
            waitFor(By.id("submit:content"));
            problems.addAll(axe("assignment with submit form (Elsa)"));
            screenshot("assignment-elsa-form");
            browser.navigate().to(uri("/my-assessments.xhtml").toURL());
            waitFor(By.tagName("h1"));
            problems.addAll(axe("my assessments (Elsa)"));
            screenshot("my-assessments-elsa");
        } finally {
            deleteAssignment(database, assignment);
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    /** On a phone (375 × 812) the teacher's, the mentor's and the student's pages never scroll sideways. */
    @Test
    void theTeachingPagesFitAPhone() throws IOException {
        open("sv-SE,sv", 375, 812);
        signInAs("anna");
        assertNoHorizontalScroll("groups");
        openGroup(GROUP_MA1C_A);
        assertNoHorizontalScroll("group");
        screenshot("group-anna-phone");
        browser.navigate().to(uri("/student.xhtml?id=" + PERSON_IVAR + "&group=" + GROUP_MA1C_A).toURL());
        waitFor(By.id("grading:grade"));
        assertNoHorizontalScroll("student with grading form");
        screenshot("student-anna-phone");

        signInAs("bertil");
        browser.navigate().to(uri("/student.xhtml?id=" + PERSON_ELSA + "&group=" + GROUP_NA24A_MENTOR).toURL());
        waitFor(By.id("talk:heldOn"));
        assertNoHorizontalScroll("student with talks");
        screenshot("student-bertil-phone");

        signInAs("elsa");
        openGroup(GROUP_MA1C_A);
        assertNoHorizontalScroll("group as a student");
        browser.navigate().to(uri("/my-assessments.xhtml").toURL());
        waitFor(By.tagName("h1"));
        assertNoHorizontalScroll("my assessments");
        screenshot("my-assessments-phone");
    }

    /** A published assignment of Anna's in Ma1c-A, due in a week, made through the API; its id. */
    private String createAssignment(DataSource database, String title) throws Exception {
        annaPosts("/api/v1/groups/" + GROUP_MA1C_A + "/assignments", "{\"title\":\"" + title + "\","
                + "\"instructions\":\"<p>Läs kapitel 4</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7)
                + "\",\"publish\":true}");
        return Sql.strings(database, "select id from assignment where title = ?", title).get(0);
    }

    /**
     * The start page says what waits: Anna's "Att rätta" lists Elsa's late hand-in and the group page counts it per
     * assignment; Elsa's "Att göra" puts what she has still to do first and marks work returned since she last looked
     * as new, as her group's page does with a post of Anna's; Karin sees on her phone, in English, where Elsa's work
     * stands on each assignment. axe on each.
     */
    @Test
    void theStartPageShowsWhatWaitsForTheTeacherTheStudentAndTheGuardian(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID handedIn = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        List<String> problems = new ArrayList<>();
        Sql.update(database, "insert into assignment (id, group_id, author_id, title, instructions, due_at, status, created_at, "
                + "published_at) values (?, ?, ?, ?, '<p>Visa uträkningen</p>', now() - interval '1 day', 'PUBLISHED', "
                + "now() - interval '3 days', now() - interval '3 days')", handedIn, GROUP_MA1C_A, PERSON_ANNA, "Inlämnad " + marker);
        Sql.update(database, "insert into assignment (id, group_id, author_id, title, instructions, due_at, status, created_at, "
                + "published_at) values (?, ?, ?, ?, '<p>Läs kapitel 4</p>', now() + interval '2 days', 'PUBLISHED', now(), now())",
                open, GROUP_MA1C_A, PERSON_ANNA, "Att lösa " + marker);
        Sql.update(database, "insert into submission (id, assignment_id, student_id, content, submitted_at, late, status) "
                + "values (?, ?, ?, '<p>x = 4</p>', now() - interval '2 hours', true, 'SUBMITTED')", UUID.randomUUID(), handedIn,
                PERSON_ELSA);
        UUID returned = UUID.randomUUID();
        Sql.update(database, "insert into assignment (id, group_id, author_id, title, instructions, due_at, status, created_at, "
                + "published_at) values (?, ?, ?, ?, '<p>Rita grafen</p>', now() - interval '2 days', 'PUBLISHED', "
                + "now() - interval '5 days', now() - interval '5 days')", returned, GROUP_MA1C_A, PERSON_ANNA, "Återlämnad " + marker);
        Sql.update(database, "insert into submission (id, assignment_id, student_id, content, submitted_at, late, status, feedback, "
                + "returned_at) values (?, ?, ?, '<p>En parabel</p>', now() - interval '3 days', false, 'RETURNED', "
                + "'<p>Bra</p>', now() - interval '1 hour')", UUID.randomUUID(), returned, PERSON_ELSA);
        String post = null;
        try {
            open("sv-SE,sv");
            signInAs("anna");
            WebElement toReview = waitFor(By.cssSelector("#toReview li[data-assignment='" + handedIn + "'][data-student='"
                    + PERSON_ELSA + "']"));
            assertThat(browser.findElement(By.id("to-review-heading")).getText()).isEqualTo("Att rätta");
            assertThat(toReview.getText()).contains("Inlämnad " + marker, "Ma1c-A", "Elsa Ek", "lämnade in", "Sen");
            assertThat(browser.findElements(By.id("toDo"))).as("Anna studies in no group").isEmpty();
            problems.addAll(axe("start page, to review (Anna)"));
            screenshot("start-anna-to-review");
            clickAndWait(toReview.findElement(By.linkText("Inlämnad " + marker)));
            waitFor(By.cssSelector("li.submission[data-student='" + PERSON_ELSA + "']"));

            openGroup(GROUP_MA1C_A);
            int students = browser.findElements(By.cssSelector("#members [data-student]")).size();
            assertThat(students).as("the members Anna sees").isGreaterThan(1);
            assertThat(waitFor(By.cssSelector("[data-progress='" + handedIn + "']")).getText())
                    .isEqualTo("1/" + students + " inlämnade · 1 sen · 1 att rätta");
            assertThat(browser.findElement(By.cssSelector("[data-progress='" + open + "']")).getText())
                    .isEqualTo("0/" + students + " inlämnade · 0 sena · 0 att rätta");

            signInAs("elsa");
            List<WebElement> items = waitFor(By.id("toDo")).findElements(By.cssSelector("li.work-item"));
            List<String> order = items.stream().map(item -> item.getAttribute("data-assignment"))
                    .filter(id -> id.equals(open.toString()) || id.equals(handedIn.toString())).toList();
            assertThat(order).as("what is still to do comes first").containsExactly(open.toString(), handedIn.toString());
            assertThat(workItem(open).getText()).contains("Att lösa " + marker, "Ma1c-A", "Ej inlämnad", "om 2 dagar");
            assertThat(workItem(handedIn).getText()).contains("Inlämnad " + marker, "Sen");
            assertThat(browser.findElements(By.id("toReview"))).as("Elsa owns no group").isEmpty();
            clickAndWait(workItem(open).findElement(By.linkText("Att lösa " + marker)));
            assertThat(waitFor(By.id("notSubmitted")).getText()).contains("inte lämnat in");
            browser.navigate().back();

            // Work returned since Elsa last looked is new until she opens it.
            assertThat(workItem(returned).getText()).contains("Återlämnad", "Ny");
            clickAndWait(workItem(returned).findElement(By.linkText("Återlämnad " + marker)));
            assertThat(waitFor(By.id("feedback")).getText()).contains("Bra");
            browser.navigate().to(uri("/groups.xhtml").toURL());
            assertThat(workItem(returned).getText()).contains("Återlämnad").doesNotContain("Ny");

            // A post that Anna writes is new to Elsa once, on the group's page.
            annaPosts("/api/v1/groups/" + GROUP_MA1C_A + "/posts", "{\"body\":\"<p>Prov på fredag " + marker + "</p>\"}");
            post = Sql.strings(database, "select id from post where body like ?", "%Prov på fredag " + marker + "%").get(0);
            openGroup(GROUP_MA1C_A);
            By thePost = By.cssSelector("article.post[data-post='" + post + "']");
            assertThat(waitFor(thePost).findElements(By.cssSelector(".label.new"))).hasSize(1);
            openGroup(GROUP_MA1C_A);
            assertThat(waitFor(thePost).findElements(By.cssSelector(".label.new"))).as("read once, no longer new").isEmpty();
            problems.addAll(axe("start page, to do (Elsa)"));
            screenshot("start-elsa-to-do");

            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAs("elsa");
            assertThat(waitFor(By.id("to-do-heading")).getText()).isEqualTo("To do");
            assertThat(workItem(open).getText()).contains("Not handed in");
            assertThat(workItem(handedIn).getText()).contains("Late");
            assertNoHorizontalScroll("start page on a phone (Elsa)");
            problems.addAll(axe("start page, to do, phone, English (Elsa)"));
            screenshot("start-elsa-to-do-phone");

            signInAs("anna");
            assertThat(waitFor(By.id("to-review-heading")).getText()).isEqualTo("To review");
            assertThat(waitFor(By.cssSelector("#toReview li[data-assignment='" + handedIn + "'][data-student='" + PERSON_ELSA
                    + "']")).getText()).contains("Inlämnad " + marker, "Elsa Ek", "Late");
            assertNoHorizontalScroll("start page on a phone (Anna)");
            problems.addAll(axe("start page, to review, phone, English (Anna)"));
            screenshot("start-anna-to-review-phone");
            openGroup(GROUP_MA1C_A);
            assertThat(waitFor(By.cssSelector("[data-progress='" + handedIn + "']")).getText())
                    .isEqualTo("1/" + students + " handed in · 1 late · 1 to review");
            // A required field left empty, in English: said beside it, marked invalid, and focused.
            clickAndWait(browser.findElement(By.id("assignment:saveDraft")));
            assertThat(waitFor(By.id("assignment:titleMessage")).getText()).isEqualTo("Give the assignment a title.");
            assertThat(browser.findElement(By.id("assignment:title")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("assignment:title");
            assertNoHorizontalScroll("group with an invalid form on a phone (Anna)");
            problems.addAll(axe("group with an invalid form, phone, English (Anna)"));
            scrollTo(browser.findElement(By.id("assignment:title")));
            screenshot("group-anna-invalid-phone");

            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAsGuardian(Sql.strings(database, "select subject from guardian_login where guardian_id = ? and "
                    + "method = 'EMAIL' and enabled", PERSON_KARIN).get(0));
            browser.navigate().to(uri("/guardian/child.xhtml?id=" + PERSON_ELSA).toURL());
            assertThat(waitFor(By.cssSelector("#assignments [data-assignment='" + open + "'] .work-status")).getText())
                    .isEqualTo("Not handed in");
            assertThat(browser.findElement(By.cssSelector("#assignments [data-assignment='" + handedIn + "'] .work-status"))
                    .getText()).isEqualTo("Late");
            assertNoHorizontalScroll("guardian's child page with statuses");
            problems.addAll(axe("guardian's child page with statuses, phone, English (Karin)"));
            screenshot("guardian-karin-statuses-phone");
        } finally {
            deleteAssignment(database, handedIn.toString());
            deleteAssignment(database, open.toString());
            deleteAssignment(database, returned.toString());
            if (post != null) {
                Sql.update(database, "delete from post where id = ?", UUID.fromString(post));
            }
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    /**
     * Anna assesses from Ma1c-A's grid: the course by name with its code, one save as a draft and one that publishes;
     * in En5-B, where she lacks the subject link, every row says why and offers no fields; then the grid in English on
     * a phone. axe on each state.
     */
    @Test
    void annaAssessesFromTheGroupsGridAndPublishesInOneStep(DataSource database) throws Exception {
        UUID student = null;
        for (UUID candidate : List.of(PERSON_GRETA, PERSON_HUGO, PERSON_FILIP, PERSON_ELSA)) {
            if (Sql.number(database, "select count(*) from assessment where student_id = ? and group_id = ?", candidate,
                    GROUP_MA1C_A) == 0) {
                student = candidate;
                break;
            }
        }
        assertThat(student).as("a student of Ma1c-A that no other test has assessed through it").isNotNull();
        String comment = "Säker på ekvationer " + UUID.randomUUID().toString().substring(0, 8);
        List<String> problems = new ArrayList<>();
        try {
            open("sv-SE,sv");
            signInAs("anna");
            openGroup(GROUP_MA1C_A);
            clickAndWait(browser.findElement(By.linkText("Bedöm hela gruppen")));
            assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Omdömen – Ma1c-A");
            assertThat(browser.findElement(By.id("syllabus")).getText()).contains("Matematik 1c", "MATMAT01c");
            WebElement row = browser.findElement(By.cssSelector("li.grid-row[data-student='" + student + "']"));
            assertThat(row.getText()).contains("Omdöme", "Ej bedömd");
            new Select(row.findElement(By.tagName("select"))).selectByVisibleText("C");
            row.findElement(By.cssSelector(".ql-editor")).sendKeys(comment);
            problems.addAll(axe("assessment grid (Anna)"));
            clickAndWait(browser.findElement(By.id("grid:save")));
            waitForText("1 omdöme sparat, inget publicerat.");
            WebElement savedRow = waitFor(By.cssSelector("li.grid-row[data-student='" + student + "']"));
            assertThat(savedRow.findElement(By.cssSelector(".grid-status")).getText()).isEqualTo("Utkast");
            assertThat(new Select(savedRow.findElement(By.tagName("select"))).getFirstSelectedOption().getText()).isEqualTo("C");
            assertThat(savedRow.findElement(By.cssSelector(".ql-editor")).getText()).contains(comment);
            screenshot("assessment-grid-anna-draft");

            clickAndWait(browser.findElement(By.id("grid:saveAndPublish")));
            waitForText("publicerat");
            assertThat(browser.findElement(By.id("messages")).getText()).contains("1 publicerat");
            assertThat(waitFor(By.cssSelector("li.grid-row[data-student='" + student + "'] .grid-status")).getText())
                    .isEqualTo("Publicerat");
            assertThat(Sql.strings(database, "select grade || ' ' || status from assessment where student_id = ? and group_id = ?",
                    student, GROUP_MA1C_A)).containsExactly("C PUBLISHED");
            problems.addAll(axe("assessment grid after publishing (Anna)"));
            screenshot("assessment-grid-anna-published");

            // En5-B: Anna is not linked to English, so every row says so and offers no fields.
            openGroup(GROUP_EN5_B);
            clickAndWait(browser.findElement(By.linkText("Bedöm hela gruppen")));
            List<WebElement> refused = waitFor(By.id("grid")).findElements(By.cssSelector("li.grid-row"));
            assertThat(refused).isNotEmpty().allSatisfy(refusedRow -> {
                assertThat(refusedRow.getAttribute("data-settable")).isEqualTo("false");
                assertThat(refusedRow.findElements(By.tagName("select"))).isEmpty();
                assertThat(refusedRow.findElement(By.cssSelector(".denial")).getText())
                        .contains("Du är inte kopplad till ämnet", "Be skoladministratören koppla dig");
            });
            assertThat(browser.findElements(By.id("grid:save"))).as("nothing to save").isEmpty();
            problems.addAll(axe("assessment grid without the subject link (Anna)"));
            screenshot("assessment-grid-anna-refused");

            closeBrowser();
            open("en-GB,en", 375, 812);
            signInAs("anna");
            browser.navigate().to(uri("/assessment-grid.xhtml?group=" + GROUP_MA1C_A).toURL());
            assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Assessments – Ma1c-A");
            assertThat(browser.findElement(By.cssSelector("li.grid-row[data-student='" + student + "']")).getText())
                    .contains("Assessment", "Published");
            assertNoHorizontalScroll("assessment grid on a phone");
            problems.addAll(axe("assessment grid, phone, English (Anna)"));
            screenshot("assessment-grid-anna-phone");

            // The student reads it among their own, on a phone in English.
            signInAs(PERSONAS.get(student));
            browser.navigate().to(uri("/my-assessments.xhtml").toURL());
            assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("My assessments");
            // Earlier groups may have given the student other Ma1c assessments (rule S4): this one is among them.
            waitFor(By.cssSelector("li.assessment[data-syllabus='MATMAT01c']"));
            assertThat(browser.findElements(By.cssSelector("li.assessment[data-syllabus='MATMAT01c']")))
                    .anySatisfy(assessment -> assertThat(assessment.getText()).contains("Matematik 1c", "C", comment));
            assertNoHorizontalScroll("my assessments on a phone, English");
            problems.addAll(axe("my assessments, phone, English (student)"));
            screenshot("my-assessments-student-phone-en");
        } finally {
            Sql.update(database, "delete from assessment where student_id = ? and group_id = ?", student, GROUP_MA1C_A);
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    private WebElement workItem(UUID assignment) {
        return waitFor(By.cssSelector("#toDo li.work-item[data-assignment='" + assignment + "']"));
    }

    /** Anna writes through the API (a POST that creates), as the scenario's starting point. */
    private void annaPosts(String path, String json) throws Exception {
        annaCreates(path, json);
    }

    private WebElement assignmentItem(String title) {
        return waiting().until(driver -> driver.findElements(By.cssSelector("li.assignment-item"))
                .stream().filter(item -> item.getText().contains(title)).findFirst().orElse(null));
    }

    private void openGroup(UUID group) throws IOException {
        browser.navigate().to(uri("/group.xhtml?id=" + group).toURL());
        waitFor(By.id("assignments-heading"));
    }

}
