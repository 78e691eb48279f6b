package se.klassrum.teaching.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Classic XSS payloads (OWASP XSS filter evasion cheat sheet and friends) never survive; formatting does. */
class SafeHtmlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert('xss')</script>",
            "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=javascript:alert('XSS')>",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
            "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
            "<img src=x onerror=alert(1)>",
            "<svg/onload=alert('XSS')>",
            "<BODY ONLOAD=alert('XSS')>",
            "<iframe src=\"javascript:alert('XSS');\"></iframe>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
            "<div style=\"background-image: url(javascript:alert('XSS'))\">x</div>",
            "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><input type=submit></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
            "<details open ontoggle=alert(1)>",
            "<base href=\"javascript:alert(1)//\">",
            "\"><script>alert(1)</script>",
    })
    void aClassicPayloadLosesEveryActivePart(String payload) {
        String sanitised = SafeHtml.of(payload).value().toLowerCase(Locale.ROOT);

        assertThat(sanitised)
                .doesNotContain("<script", "javascript:", "onerror", "onload", "onmouseover", "ontoggle", "<iframe",
                        "<object", "<embed", "<form", "<style", "<meta", "<base", "<svg", "data:text/html", "style=");
    }

    @Test
    void plainFormattingAndLinksSurvive() {
        String sanitised = SafeHtml.of("<p>Läs <b>kapitel 3</b> och <i>gör</i> uppgift 4:</p><ul><li>a</li></ul>"
                + "<a href=\"https://www.skolverket.se/\">Skolverket</a>").value();

        assertThat(sanitised).contains("<p>Läs <b>kapitel 3</b> och <i>gör</i> uppgift 4:</p>").contains("<ul><li>a</li></ul>")
                .contains("href=\"https://www.skolverket.se/\"").contains("noopener").contains("noreferrer");
    }

    @Test
    void textOfOnlyMarkupOrScriptsIsBlank() {
        assertThat(SafeHtml.of("<script>alert(1)</script>").isBlank()).isTrue();
        assertThat(SafeHtml.of("<p> </p>").isBlank()).isTrue();
        assertThat(SafeHtml.of(null).isBlank()).isTrue();
        assertThat(SafeHtml.of("<p>Hej</p>").isBlank()).isFalse();
    }
}
