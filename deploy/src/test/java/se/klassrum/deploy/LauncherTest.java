package se.klassrum.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherTest {

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
}
