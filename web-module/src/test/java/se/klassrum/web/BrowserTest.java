package se.klassrum.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.klassrum.roster.demo.DemoIds;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A server test in a real browser: Debian's headless Chromium through its chromedriver, a fresh profile per test, and
 * the waits, looks and screenshots the page tests share. Screenshots land in {@code target/screenshots/}.
 * <p>
 * Without Chromium each test is skipped with the reason, except under CI ({@code CI=true}), where that fails.
 */
abstract class BrowserTest extends ServerCalls {

    static final Path CHROMIUM = Path.of(System.getProperty("klassrum.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("klassrum.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("klassrum.test.screenshots", "target/screenshots"));

    private static final Pattern CREATED_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern SIGN_IN_CODE = Pattern.compile("\\b(\\d{6})\\b");

    WebDriver browser;
    private Path profile;
    /** Whether a JavaScript dialog stays open for the test to find, rather than being dismissed by chromedriver. */
    boolean dialogsStayOpen;

    /** Per test rather than per class, so that the report counts each test as skipped, with the reason. */
    @BeforeEach
    void chromiumIsInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String reason = "The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason + " — under CI they must run, not be skipped");
        }
        assumeTrue(false, reason);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            profile = null;
        }
    }

    void open(String languages) throws IOException {
        open(languages, 1280, 1000);
    }

    /** A browser window of this size; a narrow one is a phone (mobile viewport emulated through DevTools). */
    void open(String languages, int width, int height) throws IOException {
        profile = Files.createTempDirectory("klassrum-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=" + languages.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        if (dialogsStayOpen) {
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        if (width < 600) {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    /** Signs in as a demo persona on the demo page (demo mode, as the server tests run), landing on "Mina grupper". */
    void signInAs(String persona) throws IOException {
        browser.navigate().to(uri("/demo.xhtml").toURL());
        WebElement choice = waitFor(By.cssSelector("[data-persona='" + persona + "']"));
        screenshot("demo-" + persona);
        clickAndWait(choice);
        waiting().until(ExpectedConditions.urlContains("/groups.xhtml"));
    }

    /**
     * Signs in as a member of Solbacka's staff through the organisation's identity provider (the test's OIDC server),
     * landing on "Mina grupper".
     */
    void signInAsStaff(UUID objectId) throws IOException {
        browser.navigate().to(uri("/sign-in.xhtml").toURL());
        OidcServer.nextStaffSignInAs(DemoIds.ENTRA_TENANT_SOLBACKA, objectId);
        waitFor(By.id("staffSignIn")).click();
        waiting().until(ExpectedConditions.urlContains("/groups.xhtml"));
    }

    /**
     * Clicks a button or link that loads a page, and waits until the old page is gone, so that what the test looks
     * for next is looked for on the new page. While Chromium swaps the pages, it may also answer that the element
     * no longer belongs to the document.
     */
    void clickAndWait(WebElement element) {
        element.click();
        waiting().until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException detached) {
                return detached.getMessage() != null && detached.getMessage().contains("does not belong to the document");
            }
        });
    }

    /**
     * A guardian signs in on the portal's e-mail sign-in with the code GreenMail received, and lands on the children.
     */
    void signInAsGuardian(String email) throws Exception {
        browser.navigate().to(uri("/guardian/sign-in.xhtml").toURL());
        signInWithCode(email);
        waiting().until(ExpectedConditions.urlContains("/guardian/children.xhtml"));
    }

    /** On the guardian sign-in page shown: the address, then the code mailed to it, typed in and sent. */
    void signInWithCode(String email) throws Exception {
        Set<String> before = MailServer.messageIds();
        waitFor(By.id("signIn:email")).sendKeys(email);
        browser.findElement(By.id("signIn:sendCode")).click();
        waitFor(By.id("signIn:code")).sendKeys(codeIn(MailServer.awaitNewMailTo(email, before, 15_000)));
        browser.findElement(By.id("signIn:signInButton")).click();
    }

    /**
     * On a notification list shown in Swedish: chooses "En sammanfattning om dagen" in English for the notification
     * mail and saves; the saved notice is shown, and after a reload the choice is still made and the notice gone.
     */
    void chooseADailySummaryInEnglish() {
        new Select(waitFor(By.id("mail:frequency"))).selectByVisibleText("En sammanfattning om dagen");
        new Select(browser.findElement(By.id("mail:language"))).selectByVisibleText("English");
        clickAndWait(browser.findElement(By.id("mail:save")));
        assertThat(waitFor(By.cssSelector(".notice")).getText()).isEqualTo("Dina val för e-post är sparade.");
        browser.navigate().refresh();
        assertThat(new Select(waitFor(By.id("mail:frequency"))).getFirstSelectedOption().getText())
                .as("kept after a reload").isEqualTo("En sammanfattning om dagen");
        assertThat(new Select(browser.findElement(By.id("mail:language"))).getFirstSelectedOption().getText())
                .as("kept after a reload").isEqualTo("English");
        assertThat(browser.findElements(By.cssSelector(".notice"))).as("the notice, shown once").isEmpty();
    }

    /** The notification with this text in the list shown. */
    WebElement notification(String text) {
        waitFor(By.id("notifications"));
        return browser.findElement(By.xpath("//li[contains(@class,'notification') and .//a[text()='" + text + "']]"));
    }

    /** The sign-in code in a mail of the portal. */
    static String codeIn(MimeMessage mail) {
        String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
        Matcher matcher = SIGN_IN_CODE.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    /** axe-core (WCAG 2.0/2.1 A and AA rules) on the page shown: its serious and critical violations, named. */
    List<String> axe(String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(results.getErrorMessage()).as("axe-core ran on " + page).isNull();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " — "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")));
            }
        }
        return found;
    }

    /** The writing area of a rich text editor (WEB-INF/includes/editor.xhtml) by the editor's client id. */
    WebElement editor(String clientId) {
        return waitFor(By.cssSelector("[id='" + clientId + "'] .ql-editor"));
    }

    /** Types into a date or time field the way its picker would (the typed form depends on the browser's locale). */
    void setValue(By field, String value) {
        script("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", browser.findElement(field), value);
    }

    WebElement waitFor(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForText(String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /**
     * A wait that looks again when the page it asked about was replaced in the meantime: Chromium then answers that
     * the element went stale, or (chromedriver's own words) that it "does not belong to the document". Anything else
     * it answers is retried too until the wait runs out, and then named as the cause.
     */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView()", element);
    }

    String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /**
     * Every control a guardian taps on a phone is at least 44 × 44 CSS pixels (WCAG 2.5.5): buttons, fields, and the
     * links that stand on their own; a link inside a sentence is exempt.
     */
    @SuppressWarnings("unchecked")
    void assertTapTargetsOnAPhone(String page) {
        List<String> small = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const small = [];
                for (const e of document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea')) {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0) continue;
                  const parent = e.parentElement;
                  const inSentence = e.tagName === 'A' && parent && parent.tagName === 'P'
                      && parent.textContent.trim() !== e.textContent.trim();
                  if (!inSentence && (r.height < 44 || r.width < 44)) {
                    small.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + e.textContent.trim().slice(0, 30)
                        + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
                  }
                }
                return small;""");
        assertThat(small).as("controls smaller than 44 × 44 px on " + page).isEmpty();
    }

    void assertNoHorizontalScroll() {
        assertNoHorizontalScroll("the page");
    }

    void assertNoHorizontalScroll(String page) {
        Object widths = script("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat((Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("%s: no horizontal scrolling, [scrollWidth, innerWidth] = %s", page, widths).isTrue();
    }

    /** Anna writes through the API (a POST that creates), as a scenario's starting point; the new item's id. */
    String annaCreates(String path, String json) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestIssuer.personToken(DemoIds.ENTRA_TENANT_SOLBACKA, DemoIds.OID_ANNA))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = CREATED_ID.matcher(created.body());
        assertThat(id.find()).as(created.body()).isTrue();
        return id.group(1);
    }

    /** Removes what a scenario wrote: the assignment and the work handed in to it (their files go with them). */
    static void deleteAssignment(DataSource database, String assignment) throws Exception {
        Sql.update(database, "delete from submission where assignment_id = ?", UUID.fromString(assignment));
        Sql.update(database, "delete from assignment where id = ?", UUID.fromString(assignment));
    }

    /**
     * A download from the page's own session, as the browser makes it: its status, disposition, size, and whether it
     * is sent with nosniff and no-store.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => done({"
                        + "status: r.status, disposition: r.headers.get('Content-Disposition'), size: b.byteLength,"
                        + "nosniff: r.headers.get('X-Content-Type-Options'), cache: r.headers.get('Cache-Control')})))"
                        + ".catch(e => done({status: -1, disposition: String(e), size: 0}));", href);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
