package se.klassrum.web;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_SOLBACKA;
import static se.klassrum.roster.demo.DemoIds.GROUP_EN5_B;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.OID_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_KARIN;

/**
 * Rich text in a real browser (Debian's headless Chromium, as {@link PagesChecks}): what a teacher formats in the
 * editor is rendered as markup for the student and the guardian, and the classic XSS payloads — the list the
 * sanitiser's unit test uses, {@code teaching-module/src/test/resources/xss-payloads.txt} — run nothing and reach
 * no other host, whether they come through the API or through the editor's form.
 *
 * <p>One scenario, because Karin may ask for only three sign-in codes in fifteen minutes and the portal's own
 * scenario asks for one. The posts it writes carry a marker of their own and are deleted at the end.
 */
abstract class RichTextPagesChecks extends BrowserTest {

    private static final Path PAYLOADS = Path.of("../teaching-module/src/test/resources/xss-payloads.txt");
    /** Records every JavaScript dialog a page opens, before the page's own scripts run; the dialog still opens. */
    private static final String DIALOG_RECORDER = "window.__dialogs = [];"
            + "['alert', 'confirm', 'prompt', 'print'].forEach(function (name) {"
            + "  var original = window[name];"
            + "  window[name] = function () { window.__dialogs.push(name); return original.apply(window, arguments); };"
            + "});";

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Anna writes a post with bold text, a link and a plain address in the editor; Elsa and Karin (on her phone) see
     * the bold text and the links with {@code rel="noopener noreferrer"}, and a very long word wraps. Then every payload
     * is posted once through the API (to Ma1c-A) and once through the editor's form (to En5-B, its hidden field set as an
     * attacker would); Anna, Elsa and Karin open the pages in Chromium: no dialog opens, no script records one, and the
     * loopback port that the payloads point to is asked for nothing.
     */
    @Test
    void formattingRendersForStudentAndGuardianAndNoPayloadRunsOrCallsOut(DataSource database) throws Exception {
        String marker = "rt" + UUID.randomUUID().toString().substring(0, 8);
        String longWord = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" + marker + "x".repeat(40);
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        listener.start();
        String origin = "http://127.0.0.1:" + listener.getAddress().getPort();
        List<String> payloads = Files.readAllLines(PAYLOADS, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("## "))
                .map(line -> line.replace("{{ORIGIN}}", origin)).toList();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(30);
        try {
            dialogsStayOpen = true;
            open("sv-SE,sv");
            recordDialogs();

            // Anna formats a post in the editor, by keyboard and with the toolbar's link button.
            signInAs("anna");
            openGroup(GROUP_MA1C_A);
            WebElement area = editor("write:body");
            assertThat(area.getAttribute("role")).isEqualTo("textbox");
            assertThat(area.getAttribute("aria-labelledby")).isNotBlank();
            screenshot("richtext-editor-empty");
            area.sendKeys(Keys.chord(Keys.CONTROL, "b"), "Läxa " + marker, Keys.chord(Keys.CONTROL, "b"),
                    " till fredag, se www.ne.se/uppslagsverk och " + longWord + ". Läs mer hos Skolverket");
            for (int i = 0; i < "Skolverket".length(); i++) {
                area.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
            }
            browser.findElement(By.cssSelector("[id='write:body_toolbar'] button.ql-link")).click();
            WebElement address = waitFor(By.cssSelector("[id='write:body'] .ql-tooltip input[type='text']"));
            address.sendKeys("https://www.skolverket.se/", Keys.ENTER);
            screenshot("richtext-editor-filled");
            clickAndWait(browser.findElement(By.id("write:publish")));
            waitForText("Inlägget är publicerat.");
            assertFormatted(post(marker), marker);
            assertNoDialog("Anna's group page");

            // The payloads: through the API to Ma1c-A, through the editor's form to En5-B.
            for (int i = 0; i < payloads.size(); i++) {
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/groups/" + GROUP_MA1C_A + "/posts"))
                        .header("Authorization", "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                .add("body", "<p>xss " + marker + " api " + i + "</p>" + payloads.get(i)).build().toString()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(payloads.get(i) + ": " + created.body()).isEqualTo(201);
            }
            openGroup(GROUP_EN5_B);
            for (int i = 0; i < payloads.size(); i++) {
                editor("write:body"); // drawn: from now on the widget leaves its field alone until the editor is used
                WebElement field = browser.findElement(By.cssSelector("[id='write:body'] > input"));
                script("arguments[0].value = arguments[1];", field, "<p>xss " + marker + " editor " + i + "</p>" + payloads.get(i));
                clickAndWait(browser.findElement(By.id("write:publish")));
                waitForText("Inlägget är publicerat.");
                assertNoDialog("Anna's En5-B page after payload " + i + ": " + payloads.get(i));
            }
            assertPayloadPostsInert(marker, "editor", payloads.size(), "Anna, En5-B");
            openGroup(GROUP_MA1C_A);
            assertPayloadPostsInert(marker, "api", payloads.size(), "Anna, Ma1c-A");

            // Elsa, the student.
            signInAs("elsa");
            openGroup(GROUP_MA1C_A);
            assertFormatted(post(marker), marker);
            assertPayloadPostsInert(marker, "api", payloads.size(), "Elsa, Ma1c-A");
            screenshot("richtext-elsa");
            openGroup(GROUP_EN5_B);
            assertPayloadPostsInert(marker, "editor", payloads.size(), "Elsa, En5-B");

            // Karin, Elsa's guardian, on her phone.
            closeBrowser();
            open("sv-SE,sv", 375, 812);
            recordDialogs();
            String karin = Sql.strings(database, "select subject from guardian_login where guardian_id = ? and method = 'EMAIL'"
                    + " and enabled", PERSON_KARIN).get(0);
            signInAsGuardian(karin);
            WebElement elsa = waitFor(By.cssSelector("[data-child='" + PERSON_ELSA + "']"));
            clickAndWait(elsa.findElement(By.linkText("Inlägg, uppgifter och samtal")));
            waitFor(By.id("posts"));
            WebElement formatted = browser.findElements(By.cssSelector("#posts article.post")).stream()
                    .filter(article -> article.getText().contains("Läxa " + marker)).findFirst().orElseThrow();
            assertFormatted(formatted, marker);
            assertNoHorizontalScroll("Karin's page with a long word");
            scrollTo(formatted);
            screenshot("richtext-karin-phone");
            assertPayloadPostsInert(marker, "api", payloads.size(), "Karin");
            assertPayloadPostsInert(marker, "editor", payloads.size(), "Karin");
            assertNoHorizontalScroll("Karin's page with the payloads");

            // Elsa and Anna on their phones, in English.
            closeBrowser();
            open("en-GB,en", 375, 812);
            recordDialogs();
            signInAs("elsa");
            openGroup(GROUP_MA1C_A);
            assertFormatted(post(marker), marker);
            assertNoHorizontalScroll("Elsa's group page with a long word on a phone");
            scrollTo(post(marker));
            screenshot("richtext-elsa-phone-en");
            signInAs("anna");
            openGroup(GROUP_MA1C_A);
            assertFormatted(post(marker), marker);
            assertThat(browser.findElement(By.cssSelector("[id='write:body_toolbar'] button.ql-bold")).getAttribute("aria-label"))
                    .isEqualTo("Bold");
            assertThat(editor("write:body").getAttribute("role")).isEqualTo("textbox");
            assertNoHorizontalScroll("Anna's group page with the editor on a phone");
            assertNoDialog("Anna's group page on a phone");
            scrollTo(post(marker));
            screenshot("richtext-anna-phone-en");

            assertThat(requests).as("requests to the loopback port the payloads point to").isEmpty();
        } finally {
            listener.stop(0);
            Sql.update(database, "delete from post where body like ?", "%" + marker + "%");
        }
    }

    /** Bold text, the link made with the toolbar and the address typed plainly: as markup, links with rel. */
    private void assertFormatted(WebElement post, String marker) {
        assertThat(post.findElement(By.cssSelector(".rich-text strong")).getText()).isEqualTo("Läxa " + marker);
        WebElement link = post.findElement(By.cssSelector(".rich-text a[href='https://www.skolverket.se/']"));
        assertThat(link.getText()).isEqualTo("Skolverket");
        assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(link.getDomAttribute("target")).isNull();
        WebElement typed = post.findElement(By.cssSelector(".rich-text a[href='https://www.ne.se/uppslagsverk']"));
        assertThat(typed.getText()).isEqualTo("www.ne.se/uppslagsverk");
        assertThat(typed.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(post.getText()).doesNotContain("<strong>", "<p>", "&lt;");
        assertThat(post.findElement(By.cssSelector(".rich-text")).getCssValue("overflow-wrap")).isEqualTo("anywhere");
    }

    /**
     * Every payload post of the route is on the page, the pointer has passed over each, and then no dialog is open or
     * was opened, and the page loaded nothing from another origin.
     */
    private void assertPayloadPostsInert(String marker, String route, int count, String page) throws InterruptedException {
        List<WebElement> posts = new ArrayList<>();
        for (WebElement candidate : browser.findElements(By.cssSelector("article.post"))) {
            if (candidate.getText().contains("xss " + marker + " " + route + " ")) {
                posts.add(candidate);
            }
        }
        assertThat(posts).as(page + ": the " + route + " payload posts").hasSize(count);
        for (WebElement post : posts) {
            scrollTo(post);
            new Actions(browser).moveToElement(post).perform();
        }
        Thread.sleep(1_000);
        assertNoDialog(page);
        Object foreign = script("return performance.getEntriesByType('resource').map(function (entry) { return entry.name; })"
                + ".filter(function (name) { return /^https?:/.test(name) && new URL(name).origin !== location.origin; })");
        assertThat((List<?>) foreign).as(page + ": resources from another origin").isEmpty();
        assertThat(browser.findElements(By.cssSelector(".rich-text script, .rich-text img, .rich-text iframe, "
                + ".rich-text svg, .rich-text style, .rich-text [onerror], .rich-text [style]"))).as(page).isEmpty();
    }

    private void assertNoDialog(String page) {
        try {
            String text = browser.switchTo().alert().getText();
            fail(page + ": a JavaScript dialog opened: " + text);
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
        assertThat((List<?>) script("return window.__dialogs || []")).as(page + ": dialogs opened").isEmpty();
    }

    private void recordDialogs() {
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_RECORDER));
    }

    private WebElement post(String marker) {
        return waiting().until(driver -> driver.findElements(By.cssSelector("article.post")).stream()
                .filter(article -> article.getText().contains("Läxa " + marker)).findFirst().orElse(null));
    }

    private void openGroup(java.util.UUID group) throws IOException {
        browser.navigate().to(uri("/group.xhtml?id=" + group).toURL());
        waitFor(By.id("posts-heading"));
    }
}
