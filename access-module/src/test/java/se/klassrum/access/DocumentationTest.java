package se.klassrum.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import se.klassrum.access.api.ApplicationPermissions;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Prerequisite;

/** docs/ACCESS-RULES.md is the documented copy of the rules (ASVS 8.1.1); it must name what the code does. */
class DocumentationTest {

    static String rules() throws IOException {
        for (Path candidate : new Path[] {Path.of("..", "docs", "ACCESS-RULES.md"), Path.of("docs", "ACCESS-RULES.md")}) {
            if (Files.exists(candidate)) {
                return Files.readString(candidate, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("docs/ACCESS-RULES.md not found from " + Path.of("").toAbsolutePath());
    }

    static Properties bundle(String name) throws IOException {
        try (InputStream in = DocumentationTest.class.getResourceAsStream("/se/klassrum/access/" + name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @Test
    void everyCodeIsDocumented() throws IOException {
        String rules = rules();
        for (Prerequisite code : Prerequisite.values()) {
            assertThat(rules).contains("| `" + code.name() + "` |").contains("#### `" + code.name() + "`");
        }
    }

    @Test
    void everyExplanationIsDocumentedWordForWordInBothLanguages() throws IOException {
        String rules = rules();
        for (String name : new String[] {"messages.properties", "messages_sv.properties"}) {
            Properties messages = bundle(name);
            for (String key : messages.stringPropertyNames()) {
                if (Character.isUpperCase(key.charAt(0))) {
                    assertThat(rules).as("%s in %s", key, name).contains(" | " + messages.getProperty(key) + " |");
                }
            }
        }
    }

    @Test
    void everyApplicationPermissionIsDocumented() throws IOException {
        String rules = rules();
        for (DataKind kind : DataKind.values()) {
            for (Operation operation : Operation.values()) {
                assertThat(rules).contains("`" + ApplicationPermissions.required(kind, operation) + "`");
            }
        }
    }
}
