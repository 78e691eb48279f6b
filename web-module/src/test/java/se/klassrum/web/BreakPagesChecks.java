package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_D;

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
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Bekräfta att du har läst påverkan"));
        assertThat(Sql.number(database, "select count(*) from study_group where id = cast(? as uuid) and connected",
                GROUP_KE1_D.toString())).isZero();

        browser.findElement(By.id("previewForm:preview")).click();
        waitFor(By.id("applyForm:confirmed")).click();
        browser.findElement(By.id("applyForm:apply")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Planen genomfördes."));
        assertThat(Sql.number(database, "select count(*) from study_group where id = cast(? as uuid) and connected",
                GROUP_KE1_D.toString())).isOne();
        assertThat(axe("school-year break, applied (Sara)")).isEmpty();

        browser.findElement(By.id("undoForm:undo")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Läsårsbrytet ångrades."));
        assertThat(Sql.number(database, "select count(*) from study_group where id = cast(? as uuid) and connected",
                GROUP_KE1_D.toString())).isZero();
    }
}
