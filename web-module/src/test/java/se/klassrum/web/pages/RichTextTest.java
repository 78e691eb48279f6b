package se.klassrum.web.pages;

import org.junit.jupiter.api.Test;
import se.klassrum.teaching.entity.SafeHtml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rich text reaches a page as markup through {@link RichText} alone, and only as {@link SafeHtml}. */
class RichTextTest {

    private static final Path PAGES = Path.of("src/main/webapp");

    @Test
    void sanitisedTextIsRenderedAsItsMarkup() {
        assertThat(RichText.markup(SafeHtml.of("<p><strong>Läxa</strong> <img src=x onerror=alert(1)></p>")))
                .isEqualTo("<p><strong>Läxa</strong> </p>");
        assertThat(RichText.markup(null)).isEmpty();
    }

    @Test
    void aPlainStringIsRefusedRatherThanRenderedAsMarkup() {
        assertThatThrownBy(() -> RichText.markup("<script>alert(1)</script>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SafeHtml only");
    }

    @Test
    void noPageWritesAnythingUnescapedButThroughRichText() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(PAGES)) {
            pages = files.filter(file -> file.toString().endsWith(".xhtml")).toList();
        }
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            String text = Files.readString(page);
            assertThat(text).as(page.toString()).doesNotContain("escape=\"false\"").doesNotContain("escape='false'")
                    .doesNotContain("<f:verbatim").doesNotContain("h:outputText escape");
        }
        assertThat(Files.readString(PAGES.resolve("group.xhtml"))).contains("<k:richText value=\"#{post.body()}\"/>");
    }
}
