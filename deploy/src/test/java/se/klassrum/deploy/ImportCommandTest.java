package se.klassrum.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportCommandTest {

    @TempDir
    Path folder;

    private static ImportCommand parse(List<String> args, Map<String, String> environment) {
        return ImportCommand.parse(args, new Properties()::getProperty, environment);
    }

    @Test
    void sendsToThisMachinesPortWithTheTokenFromTheEnvironment() {
        ImportCommand command = parse(List.of(folder.toString()), Map.of("KLASSRUM_TOKEN", "t", "KLASSRUM_HTTP_PORT", "9090"));

        assertThat(command.endpoint()).hasToString("http://localhost:9090/api/v1/imports");
        assertThat(command.folder()).isEqualTo(folder);
    }

    @Test
    void anExplicitUrlAndTokenWin() {
        ImportCommand command = parse(List.of("--url", "https://klassrum.example/", "--token", "t", folder.toString()), Map.of());

        assertThat(command.endpoint()).hasToString("https://klassrum.example/api/v1/imports");
    }

    @Test
    void withoutATokenOrAFolderItSaysWhatIsMissing() {
        assertThatThrownBy(() -> parse(List.of(folder.toString()), Map.of()))
                .isInstanceOf(Settings.InvalidSetting.class).hasMessageStartingWith("no token");
        assertThatThrownBy(() -> parse(List.of(), Map.of("KLASSRUM_TOKEN", "t")))
                .isInstanceOf(Settings.InvalidSetting.class).hasMessage(ImportCommand.USAGE);
        assertThatThrownBy(() -> parse(List.of(folder.resolve("missing").toString()), Map.of("KLASSRUM_TOKEN", "t")))
                .isInstanceOf(Settings.InvalidSetting.class).hasMessageEndingWith("is not a folder");
    }

    @Test
    void eachCsvFileIsOnePartNamedFile() throws IOException {
        Files.writeString(folder.resolve("orgs.csv"), "sourcedId,name,type\n1,Skola,school\n");
        Files.writeString(folder.resolve("users.csv"), "sourcedId\n2\n");

        String body = new String(ImportCommand.multipart("B", List.of(folder.resolve("orgs.csv"), folder.resolve("users.csv"))),
                StandardCharsets.UTF_8);

        assertThat(body).startsWith("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orgs.csv\"")
                .contains("1,Skola,school\n\r\n--B\r\n")
                .contains("filename=\"users.csv\"")
                .endsWith("--B--\r\n");
    }
}
