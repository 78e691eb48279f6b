package se.klassrum.teaching.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one policy for rich text: exactly the editor's formatting survives, links get {@code rel="noopener noreferrer"},
 * plain addresses become links, line breaks of plain text stay, and the classic XSS payloads (the list in
 * {@code xss-payloads.txt}, which the browser test posts as well) lose every active part.
 */
class SafeHtmlTest {

    /** Where the payloads point: a loopback port that nobody answers on. */
    static final String ORIGIN = "http://127.0.0.1:9";
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9]*)");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]+)=\"");

    static List<String> payloads() throws IOException {
        try (InputStream in = SafeHtmlTest.class.getResourceAsStream("/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("## "))
                    .map(line -> line.replace("{{ORIGIN}}", ORIGIN))
                    .toList();
        }
    }

    @Test
    void theListHoldsTheClassics() throws IOException {
        assertThat(payloads()).hasSizeGreaterThanOrEqualTo(30)
                .anyMatch(payload -> payload.contains("<script>")).anyMatch(payload -> payload.contains("onerror"))
                .anyMatch(payload -> payload.contains("<svg")).anyMatch(payload -> payload.contains("jav&#x09;ascript"))
                .anyMatch(payload -> payload.contains("<iframe")).anyMatch(payload -> payload.contains("<STYLE>"))
                .anyMatch(payload -> payload.contains("<math>")).anyMatch(payload -> payload.startsWith("\"><script>"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void aClassicPayloadLosesEveryActivePart(String payload) {
        String sanitised = SafeHtml.of(payload).value();
        String lower = sanitised.toLowerCase(Locale.ROOT);

        assertThat(lower)
                .doesNotContain("<script", "onerror", "onload", "onmouseover", "ontoggle", "onfocus",
                        "<iframe", "<object", "<embed", "<form", "<input", "<style", "<link", "<meta", "<base", "<svg",
                        "<math", "<img", "<video", "<source", "data:text/html", "style=", "src=", "action=");
        assertThat(elements(sanitised)).isSubsetOf(ALLOWED);
        assertThat(attributes(sanitised)).isSubsetOf(Set.of("href", "rel"));
        // An address that survives is a web or mail address; "javascript:" may stay only as text, never as a link.
        assertThat(hrefs(sanitised)).allMatch(href -> href.matches("(https?://|mailto:)[^\\s]*"));
        // Sanitising what was stored changes nothing: rendering stored text is as safe as storing it.
        assertThat(SafeHtml.of(sanitised).value()).isEqualTo(sanitised);
    }

    private static final Set<String> ALLOWED = Set.of("p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li",
            "h2", "h3", "h4", "a");

    @Test
    void theEditorsFormattingSurvivesAndNothingElse() {
        String html = "<h2>Läxa</h2><h3>Del 1</h3><h4>a</h4><p>Läs <strong>kapitel 3</strong>, <b>noga</b>, <em>gärna</em> "
                + "<i>två</i> <u>gånger</u>.<br />Sedan:</p><ul><li>a</li></ul><ol><li>b</li></ol>";

        assertThat(SafeHtml.of(html).value()).isEqualTo(html);
        assertThat(SafeHtml.of("<table><tr><td>cell</td></tr></table><div>block</div><span>in</span><s>struck</s>"
                + "<blockquote>quote</blockquote><code>x</code><font color=red>red</font>").value())
                .isEqualTo("cellblockinstruckquotexred");
    }

    @Test
    void otherHeadingsBecomeTheNearestOneTheEditorOffers() {
        assertThat(SafeHtml.of("<h1>Stor</h1><h5>Liten</h5><h6>Minst</h6>").value())
                .isEqualTo("<h2>Stor</h2><h4>Liten</h4><h4>Minst</h4>");
    }

    @Test
    void theEditorsBulletListKeepsItsKindAndNothingElse() {
        assertThat(SafeHtml.of("<ol><li data-list=\"bullet\"><span class=\"ql-ui\" contenteditable=\"false\"></span>a</li>"
                + "<li data-list=\"ordered\">b</li><li data-list=\"x\" onclick=\"alert(1)\">c</li></ol>").value())
                .isEqualTo("<ol><li data-list=\"bullet\">a</li><li data-list=\"ordered\">b</li><li>c</li></ol>");
    }

    @Test
    void everyLinkGetsNoopenerAndNoreferrerAndNoTarget() {
        String sanitised = SafeHtml.of("<a href=\"https://www.skolverket.se/\" target=\"_blank\" rel=\"opener\">Skolverket</a>"
                + " <a href=\"mailto:anna@solbacka.se\">Anna</a>").value();

        assertThat(sanitised).isEqualTo("<a href=\"https://www.skolverket.se/\" rel=\"noopener noreferrer\">Skolverket</a>"
                + " <a href=\"mailto:anna&#64;solbacka.se\" rel=\"noopener noreferrer\">Anna</a>");
    }

    @Test
    void theEditorsLinkKeepsItsAddressAndGetsTheSameRelAsEveryOther() {
        assertThat(SafeHtml.of("<p><a href=\"https://www.skolverket.se/\" rel=\"noopener noreferrer\" target=\"_blank\">"
                + "Skolverket</a></p>").value())
                .isEqualTo("<p><a href=\"https://www.skolverket.se/\" rel=\"noopener noreferrer\">Skolverket</a></p>");
    }

    @Test
    void aLinkToAnythingButHttpHttpsOrMailtoKeepsOnlyItsText() {
        assertThat(SafeHtml.of("<a href=\"javascript:alert(1)\">a</a> <a href=\"data:text/html,x\">b</a> "
                + "<a href=\"ftp://example.se/\">c</a> <a href=\"vbscript:x\">d</a>").value()).isEqualTo("a b c d");
    }

    @Test
    void aPlainAddressBecomesALinkAndTheSentenceStaysAsItWas() {
        String sanitised = SafeHtml.of("<p>Se https://www.skolverket.se/kursplan?amne=ma&amp;niva=1 och www.ne.se.</p>").value();

        assertThat(sanitised).isEqualTo("<p>Se <a href=\"https://www.skolverket.se/kursplan?amne&#61;ma&amp;niva&#61;1\" "
                + "rel=\"noopener noreferrer\">https://www.skolverket.se/kursplan?amne&#61;ma&amp;niva&#61;1</a> och "
                + "<a href=\"https://www.ne.se\" rel=\"noopener noreferrer\">www.ne.se</a>.</p>");
    }

    @Test
    void anAddressThatIsAlreadyALinkIsNotLinkedAgain() {
        String link = "<a href=\"https://www.ne.se/\" rel=\"noopener noreferrer\">https://www.ne.se/</a>";

        assertThat(SafeHtml.of(link).value()).isEqualTo(link);
    }

    @Test
    void onlyWebAddressesAreLinkedFromText() {
        assertThat(SafeHtml.of("javascript://example.se/%0aalert(1) och ftp://example.se/fil").value())
                .doesNotContain("<a").contains("javascript://example.se/%0aalert(1)");
    }

    @Test
    void plainTextKeepsItsLineBreaksAndMarkupKeepsItsOwn() {
        assertThat(SafeHtml.of("Hej!\nLäs kapitel 3.\n\nMvh Anna").value()).isEqualTo("Hej!<br />Läs kapitel 3.<br /><br />Mvh Anna");
        assertThat(SafeHtml.of("<p>Hej!</p>\n<p>Läs</p>").value()).isEqualTo("<p>Hej!</p>\n<p>Läs</p>");
    }

    @Test
    void textOfOnlyMarkupOrScriptsIsBlank() {
        assertThat(SafeHtml.of("<script>alert(1)</script>").isBlank()).isTrue();
        assertThat(SafeHtml.of("<p> </p>").isBlank()).isTrue();
        assertThat(SafeHtml.of(null).isBlank()).isTrue();
        assertThat(SafeHtml.of("<p>Hej</p>").isBlank()).isFalse();
    }

    private static Set<String> elements(String html) {
        return names(TAG, html);
    }

    private static List<String> hrefs(String html) {
        return HREF.matcher(html).results().map(match -> match.group(1)).toList();
    }

    private static Set<String> attributes(String html) {
        return names(ATTRIBUTE, html);
    }

    /** The first group of each match, in lower case. */
    private static Set<String> names(Pattern pattern, String html) {
        Set<String> names = new TreeSet<>();
        pattern.matcher(html).results().forEach(match -> names.add(match.group(1).toLowerCase(Locale.ROOT)));
        return names;
    }
}
