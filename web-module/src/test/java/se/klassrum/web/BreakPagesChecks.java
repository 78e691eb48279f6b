package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_FY1A_C;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_D;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_E;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKA_GYMNASIUM;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * Läsårsbryt in the browser: Sara, school administrator of Solbacka gymnasium, plans to connect Ke1-D, previews the
 * impact (Anna, its owner, gains Elsa's hand-ins there; Elsa gains its posts), is stopped until she confirms, applies
 * the plan and undoes it; the page has no serious accessibility violation at each step. A plan larger than a page is
 * shown a page at a time, filtered, and the page keeps its place through a change taken out.
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
        assertThat(browser.findElement(By.id("applied")).getText()).contains("Genomförd", "· 1 ändringar");
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

    /**
     * A plan of 72 changes at Sara's school (70 new groups to connect, Bryt-001 to Bryt-070, and Fy1a-C and Ke1-E to
     * archive as the 10th and 60th change): the page shows the first 50, then the next 22; Sara takes a change out on
     * the second page and is back on the second page with one change fewer; filtered by kind, only the two archived
     * groups are shown, on one page; searched by name, one; in English the count reads the same. The plan and the groups
     * are dropped afterwards, whatever happens.
     */
    @Test
    void saraPagesThroughAPlanLargerThanAPageFiltersItAndKeepsHerPlace(DataSource database) throws Exception {
        String thisYear = Sql.strings(database, "select school_year from study_group where id = cast(? as uuid)",
                GROUP_KE1_D.toString()).getFirst();
        UUID plan = UUID.randomUUID();
        String tenant = TENANT_SOLBACKA.toString();
        try {
            Sql.update(database, "delete from break_plan where state = 'OPEN' and tenant_id = cast(? as uuid)", tenant);
            Sql.update(database, "insert into study_group (id, tenant_id, school_id, kind, name, school_year)"
                    + " select gen_random_uuid(), cast(? as uuid), cast(? as uuid), 'TEACHING', 'Bryt-' || lpad(n::text, 3, '0'), ?"
                    + " from generate_series(1, 70) n", tenant, SCHOOL_SOLBACKA_GYMNASIUM.toString(), thisYear);
            Sql.update(database, "insert into break_plan (id, tenant_id, state, created_at) values (cast(? as uuid),"
                    + " cast(? as uuid), 'OPEN', now())", plan.toString(), tenant);
            Sql.update(database, "insert into break_change (plan_id, seq, kind, group_id) select cast(? as uuid),"
                    + " case when n < 10 then n when n < 59 then n + 1 else n + 2 end, 'CONNECT', id from (select id,"
                    + " row_number() over (order by name) as n from study_group where name like 'Bryt-%'"
                    + " and tenant_id = cast(? as uuid)) g", plan.toString(), tenant);
            Sql.update(database, "insert into break_change (plan_id, seq, kind, group_id) values (cast(? as uuid), 10,"
                    + " 'ARCHIVE', cast(? as uuid)), (cast(? as uuid), 60, 'ARCHIVE', cast(? as uuid))",
                    plan.toString(), GROUP_FY1A_C.toString(), plan.toString(), GROUP_KE1_E.toString());

            open("sv-SE,sv");
            signInAs("sara");
            browser.navigate().to(uri("/admin/break.xhtml").toURL());
            assertThat(waitFor(By.id("range")).getText()).isEqualTo("Ändring 1–50 av 72");
            assertThat(browser.findElements(By.cssSelector("#changes tbody tr"))).hasSize(50);
            assertThat(browser.findElement(By.id("pageOf")).getText()).isEqualTo("Sida 1 av 2");
            assertThat(browser.findElements(By.id("previousPage"))).as("no page before the first").isEmpty();
            assertThat(browser.findElement(By.cssSelector("#changes tbody tr[data-seq='10']")).getText())
                    .contains("Arkivera", "Fy1a-C");

            clickAndWait(browser.findElement(By.id("nextPage")));
            assertThat(waitFor(By.id("range")).getText()).isEqualTo("Ändring 51–72 av 72");
            assertThat(browser.findElements(By.cssSelector("#changes tbody tr"))).hasSize(22);
            assertThat(browser.findElement(By.cssSelector("#changes tbody tr")).getText()).contains("Koppla på", "Bryt-050");
            assertThat(browser.findElement(By.id("pageOf")).getText()).isEqualTo("Sida 2 av 2");
            assertThat(browser.findElements(By.id("nextPage"))).as("no page after the last").isEmpty();
            assertThat(browser.getCurrentUrl()).contains("page=2");
            assertThat(axe("school-year break, the second page of a plan (Sara)")).isEmpty();

            // Bryt-063 is the 65th change: taken out, Sara is back on the second page.
            WebElement row = browser.findElement(By.cssSelector("#changes tbody tr[data-seq='65']"));
            assertThat(row.getText()).contains("Bryt-063");
            clickAndWait(row.findElement(By.cssSelector("input[type='submit']")));
            assertThat(waitFor(By.id("range")).getText()).isEqualTo("Ändring 51–71 av 71");
            assertThat(browser.getCurrentUrl()).contains("page=2");
            assertThat(browser.findElements(By.cssSelector("#changes tbody tr[data-seq='65']"))).isEmpty();
            assertThat(browser.findElement(By.id("changes")).getText()).doesNotContain("Bryt-063").contains("Bryt-064");
            assertThat(Sql.number(database, "select count(*) from break_change where plan_id = cast(? as uuid)",
                    plan.toString())).isEqualTo(71);

            new Select(browser.findElement(By.id("changeKind"))).selectByValue("ARCHIVE");
            clickAndWait(browser.findElement(By.id("filterButton")));
            assertThat(waitFor(By.id("range")).getText()).isEqualTo("Ändring 1–2 av de 2 som matchar (planen har 71)");
            assertThat(browser.findElements(By.cssSelector("#changes tbody tr"))).hasSize(2);
            assertThat(browser.findElement(By.id("changes")).getText()).contains("Fy1a-C", "Ke1-E").doesNotContain("Koppla på");
            assertThat(browser.findElements(By.id("pages"))).as("one page").isEmpty();
            assertThat(browser.getCurrentUrl()).contains("changeKind=ARCHIVE");

            // Previewing keeps the filter; so does taking one of the filtered changes out.
            clickAndWait(browser.findElement(By.id("previewForm:preview")));
            waitFor(By.id("impact"));
            assertThat(browser.findElement(By.id("range")).getText()).isEqualTo("Ändring 1–2 av de 2 som matchar (planen har 71)");
            clickAndWait(browser.findElement(By.cssSelector("#changes tbody tr[data-seq='60'] input[type='submit']")));
            assertThat(waitFor(By.id("range")).getText()).isEqualTo("Ändring 1–1 av de 1 som matchar (planen har 70)");
            assertThat(browser.getCurrentUrl()).contains("changeKind=ARCHIVE");
            assertThat(new Select(browser.findElement(By.id("changeKind"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("ARCHIVE");

            new Select(browser.findElement(By.id("changeKind"))).selectByValue("");
            browser.findElement(By.id("q")).sendKeys("bryt-07");
            clickAndWait(browser.findElement(By.id("filterButton")));
            assertThat(waitFor(By.id("range")).getText()).isEqualTo("Ändring 1–1 av de 1 som matchar (planen har 70)");
            assertThat(browser.findElement(By.id("changes")).getText()).contains("Bryt-070");
            clickAndWait(browser.findElement(By.id("clearFilter")));
            assertThat(waitFor(By.id("range")).getText()).isEqualTo("Ändring 1–50 av 70");

            closeBrowser();
            open("en-GB,en");
            signInAs("sara");
            browser.navigate().to(uri("/admin/break.xhtml?page=2").toURL());
            assertThat(waitFor(By.id("range")).getText()).isEqualTo("Changes 51–70 of 70");
            assertThat(browser.findElement(By.id("pageOf")).getText()).isEqualTo("Page 2 of 2");
            clickAndWait(browser.findElement(By.id("previousPage")));
            assertThat(waitFor(By.id("range")).getText()).isEqualTo("Changes 1–50 of 70");
        } finally {
            Sql.update(database, "delete from break_plan where id = cast(? as uuid)", plan.toString());
            Sql.update(database, "delete from study_group where name like 'Bryt-%' and tenant_id = cast(? as uuid)", tenant);
        }
    }
}
