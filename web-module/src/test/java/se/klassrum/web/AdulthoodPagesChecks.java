package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_SOLBACKA;
import static se.klassrum.roster.demo.DemoIds.GUARDIAN_LINK_LARS_IVAR;
import static se.klassrum.roster.demo.DemoIds.OID_ANNA;
import static se.klassrum.roster.demo.DemoIds.OID_SARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_KLARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_SARA;

/**
 * The school administrator's page "Vårdnadshavare efter 18 år" ({@code /admin/adulthood.xhtml}) in headless Chromium:
 * an adult student's consent recorded and withdrawn, each after a confirmation, and the students without a birth date.
 */
abstract class AdulthoodPagesChecks extends BrowserTest {

    /**
     * Guardians after 18 (A1–A3): Sara sees that Lars's link to Ivar, 18 a month ago, ended at majority; she records
     * Ivar's consent after a confirmation, and the link continues; she withdraws it after a confirmation that says it
     * is for good, and no button offers a new consent. Klara, whose birth date is taken away, is listed as without one.
     * Both languages; the confirmation passes axe.
     */
    @Test
    void theSchoolRecordsAndWithdrawsAnAdultStudentsConsentAfterAConfirmation(DataSource database) throws Exception {
        String klarasBirthDate = Sql.strings(database, "select birth_date::text from person where id = ?", PERSON_KLARA).getFirst();
        try {
            Sql.update(database, "update person set birth_date = null where id = ?", PERSON_KLARA);
            signIn(OID_SARA, "sv-SE,sv", 1280, 1000);
            waitFor(By.id("adulthoodLink")).click();
            assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Vårdnadshavare efter 18 år");
            assertThat(adultLink("Ivar Isaksson").getText()).contains("Lars Isaksson").contains("Upphörde vid 18 år");
            assertThat(text()).doesNotContain("Elsa Ek");
            assertThat(waitFor(By.id("withoutBirthDate")).getText()).contains("Klara Kvist").doesNotContain("Greta");

            adultLink("Ivar Isaksson").findElement(By.cssSelector("input[value='Registrera samtycke']")).click();
            assertThat(waitFor(By.id("confirm-title")).getText()).startsWith("Registrera att Ivar Isaksson den ")
                    .endsWith("samtyckte till att Lars Isaksson behåller åtkomsten?");
            assertThat(browser.findElement(By.id("confirm")).getAttribute("role")).isEqualTo("alertdialog");
            assertThat(Sql.number(database, "select count(*) from guardian_consent where link_id = ?", GUARDIAN_LINK_LARS_IVAR))
                    .as("nothing before the confirmation").isZero();
            assertThat(axe("guardians after 18, confirming a consent (Sara)")).isEmpty();
            adultLink("Ivar Isaksson").findElement(By.cssSelector("input[value='Ja, registrera samtycket']")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "Samtycket från Ivar Isaksson för Lars Isaksson är registrerat."));
            assertThat(adultLink("Ivar Isaksson").getText()).contains("Fortsätter med samtycke").contains("av Sara Svensson");
            assertThat(adultLink("Ivar Isaksson").getAttribute("data-consent")).isEqualTo("RECORDED");

            signIn(OID_SARA, "en-GB,en", 375, 812);
            browser.navigate().to(uri("/admin/adulthood.xhtml").toURL());
            adultLink("Ivar Isaksson").findElement(By.cssSelector("input[value='Withdraw consent']")).click();
            assertThat(waitFor(By.id("confirm-text")).getText())
                    .isEqualTo("The link ends at once and for good: no later consent can revive it.");
            assertNoHorizontalScroll("guardians after 18, confirming a withdrawal, on a phone");
            adultLink("Ivar Isaksson").findElement(By.cssSelector("input[value='Yes, withdraw the consent']")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "The consent of Ivar Isaksson for Lars Isaksson is withdrawn; the link has ended for good."));
            assertThat(adultLink("Ivar Isaksson").getText()).contains("Consent withdrawn, ended for good");
            assertThat(adultLink("Ivar Isaksson").findElements(By.cssSelector("input[type='submit']")))
                    .as("no new consent for a withdrawn link").isEmpty();
            assertThat(Sql.number(database, "select count(*) from guardian_consent where link_id = ? and withdrawn_by_id = ?",
                    GUARDIAN_LINK_LARS_IVAR, PERSON_SARA)).isEqualTo(1);
        } finally {
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", klarasBirthDate, PERSON_KLARA);
            Sql.update(database, "delete from guardian_consent where link_id = ?", GUARDIAN_LINK_LARS_IVAR);
        }
    }

    /**
     * With one student a page (the address's {@code size}), Sara goes through the adult students' links with "more":
     * Elsa, 18 for a moment, on one page, Ivar on a later one, each with all their links; on Ivar's page she records his
     * consent, and the page she comes back to is still his. Swedish; the paged list passes axe.
     */
    @Test
    void theSchoolPagesThroughTheAdultStudentsLinksAndActsOnALaterPage(DataSource database) throws Exception {
        String elsasBirthDate = Sql.strings(database, "select birth_date::text from person where id = ?", PERSON_ELSA).getFirst();
        try {
            Sql.update(database, "update person set birth_date = ? where id = ?",
                    java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).minusYears(20), PERSON_ELSA);
            signIn(OID_SARA, "sv-SE,sv", 1280, 1000);
            browser.navigate().to(uri("/admin/adulthood.xhtml?size=1").toURL());
            assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Vårdnadshavare efter 18 år");
            assertThat(axe("guardians after 18, a page of one student (Sara)")).isEmpty();
            java.util.List<String> seen = new java.util.ArrayList<>();
            while (!studentsShown().contains("Ivar Isaksson") && seen.size() < 50) {
                assertThat(new java.util.HashSet<>(studentsShown())).as("one student a page").hasSize(1);
                seen.addAll(new java.util.LinkedHashSet<>(studentsShown()));
                clickAndWait(waitFor(By.id("moreLinks")));
            }
            assertThat(seen).as("Elsa before Ivar, each once").contains("Elsa Ek").doesNotHaveDuplicates();
            assertThat(new java.util.HashSet<>(studentsShown())).containsExactly("Ivar Isaksson");
            assertThat(browser.findElement(By.id("firstLinks")).getText()).isEqualTo("Tillbaka till listans början");
            screenshot("admin-adulthood-later-page");

            // Each click loads the page anew: wait until the old one is gone before looking at the new one.
            clickAndWait(adultLink("Ivar Isaksson").findElement(By.cssSelector("input[value='Registrera samtycke']")));
            clickAndWait(adultLink("Ivar Isaksson").findElement(By.cssSelector("input[value='Ja, registrera samtycket']")));
            assertThat(waitFor(By.id("messages")).getText())
                    .contains("Samtycket från Ivar Isaksson för Lars Isaksson är registrerat.");
            assertThat(new java.util.HashSet<>(studentsShown())).as("back on Ivar's page").containsExactly("Ivar Isaksson");
            assertThat(adultLink("Ivar Isaksson").getAttribute("data-consent")).isEqualTo("RECORDED");
        } finally {
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", elsasBirthDate, PERSON_ELSA);
            Sql.update(database, "delete from guardian_consent where link_id = ?", GUARDIAN_LINK_LARS_IVAR);
        }
    }

    /** The students whose links the page shows, one entry per link. */
    private java.util.List<String> studentsShown() {
        waitFor(By.id("links"));
        return browser.findElements(By.cssSelector("#links > li")).stream().map(li -> li.getAttribute("data-student")).toList();
    }

    /** Anna is no school administrator: no link to the page, and the page refuses her without naming any student. */
    @Test
    void aTeacherMayNotSeeTheGuardiansAfter18() throws IOException {
        signIn(OID_ANNA, "en-GB,en", 1280, 1000);
        assertThat(browser.findElements(By.id("adulthoodLink"))).isEmpty();
        browser.navigate().to(uri("/admin/adulthood.xhtml").toURL());
        assertThat(waitFor(By.id("refusal")).getText()).contains("Only a school administrator");
        assertThat(text()).doesNotContain("Ivar", "Lars", "Record consent");
    }

    /** A member of Solbacka's staff signed in through the identity provider, on their groups. */
    private void signIn(UUID objectId, String languages, int width, int height) throws IOException {
        open(languages, width, height);
        signInAsStaff(objectId);
    }

    private WebElement adultLink(String student) {
        return waitFor(By.cssSelector("li[data-student='" + student + "']"));
    }

}
