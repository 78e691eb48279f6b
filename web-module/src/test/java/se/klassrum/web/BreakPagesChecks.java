package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_FY1A_C;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_D;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * Läsårsbryt in the browser: Sara, school administrator of Solbacka gymnasium, plans to connect Ke1-D, previews the
 * impact (Anna, its owner, gains Elsa's hand-ins there; Elsa gains its posts), is stopped until she confirms, applies
 * the plan and undoes it; the page has no serious accessibility violation at each step.
 */
abstract class BreakPagesChecks extends BrowserTest {

    @Test
    void saraPreviewsAppliesAndUndoesABreak(DataSource database) throws Exception {
        open("sv-SE,sv");
        signInAs("sara");
        browser.navigate().to(uri("/admin/break.xhtml").toURL());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Läsårsbryt");
        assertThat(axe("school-year break, no plan (Sara)")).isEmpty();

        new Select(browser.findElement(By.id("stage:kind"))).selectByValue("CONNECT");
        new Select(browser.findElement(By.id("stage:group"))).selectByValue(GROUP_KE1_D.toString());
        browser.findElement(By.id("stage:add")).click();
        waitFor(By.id("changes"));
        assertThat(browser.findElement(By.id("changes")).getText()).contains("Koppla på", "Ke1-D");

        browser.findElement(By.id("previewForm:preview")).click();
        waitFor(By.id("impact"));
        assertThat(browser.findElement(By.id("impact")).getText())
                .contains("Påverkan på åtkomsten", "Solbacka gymnasium", "Inlämningar", "Gruppens inlägg (elever)");
        browser.findElement(By.cssSelector("#drilldown summary")).click();
        assertThat(browser.findElement(By.id("drilldown")).getText()).contains("Anna Andersson", "Elsa Ek");
        assertThat(axe("school-year break, impact (Sara)")).isEmpty();
        screenshot("break-preview-sara");

        browser.findElement(By.id("applyForm:apply")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Bekräfta att du har läst påverkan"));
        assertThat(Sql.number(database, "select count(*) from study_group where id = cast(? as uuid) and connected",
                GROUP_KE1_D.toString())).isZero();

        browser.findElement(By.id("previewForm:preview")).click();
        waitFor(By.id("applyForm:confirmed")).click();
        browser.findElement(By.id("applyForm:apply")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Planen genomfördes."));
        assertThat(Sql.number(database, "select count(*) from study_group where id = cast(? as uuid) and connected",
                GROUP_KE1_D.toString())).isOne();
        assertThat(axe("school-year break, applied (Sara)")).isEmpty();

        browser.findElement(By.id("undoForm:undo")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Läsårsbrytet ångrades."));
        assertThat(Sql.number(database, "select count(*) from study_group where id = cast(? as uuid) and connected",
                GROUP_KE1_D.toString())).isZero();
    }

    /**
     * Sara proposes the plan from the register for this school year: Ke1-D, not connected and with members, is to be
     * connected; proposing again adds nothing. On the groups page, searched for Fy1a, she puts Fy1a-C (connected) in the
     * break: it is to be archived, and the page comes back to the same search, at Fy1a-C's row. The open plan is dropped
     * afterwards, whatever happens.
     */
    @Test
    void saraProposesThePlanFromTheRegisterAndAddsAGroupFromTheGroupsPage(DataSource database) throws Exception {
        String thisYear = Sql.strings(database, "select school_year from study_group where id = cast(? as uuid)",
                GROUP_KE1_D.toString()).getFirst();
        try {
            open("sv-SE,sv");
            signInAs("sara");
            browser.navigate().to(uri("/admin/break.xhtml").toURL());
            waitFor(By.id("propose:schoolYear")).sendKeys(thisYear);
            browser.findElement(By.id("propose:fromRegister")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "ändringar lades till i planen från registrets data för läsåret " + thisYear + "."));
            assertThat(browser.findElement(By.id("changes")).getText()).contains("Koppla på", "Ke1-D");
            assertThat(Sql.number(database, "select count(*) from break_change c join break_plan p on p.id = c.plan_id"
                    + " where p.state = 'OPEN' and c.kind = 'CONNECT' and c.group_id = cast(? as uuid)", GROUP_KE1_D.toString()))
                    .isOne();
            assertThat(axe("school-year break, proposed from the register (Sara)")).isEmpty();
            waitFor(By.id("propose:schoolYear")).sendKeys(thisYear);
            browser.findElement(By.id("propose:fromRegister")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "0 ändringar lades till i planen"));

            browser.navigate().to(uri("/admin/groups.xhtml?q=fy1a").toURL());
            WebElement row = waitFor(By.cssSelector("li[data-group='Fy1a-C']"));
            row.findElement(By.cssSelector("input[value='Lägg i läsårsbrytet']")).click();
            waiting().until(ExpectedConditions.textToBe(By.cssSelector(".notice"),
                    "Fy1a-C finns i läsårsbrytets plan: Arkivera."));
            assertThat(browser.getCurrentUrl()).contains("q=fy1a").endsWith("#group-" + GROUP_FY1A_C);
            row = waitFor(By.cssSelector("li[data-group='Fy1a-C']"));
            assertThat(row.findElement(By.cssSelector(".in-break")).getText()).isEqualTo("I läsårsbrytet: Arkivera");
            assertThat(row.findElements(By.cssSelector("input[value='Lägg i läsårsbrytet']"))).as("staged once").isEmpty();
            assertThat(Sql.number(database, "select count(*) from break_change c join break_plan p on p.id = c.plan_id"
                    + " where p.state = 'OPEN' and c.kind = 'ARCHIVE' and c.group_id = cast(? as uuid)", GROUP_FY1A_C.toString()))
                    .isOne();
            assertThat(Sql.number(database, "select count(*) from study_group where id = cast(? as uuid) and connected"
                    + " and not archived", GROUP_FY1A_C.toString())).as("nothing changes before the plan is applied").isOne();
            assertThat(axe("groups, a group in the school-year break (Sara)")).isEmpty();

            // In English, Ke1-E (connected) is put in the break the same way.
            closeBrowser();
            open("en-GB,en");
            signInAs("sara");
            browser.navigate().to(uri("/admin/groups.xhtml?q=ke1-e").toURL());
            waitFor(By.cssSelector("li[data-group='Ke1-E']")).findElement(By.cssSelector("input[value='Add to the school-year break']"))
                    .click();
            waiting().until(ExpectedConditions.textToBe(By.cssSelector(".notice"),
                    "Ke1-E is in the school-year break's plan: Archive."));
            assertThat(waitFor(By.cssSelector("li[data-group='Ke1-E'] .in-break")).getText())
                    .isEqualTo("In the school-year break: Archive");
            assertThat(browser.getCurrentUrl()).contains("q=ke1-e");
        } finally {
            Sql.update(database, "delete from break_plan where state = 'OPEN' and tenant_id = cast(? as uuid)",
                    TENANT_SOLBACKA.toString());
        }
    }
}
