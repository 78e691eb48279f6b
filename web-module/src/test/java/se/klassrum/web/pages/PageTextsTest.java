package se.klassrum.web.pages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages speak Swedish and English: every text has both, and none is left empty. */
class PageTextsTest {

    @Test
    void everyTextOfThePagesIsInSwedishAndInEnglish() throws IOException {
        Properties english = load("messages.properties");
        Properties swedish = load("messages_sv.properties");

        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(swedish.stringPropertyNames());
        Set<String> onlySwedish = new TreeSet<>(swedish.stringPropertyNames());
        onlySwedish.removeAll(english.stringPropertyNames());
        assertThat(onlyEnglish).as("texts without a Swedish version").isEmpty();
        assertThat(onlySwedish).as("texts without an English version").isEmpty();
        assertThat(english.stringPropertyNames()).allSatisfy(key -> {
            assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(swedish.getProperty(key)).as("Swedish " + key).isNotBlank();
        });
    }

    private static Properties load(String name) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = PageTextsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
