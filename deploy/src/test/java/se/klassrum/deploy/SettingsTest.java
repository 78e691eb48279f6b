package se.klassrum.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static Settings settings(Map<String, String> systemProperties, Map<String, String> environment) {
        Properties properties = new Properties();
        properties.putAll(systemProperties);
        return Settings.from(properties::getProperty, environment);
    }

    @Test
    void runsOnPort8080WithTheEmbeddedDatabaseInDataWhenNothingIsSet() {
        Settings defaults = settings(Map.of(), Map.of());

        assertThat(defaults.httpPort()).isEqualTo(8080);
        assertThat(defaults.usesEmbeddedDatabase()).isTrue();
        assertThat(defaults.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(defaults.clustered()).isFalse();
    }

    @Test
    void readsTheEnvironmentVariablesThatMicroProfileConfigWouldRead() {
        Settings fromEnvironment = settings(Map.of(), Map.of(
                "KLASSRUM_HTTP_PORT", "9090",
                "KLASSRUM_DATA_DIR", "/var/lib/klassrum",
                "KLASSRUM_DB_URL", "jdbc:postgresql://db.example/klassrum",
                "KLASSRUM_DB_USER", "app",
                "KLASSRUM_DB_PASSWORD", "secret",
                "KLASSRUM_EMBEDDED_DB_PORT", "5433"));

        assertThat(fromEnvironment.httpPort()).isEqualTo(9090);
        assertThat(fromEnvironment.dataDirectory()).isEqualTo(Path.of("/var/lib/klassrum"));
        assertThat(fromEnvironment.usesEmbeddedDatabase()).isFalse();
        assertThat(fromEnvironment.databaseUrl()).contains("jdbc:postgresql://db.example/klassrum");
        assertThat(fromEnvironment.databaseUser()).isEqualTo("app");
        assertThat(fromEnvironment.databasePassword()).isEqualTo("secret");
        assertThat(fromEnvironment.embeddedDatabasePort()).isEqualTo(5433);
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        Settings both = settings(Map.of("klassrum.http.port", "8181"), Map.of("KLASSRUM_HTTP_PORT", "9090"));

        assertThat(both.httpPort()).isEqualTo(8181);
    }

    @Test
    void anEmptyDatabaseUrlMeansTheEmbeddedDatabase() {
        Settings emptyUrl = settings(Map.of(), Map.of("KLASSRUM_DB_URL", "  "));

        assertThat(emptyUrl.usesEmbeddedDatabase()).isTrue();
    }

    @Test
    void aPortThatIsNotANumberIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> settings(Map.of(), Map.of("KLASSRUM_HTTP_PORT", "eighty")))
                .isInstanceOf(Settings.InvalidSetting.class)
                .hasMessage("KLASSRUM_HTTP_PORT must be a port number between 0 and 65535, not 'eighty'");
        assertThatThrownBy(() -> settings(Map.of(), Map.of("KLASSRUM_HTTP_PORT", "70000")))
                .isInstanceOf(Settings.InvalidSetting.class);
    }

    @Test
    void aClusterNeedsASecretToJoin() {
        assertThatThrownBy(() -> settings(Map.of(), Map.of("KLASSRUM_CLUSTER", "true")))
                .isInstanceOf(Settings.InvalidSetting.class)
                .hasMessageContaining("KLASSRUM_CLUSTER_PASSWORD")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> settings(Map.of(), Map.of("KLASSRUM_CLUSTER", "true", "KLASSRUM_CLUSTER_PASSWORD", "short")))
                .isInstanceOf(Settings.InvalidSetting.class)
                .hasMessageContaining("at least 16 characters");

        Settings clustered = settings(Map.of(), Map.of("KLASSRUM_CLUSTER", "true", "KLASSRUM_CLUSTER_NAME", "norra",
                "KLASSRUM_CLUSTER_PASSWORD", "a-long-shared-secret"));

        assertThat(clustered.clustered()).isTrue();
        assertThat(clustered.clusterName()).isEqualTo("norra");
        assertThat(clustered.clusterPassword()).contains("a-long-shared-secret");
    }

    @Test
    void aSingleNodeNeedsNoClusterSecret() {
        Settings single = settings(Map.of(), Map.of());

        assertThat(single.clusterName()).isEqualTo("klassrum");
        assertThat(single.clusterPassword()).isEmpty();
    }
}
