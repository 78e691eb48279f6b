package se.klassrum.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherTest {

    @Test
    void aFirstStartMakesTheAuditKeyAndCursorSecretForTheOwnerOnlyAndKeepsThem(@org.junit.jupiter.api.io.TempDir Path data)
            throws IOException {
        java.util.Map<String, String> first = LocalSecrets.forServer(data, name -> false);
        java.util.Map<String, String> again = LocalSecrets.forServer(data, name -> false);

        Path key = data.resolve(LocalSecrets.AUDIT_KEY_FILE);
        assertThat(first).containsEntry("KLASSRUM_AUDIT_KEY_FILE", key.toString());
        assertThat(java.nio.file.Files.readString(key).strip()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(java.nio.file.Files.getPosixFilePermissions(key))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(first.get("KLASSRUM_CURSOR_SECRET")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(again).as("kept across restarts").isEqualTo(first);
    }

    /** Payara Micro gets the pre-boot commands the server tests run with too: text answers compressed. */
    @Test
    void payaraMicroIsToldToCompressTextAnswers(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
        Path commands = Launcher.preBootCommands(root.resolve("payara"));

        List<String> lines = java.nio.file.Files.readAllLines(commands);
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("set configs.config.server-config."));
        assertThat(lines).contains("set configs.config.server-config.network-config.protocols.protocol.http-listener"
                + ".http.compression=on");
        assertThat(Launcher.preBootCommands(root.resolve("payara"))).as("written again for each start").isEqualTo(commands);
    }

    @Test
    void secretsSetByTheOperatorAreLeftAlone(@org.junit.jupiter.api.io.TempDir Path data) {
        assertThat(LocalSecrets.forServer(data, name -> true)).isEmpty();
        assertThat(data.resolve(LocalSecrets.AUDIT_KEY_FILE)).doesNotExist();
    }

    @Test
    void anUnreachableExternalDatabaseIsReportedInOneLineNamingTheUrl() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/klassrum";

        assertThatThrownBy(() -> Launcher.checkReachable(new Launcher.DatabaseCoordinates(url, "klassrum", "secret")))
                .isInstanceOf(Launcher.LaunchFailure.class)
                .hasMessageStartingWith("cannot reach the database at " + url + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aPortInUseIsReportedWithTheSettingsThatChooseAnother() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> Launcher.requireFreePort(taken.getLocalPort()))
                    .isInstanceOf(Launcher.LaunchFailure.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use")
                    .hasMessageContaining("KLASSRUM_HTTP_PORT");
        }
    }

    @Test
    void aSingleNodeStartsPayaraMicroWithoutACluster() {
        assertThat(Launcher.clusterOptions(settings(Map.of()))).containsExactly("--nocluster");
    }

    @Test
    void aClusterHasItsOwnNameThatOnlyNodesWithTheSamePasswordShare() {
        List<String> node = Launcher.clusterOptions(settings(Map.of("KLASSRUM_CLUSTER", "true",
                "KLASSRUM_CLUSTER_NAME", "solbacka", "KLASSRUM_CLUSTER_PASSWORD", "correct horse battery")));
        List<String> sameInstallation = Launcher.clusterOptions(settings(Map.of("KLASSRUM_CLUSTER", "true",
                "KLASSRUM_CLUSTER_NAME", "solbacka", "KLASSRUM_CLUSTER_PASSWORD", "correct horse battery")));
        List<String> otherPassword = Launcher.clusterOptions(settings(Map.of("KLASSRUM_CLUSTER", "true",
                "KLASSRUM_CLUSTER_NAME", "solbacka", "KLASSRUM_CLUSTER_PASSWORD", "another long secret")));

        assertThat(node).doesNotContain("--nocluster").hasSize(2).first().isEqualTo("--clustername");
        String name = node.get(1);
        assertThat(name).startsWith("solbacka-").isNotEqualTo("development").doesNotContain("correct horse battery");
        assertThat(sameInstallation.get(1)).isEqualTo(name);
        assertThat(otherPassword.get(1)).startsWith("solbacka-").isNotEqualTo(name);
    }

    @Test
    void eachNodeOfAClusterAppendsToAnAuditChainOfItsOwnAndASingleNodeToTheFirst() {
        Map<String, String> cluster = Map.of("KLASSRUM_CLUSTER", "true", "KLASSRUM_HTTP_PORT", "8081",
                "KLASSRUM_CLUSTER_PASSWORD", "correct horse battery");

        assertThat(Launcher.auditChain(settings(Map.of()), null, "web-1")).as("a single node: the first chain").isEmpty();
        assertThat(Launcher.auditChain(settings(cluster), null, "web-1.skola.local")).contains("web-1.skola.local-8081");
        assertThat(Launcher.auditChain(settings(cluster), null, "web 2_x")).contains("web-2-x-8081");
        assertThat(Launcher.auditChain(settings(cluster), null, "h".repeat(100)).orElseThrow()).hasSize(64).endsWith("-8081");
        assertThat(Launcher.auditChain(settings(cluster), "rack-a", "web-1")).as("as set: left to the setting").isEmpty();
        assertThatThrownBy(() -> Launcher.auditChain(settings(cluster), "a chain; drop table", "web-1"))
                .isInstanceOf(Launcher.LaunchFailure.class).hasMessageContaining("KLASSRUM_AUDIT_CHAIN");
    }

    private static Settings settings(Map<String, String> environment) {
        return Settings.from(new Properties()::getProperty, environment);
    }
}
