package se.klassrum.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher removes the last start's deployment from Payara Micro's configuration, so the WAR starts once. */
class PreviousDeploymentTest {

    private static final String DOMAIN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <domain log-root="${com.sun.aas.instanceRoot}/logs">
              <applications>
                <application context-root="/" name="klassrum" location="${com.sun.aas.instanceRootURI}/applications/klassrum/">
                  <module name="klassrum"><engine sniffer="web"></engine></module>
                </application>
                <application context-root="/other" name="other"></application>
              </applications>
              <servers>
                <server name="server" config-ref="server-config">
                  <application-ref ref="klassrum" virtual-servers="server"></application-ref>
                  <application-ref ref="other" virtual-servers="server"></application-ref>
                </server>
              </servers>
            </domain>
            """;

    @Test
    void theLastDeploymentIsForgottenAndEverythingElseKept(@TempDir Path root) throws IOException {
        Path domain = Files.createDirectories(root.resolve("config")).resolve("domain.xml");
        Files.writeString(domain, DOMAIN);

        assertThat(PreviousDeployment.forget(root, "klassrum")).isTrue();

        String written = Files.readString(domain);
        assertThat(written).doesNotContain("name=\"klassrum\"").doesNotContain("ref=\"klassrum\"")
                .contains("name=\"other\"").contains("ref=\"other\"").contains("name=\"server\"").contains("config-ref=\"server-config\"")
                .contains("${com.sun.aas.instanceRoot}/logs");
        assertThat(PreviousDeployment.forget(root, "klassrum")).as("nothing left to forget").isFalse();
    }

    @Test
    void aFirstStartHasNothingToForget(@TempDir Path root) {
        assertThat(PreviousDeployment.forget(root, "klassrum")).isFalse();
    }
}
